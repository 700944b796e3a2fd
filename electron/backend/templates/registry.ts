/**
 * Templates are data: every JSON file in the built-in templates folder, and
 * in the data folder's templates/ (for formats issued after release), is
 * loaded and validated at start. A broken built-in template stops start-up
 * with its problems listed; a broken user template is reported and skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { hasNarrativePlan } from '../../../shared/report/narratives';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { parseTemplate, TemplateError } from '../../../shared/template/validate';

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

/** What a template's links to others (report plan, shared cells) must satisfy; [] when they do. */
export function linkProblems(t: Template, byId: ReadonlyMap<string, Template>): string[] {
  const problems: string[] = [];
  if (t.reportPlan !== undefined && !hasNarrativePlan(t.reportPlan)) problems.push(`报告方案 ${t.reportPlan} 不存在`);
  for (const otherId of t.sharesCellsWith) {
    const other = byId.get(otherId);
    if (!other) {
      problems.push(`共用单元格的模板 ${otherId} 不存在`);
      continue;
    }
    const mine = templateCells(t);
    let shared = 0;
    for (const [ref, theirs] of templateCells(other)) {
      const c = mine.get(ref);
      if (!c) continue;
      shared++;
      for (const key of ['measure', 'valueKind', 'decimals', 'rollup'] as const) {
        if (c[key] !== theirs[key]) problems.push(`单元格 ${ref} 与模板 ${otherId} 的${KEY_NAMES[key]}不同（${String(c[key])} ≠ ${String(theirs[key])}）`);
      }
    }
    if (shared === 0) problems.push(`与模板 ${otherId} 没有共同的单元格`);
  }
  return problems;
}

const KEY_NAMES = { measure: '计量单位', valueKind: '数值类型', decimals: '小数位数', rollup: '汇总方式' } as const;

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
  const builtin = [...byId.values()];
  for (const t of builtin) {
    const found = linkProblems(t, byId);
    if (found.length) throw new TemplateError(t.id, found);
  }
  const defaults = builtin.filter((t) => t.default);
  if (defaults.length > 1) throw new TemplateError(defaults[1].id, [`内置模板中只能有一个默认模板（${defaults.map((t) => t.id).join('、')}）`]);
  for (const t of userDir ? loadDir(userDir, false, problems) : []) {
    const cur = byId.get(t.id);
    if (cur && cur.version >= t.version) continue;
    const found = linkProblems(t, byId);
    if (found.length) problems.push(new TemplateError(t.id, found).message);
    else byId.set(t.id, t);
  }
  const defaultId = (defaults[0] ?? builtin[0])?.id;
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
