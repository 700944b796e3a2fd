/**
 * The report's headings and where each paragraph and table goes. A format
 * has its own outline (the 2017 reports: 一、概述 … 四、政府信息公开收费及减免情况
 * … 七、改进措施), written in its template (`reportOutline`) as data; the
 * narrative plans write paragraphs and place them in the national 2021
 * sections, which is the outline of a template that gives none.
 */
import type { Template } from '../template/schema';
import { REPORT_SECTIONS, type DraftPlaceholder, type ReportSection } from './model';
import type { NarrativePlan } from './narratives/types';

export const NATIONAL_PLACEHOLDERS: DraftPlaceholder[] = [
  { section: '1', text: '【请在此填写总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面的工作概述。】' },
  { section: '5', text: '【请在此填写存在的主要问题及改进情况。】' },
  { section: '6', text: '【请在此填写其他需要报告的事项；没有的，写“无”。】' },
];

export interface ResolvedOutline {
  sections: ReportSection[];
  placeholders: DraftPlaceholder[];
  /** The section of a plan's paragraph or table; `planned` is where the plan put it (appendix stays there). */
  place(id: string, planned: string): string;
}

/** key.3 → key: paragraphs written per group are placed as a family. */
const stem = (id: string) => id.split('.')[0];

export function resolveOutline(template: Template): ResolvedOutline {
  const outline = template.reportOutline;
  if (!outline) return { sections: [...REPORT_SECTIONS], placeholders: NATIONAL_PLACEHOLDERS, place: (_id, planned) => planned };
  const sections = outline.map((s, i) => ({ id: String(i + 1), title: s.title }));
  const where = new Map(outline.flatMap((s, i) => s.contents.map((c) => [c, String(i + 1)] as const)));
  return {
    sections,
    placeholders: outline.flatMap((s, i) => (s.placeholder ? [{ section: String(i + 1), text: s.placeholder }] : [])),
    // outlineProblems holds every paragraph to a place when templates are loaded; the first heading is only a fallback.
    place: (id, planned) => (planned === 'appendix' ? planned : (where.get(id) ?? where.get(stem(id)) ?? sections[0].id)),
  };
}

/** What a template's outline names wrongly or leaves out; [] when every paragraph and in-text table of its plan has one place. */
export function outlineProblems(template: Template, plan: NarrativePlan): string[] {
  const outline = template.reportOutline;
  if (!outline) return [];
  if (!plan.paragraphIds) return ['报告提纲（reportOutline）需要报告方案列出其段落'];
  const known = new Set([...plan.paragraphIds, ...plan.tables.filter((t) => t.section !== 'appendix').map((t) => t.id)]);
  const problems: string[] = [];
  const placed = new Map<string, string>();
  for (const s of outline) {
    for (const c of s.contents) {
      if (!known.has(c)) problems.push(`报告提纲“${s.title}”中的“${c}”不是报告方案的段落或表格`);
      const before = placed.get(c);
      if (before !== undefined) problems.push(`报告提纲中“${c}”既在“${before}”又在“${s.title}”`);
      placed.set(c, s.title);
    }
  }
  for (const id of known) if (!placed.has(id)) problems.push(`报告方案的“${id}”在报告提纲中没有位置`);
  return problems;
}
