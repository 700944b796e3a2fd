/**
 * Builds the report draft of a unit (or a level) and a year from one set of
 * year figures: the paragraphs and the tables read the same map, so the
 * text cannot disagree with the tables.
 */
import type { Role, UnitKind } from '../domain';
import { evaluateRules, type Violation } from '../rules/evaluate';
import type { Template } from '../template/schema';
import { FactSource, type Figures } from './facts';
import { listGrid, stackGrids, tableGrid, type Grid } from './grids';
import type { DraftTable, ReportDraft } from './model';
import { factRefs, factsOf, segmentsText } from './model';
import { narrativePlan } from './narratives';
import type { PlannedParagraph } from './narratives/types';
import { resolveOutline } from './outline';
import { voiceFor } from './voice';

export interface DraftInput {
  template: Template;
  unit: { code: string; name: string; kind: UnitKind | string };
  level: boolean;
  year: number;
  /** Year figures (roll-up by each cell's rule, units summed). */
  figures: Figures;
  /** The previous year's figures, for cross-year rules. */
  previous: Figures;
  /** Who reads the draft's rule messages (an office gets its own advice); a clerk when absent. */
  audience?: Role;
}

function sectionGrid(template: Template, code: string, figures: Figures): Grid | undefined {
  const s = template.sections.find((x) => x.code === code);
  if (!s) return undefined;
  return s.kind === 'table' ? tableGrid(template, s, figures) : listGrid(template, s, figures);
}

function attachViolations(grid: Grid, violations: Violation[]): Violation[] {
  const refs = new Set(grid.rows.flatMap((r) => r.flatMap((c) => (c.ref ? [c.ref] : []))));
  const mine = violations.filter((v) => v.refs.some((r) => refs.has(r)));
  const flagged = new Set(mine.flatMap((v) => v.refs));
  for (const row of grid.rows) for (const c of row) if (c.ref && flagged.has(c.ref)) c.flagged = true;
  return mine;
}

/**
 * The title as published: a government reports under its place's name
 * (遂宁市人民政府 → 遂宁市2017年政府信息公开工作年度报告), a department under
 * its own. Whether it covers the units below, and that it is a draft, is said
 * by the file name and the page, not inside the title a typist would keep.
 */
export function reportTitle(unit: { name: string; kind: UnitKind | string }, year: number): string {
  const government = unit.kind === '市' || unit.kind === '县区' || unit.kind === '乡镇';
  const author = government ? unit.name.replace(/人民政府(办公室|办公厅)?$/, '') : unit.name;
  return `${author || unit.name}${year}年政府信息公开工作年度报告`;
}

export function buildDraft(input: DraftInput): ReportDraft {
  const { template, unit, level, year, figures, previous } = input;
  const facts = new FactSource(template, figures, year);
  const plan = narrativePlan(template);
  const outline = resolveOutline(template);
  const violations = evaluateRules(template, 'year', (ref, which) => (which === 'current' ? figures : previous).get(ref), {
    audience: input.audience,
    unitKind: unit.kind,
  });
  // Each broken rule is explained where the reader first meets it, in the order the report prints.
  const explained = new Set<string>();
  const order = (section: string) => outline.sections.findIndex((s) => s.id === section);
  const planned = plan.paragraphs({ facts, voice: voiceFor(unit, level) }).map((p) => ({ ...p, section: outline.place(p.id, p.section) }));
  const byPrintOrder = [...planned].sort((a, b) => order(a.section) - order(b.section));
  const explains = new Map<Omit<PlannedParagraph, 'section'>, string[]>();
  for (const p of byPrintOrder) {
    const refs = new Set(factsOf(p).flatMap(factRefs));
    const ids = violations.filter((v) => v.refs.some((r) => refs.has(r))).map((v) => v.checkId);
    explains.set(p, ids.filter((id) => !explained.has(id)));
    for (const id of ids) explained.add(id);
  }
  const paragraphs = planned.map((p) => {
    const refs = new Set(factsOf(p).flatMap(factRefs));
    return { ...p, text: segmentsText(p.segments), violations: violations.filter((v) => v.refs.some((r) => refs.has(r))).map((v) => v.checkId), explains: explains.get(p) ?? [] };
  });
  const placedTables = plan.tables.map((t) => ({ ...t, section: outline.place(t.id, t.section) }));
  const inPrintOrder = [...placedTables].sort((a, b) => (a.section === 'appendix' ? 99 : order(a.section)) - (b.section === 'appendix' ? 99 : order(b.section)));
  const tables: DraftTable[] = inPrintOrder.flatMap((t) => {
    const parts = t.parts.flatMap((code) => {
      const grid = sectionGrid(template, code, figures);
      const section = template.sections.find((s) => s.code === code);
      return grid && section ? [{ title: section.title, grid }] : [];
    });
    if (parts.length === 0) return [];
    const grid = parts.length === 1 ? parts[0].grid : stackGrids(parts);
    const mine = attachViolations(grid, violations).filter((v) => !explained.has(v.checkId));
    for (const v of mine) explained.add(v.checkId);
    return [{ id: t.id, section: t.section, title: t.title, width: grid.width, labelColumns: grid.labelColumns, rows: grid.rows, violations: mine }];
  });
  return {
    templateId: template.id,
    templateName: template.name,
    year,
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    level,
    title: reportTitle(unit, year),
    sections: outline.sections,
    paragraphs,
    placeholders: outline.placeholders,
    tables,
    violations,
  };
}
