/**
 * The templates as the backend and the command line start with them. When
 * every built-in file is one the build checked (templates/prevalidated.ts)
 * and the data folder holds no templates of its own, the registry is made
 * from the checked ones without loading zod; otherwise templates/registry.ts
 * loads and checks what needs checking.
 */
import type { Template } from '../../../shared/template/schema';
import { prevalidatedTemplates, type Prevalidated } from './prevalidated';
import { registryOf, type TemplateRegistry } from './registryOf';
import { templateFiles, templateNames } from './templateFiles';

/** The built-in templates as checked by the build, when the folder holds exactly those files with those texts. */
function asBuilt(builtinDir: string, prevalidated: Prevalidated): Template[] | undefined {
  if (prevalidated.size === 0) return undefined;
  let files: { name: string; text: string }[];
  try {
    files = templateFiles(builtinDir);
  } catch {
    // A file that cannot be read is said so by loadTemplates.
    return undefined;
  }
  const checked = files.map((f) => prevalidated.get(f.name));
  if (files.length !== prevalidated.size || checked.some((t, i) => t?.text !== files[i].text)) return undefined;
  return checked.map((t) => t!.template);
}

export async function openTemplates(builtinDir: string, userDir: string | undefined, prevalidated: Prevalidated = prevalidatedTemplates()): Promise<TemplateRegistry> {
  // The same files with the same texts: the build's checks of the folder as a whole (links, one default) hold too.
  const builtin = templateNames(userDir).length === 0 ? asBuilt(builtinDir, prevalidated) : undefined;
  if (builtin) {
    const byId = new Map<string, Template>(builtin.map((t) => [t.id, t]));
    return registryOf(byId, (builtin.find((t) => t.default) ?? builtin[0])?.id, []);
  }
  const { loadTemplates } = await import('./registry');
  return loadTemplates(builtinDir, userDir, prevalidated);
}
