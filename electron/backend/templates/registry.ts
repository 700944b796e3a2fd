/**
 * Templates are data: every JSON file in the built-in templates folder, and
 * in the data folder's templates/ (for formats issued after release), is
 * loaded and validated at start. A broken built-in template stops start-up
 * with its problems listed; a broken user template is reported and skipped.
 * A built-in file whose text is the one checked when the command line was
 * built (templates/prevalidated.ts) is taken as checked then.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasNarrativePlan, narrativePlan } from '../../../shared/report/narratives';
import { outlineProblems } from '../../../shared/report/outline';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { parseTemplate, TemplateError } from '../../../shared/template/validate';
import type { Prevalidated, PrevalidatedTemplate } from './prevalidated';
import { registryOf, type TemplateRegistry } from './registryOf';
import { templateFiles, templateNames } from './templateFiles';

export { registerTemplates, type TemplateRegistry } from './registryOf';

/** What a template's links to others (report plan, shared cells) must satisfy; [] when they do. */
export function linkProblems(t: Template, byId: ReadonlyMap<string, Template>): string[] {
  const problems: string[] = [];
  if (t.reportPlan !== undefined && !hasNarrativePlan(t.reportPlan)) problems.push(`报告方案 ${t.reportPlan} 不存在`);
  else problems.push(...outlineProblems(t, narrativePlan(t)));
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

function loadDir(dir: string | undefined, strict: boolean, problems: string[], prevalidated: Prevalidated = new Map()): Template[] {
  const out: Template[] = [];
  for (const name of templateNames(dir)) {
    try {
      const text = fs.readFileSync(path.join(dir!, name), 'utf8');
      const checked = prevalidated.get(name);
      out.push(checked?.text === text ? checked.template : parseTemplate(JSON.parse(text), name));
    } catch (e) {
      const err = e instanceof TemplateError ? e : new TemplateError(name, [(e as Error).message]);
      if (strict) throw err;
      problems.push(err.message);
    }
  }
  return out;
}

export function loadTemplates(builtinDir: string, userDir?: string, prevalidated?: Prevalidated): TemplateRegistry {
  const problems: string[] = [];
  const byId = new Map<string, Template>();
  for (const t of loadDir(builtinDir, true, problems, prevalidated)) byId.set(t.id, t);
  const builtin = [...byId.values()];
  for (const t of builtin) {
    const found = linkProblems(t, byId);
    if (found.length) throw new TemplateError(t.id, found);
  }
  const defaults = builtin.filter((t) => t.default);
  if (defaults.length > 1) throw new TemplateError(defaults[1].id, [`内置模板中只能有一个默认模板（${defaults.map((t) => t.id).join('、')}）`]);
  for (const t of loadDir(userDir, false, problems)) {
    const cur = byId.get(t.id);
    if (cur && cur.version >= t.version) continue;
    const found = linkProblems(t, byId);
    if (found.length) problems.push(new TemplateError(t.id, found).message);
    else byId.set(t.id, t);
  }
  return registryOf(byId, (defaults[0] ?? builtin[0])?.id, problems);
}

/**
 * The built-in templates as the command line's build checks them: each
 * file's text and what parseTemplate made of it, once the whole folder has
 * passed loadTemplates (links, one default). Throws what is wrong, so a
 * broken built-in template fails the build.
 */
export function prevalidate(builtinDir: string): PrevalidatedTemplate[] {
  const registry = loadTemplates(builtinDir);
  return templateFiles(builtinDir).map(({ name, text }) => {
    const template = parseTemplate(JSON.parse(text), name);
    if (registry.get(template.id) === undefined) throw new TemplateError(name, ['未载入']);
    return { name, text, template };
  });
}
