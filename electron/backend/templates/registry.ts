/**
 * Templates are data: every JSON file in the built-in templates folder, and
 * in the data folder's templates/ (for formats issued after release), is
 * loaded and validated at start. A broken built-in template stops start-up
 * with its problems listed; a broken user template is reported and skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Template } from '../../../shared/template/schema';
import { parseTemplate, TemplateError } from '../../../shared/template/validate';

export interface TemplateRegistry {
  all(): Template[];
  get(id: string): Template | undefined;
  problems: string[];
}

function loadDir(dir: string, strict: boolean, problems: string[]): Template[] {
  if (!fs.existsSync(dir)) return [];
  const out: Template[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    try {
      out.push(parseTemplate(JSON.parse(fs.readFileSync(file, 'utf8')), name));
    } catch (e) {
      const err = e instanceof TemplateError ? e : new TemplateError(name, [(e as Error).message]);
      if (strict) throw err;
      problems.push(err.message);
    }
  }
  return out;
}

export function loadTemplates(builtinDir: string, userDir?: string): TemplateRegistry {
  const problems: string[] = [];
  const byId = new Map<string, Template>();
  for (const t of loadDir(builtinDir, true, problems)) byId.set(t.id, t);
  for (const t of userDir ? loadDir(userDir, false, problems) : []) {
    const cur = byId.get(t.id);
    if (!cur || cur.version < t.version) byId.set(t.id, t);
  }
  return {
    all: () => [...byId.values()],
    get: (id) => byId.get(id),
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
