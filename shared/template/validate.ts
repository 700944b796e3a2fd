/**
 * Loads a template: the zod schema first, then what a schema cannot say
 * (unique codes, rules that name existing cells).
 */
import { templateChecks } from '../rules/expand';
import { findTable, templateCells } from './cells';
import { templateSchema, type Template } from './schema';

export class TemplateError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`模板 ${source} 无效：${problems.slice(0, 5).join('；')}`);
  }
}

function semanticProblems(t: Template): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const claim = (code: string, where: string) => {
    if (seen.has(code)) problems.push(`代码 ${code} 重复（${where}）`);
    seen.add(code);
  };
  for (const s of t.sections) {
    claim(s.code, `栏目 ${s.title}`);
    if (s.kind === 'list') {
      for (const g of s.groups)
        for (const i of g.indicators) {
          claim(i.code, `指标 ${i.name}`);
          if (i.valueKind === 'count' && (i.decimals ?? 0) > 0) problems.push(`指标 ${i.name} 是数量，不能有小数位（decimals）`);
        }
    } else {
      for (const r of s.rows) if (r.code) claim(r.code, `行 ${r.label}`);
      for (const r of s.rows.filter((x) => x.code))
        for (const c of s.columns) {
          const kind = c.valueKind ?? r.valueKind ?? s.valueKind;
          if (kind === 'count' && (c.decimals ?? r.decimals ?? s.decimals ?? 0) > 0) problems.push(`表 ${s.title} 的“${r.label} / ${c.label}”是数量，不能有小数位（decimals）`);
        }
      const cols = new Set<string>();
      for (const c of s.columns) {
        if (cols.has(c.code)) problems.push(`表 ${s.title} 的列代码 ${c.code} 重复`);
        cols.add(c.code);
      }
    }
  }
  const cells = templateCells(t);
  const ruleIds = new Set<string>();
  for (const rule of t.rules) {
    if (ruleIds.has(rule.id)) problems.push(`规则 ${rule.id} 重复`);
    ruleIds.add(rule.id);
    if (rule.forEach && !findTable(t, rule.forEach.table)) {
      problems.push(`规则 ${rule.id} 引用了不存在的表 ${rule.forEach.table}`);
    }
  }
  for (const check of templateChecks(t)) {
    for (const term of [...check.left, ...check.right]) {
      if (!cells.has(term.ref)) problems.push(`规则 ${check.id} 引用了不存在的单元格 ${term.ref}`);
    }
  }
  const breakdownCodes = new Set<string>();
  for (const b of t.breakdowns) {
    if (breakdownCodes.has(b.code)) problems.push(`统计图 ${b.code} 重复`);
    breakdownCodes.add(b.code);
    const refs = [...b.total, ...b.items.flatMap((i) => i.cells)];
    for (const ref of refs) if (!cells.has(ref)) problems.push(`统计图 ${b.title} 引用了不存在的单元格 ${ref}`);
    const measures = new Set(refs.flatMap((ref) => cells.get(ref)?.measure ?? []));
    if (measures.size > 1) problems.push(`统计图 ${b.title} 的单元格计量单位不一致：${[...measures].join('、')}`);
  }
  return problems;
}

export function parseTemplate(json: unknown, source: string): Template {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    throw new TemplateError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const problems = semanticProblems(parsed.data);
  if (problems.length) throw new TemplateError(source, problems);
  return parsed.data;
}
