/**
 * The registry over templates already checked, and recording them in the
 * data file: no zod here, so a command that only lists templates
 * (templates/openTemplates.ts) starts without loading the schemas.
 */
import type Database from 'better-sqlite3';
import type { Template } from '../../../shared/template/schema';

export interface TemplateRegistry {
  all(): Template[];
  get(id: string): Template | undefined;
  /** The template new data files use: the built-in one marked `default` (else the first). */
  defaultId(): string | undefined;
  /**
   * The template and those sharing cells with it (`sharesCellsWith`, either
   * way): the templates whose stored rows its totals read.
   */
  family(id: string): string[];
  problems: string[];
}

/** The registry of checked templates by id; defaultId is the built-in default's. */
export function registryOf(byId: ReadonlyMap<string, Template>, defaultId: string | undefined, problems: string[]): TemplateRegistry {
  const families = new Map<string, string[]>();
  const familyOf = (id: string) => {
    let f = families.get(id);
    if (!f) {
      const linked = [...byId.values()].filter((t) => t.id !== id && (t.sharesCellsWith.includes(id) || byId.get(id)?.sharesCellsWith.includes(t.id)));
      families.set(id, (f = [id, ...linked.map((t) => t.id).sort()]));
    }
    return f;
  };
  return {
    all: () => [...byId.values()],
    get: (id) => byId.get(id),
    defaultId: () => defaultId,
    family: familyOf,
    problems,
  };
}

/** Records the templates in use so values can reference them. */
export function registerTemplates(db: Database.Database, templates: Template[]): void {
  const up = db.prepare(
    `INSERT INTO templates (id, version, name, registered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET version = excluded.version, name = excluded.name
     WHERE excluded.version >= templates.version`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const t of templates) up.run(t.id, t.version, t.name, now);
  }).immediate();
}
