/**
 * The built-in templates as checked when the command line was built
 * (cli.vite.config.ts runs templates/registry.ts prevalidate over
 * resources/templates and defines __LEDGER_PREVALIDATED_TEMPLATES__): each
 * file's text and the template parseTemplate made of it. A built-in file
 * whose text is still that text is taken as it was checked, so starting the
 * command line does not build and run zod's template schema (a third of its
 * start-up). Anything else is checked as it is read: a file changed since,
 * a user's template, and everything in bundles built without it (the
 * desktop app, tests), where this is empty.
 */
import type { Template } from '../../../shared/template/schema';

export interface PrevalidatedTemplate {
  /** The file's name in the templates folder. */
  name: string;
  /** The file's whole text, as read. */
  text: string;
  template: Template;
}

/** By file name. */
export type Prevalidated = ReadonlyMap<string, PrevalidatedTemplate>;

/** JSON of a PrevalidatedTemplate[], defined by the build. */
declare const __LEDGER_PREVALIDATED_TEMPLATES__: string | undefined;

let built: Prevalidated | undefined;

/** What this bundle's build checked (empty when it checked nothing). */
export function prevalidatedTemplates(): Prevalidated {
  if (!built) {
    const checked = typeof __LEDGER_PREVALIDATED_TEMPLATES__ === 'undefined' ? [] : (JSON.parse(__LEDGER_PREVALIDATED_TEMPLATES__) as PrevalidatedTemplate[]);
    built = new Map(checked.map((t) => [t.name, t]));
  }
  return built;
}
