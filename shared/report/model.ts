/**
 * The report draft as data: paragraphs made of text and facts, and tables as
 * grids of merged cells. Every number printed in a paragraph is a Fact, so
 * it can be traced to the table cells (or the share computed from them)
 * that it came from.
 */
import type { Violation } from '../rules/evaluate';

/** A heading of the draft; paragraphs, tables and placeholders name it by id. */
export interface ReportSection {
  id: string;
  title: string;
}

/** The national 2021 format's sections: the narrative plans place their paragraphs here; a template's reportOutline may re-place them. */
export const REPORT_SECTIONS = [
  { id: '1', title: '一、总体情况' },
  { id: '2', title: '二、主动公开政府信息情况' },
  { id: '3', title: '三、收到和处理政府信息公开申请情况' },
  { id: '4', title: '四、政府信息公开行政复议、行政诉讼情况' },
  { id: '5', title: '五、存在的主要问题及改进情况' },
  { id: '6', title: '六、其他需要报告的事项' },
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];

export type Fact =
  /** The report year. */
  | { kind: 'year'; value: number; text: string }
  /** One cell's figure for the year. */
  | { kind: 'cell'; ref: string; value: number; text: string }
  /** A sum of cells (e.g. 不予公开 = its eight reasons). */
  | { kind: 'sum'; refs: string[]; value: number; text: string }
  /** A share of a total, in hundredths of a percent, computed from the counts of `refs` groups. */
  | { kind: 'share'; refs: string[]; groups: string[][]; basisPoints: number; value: number; text: string };

export type Segment = string | { fact: Fact };

export interface DraftParagraph {
  id: string;
  /** A section of the draft's outline (ReportDraft.sections). */
  section: string;
  segments: Segment[];
  /** Plain text of the segments. */
  text: string;
  /** Broken rules (check ids) that involve a cell this paragraph prints. */
  violations: string[];
  /**
   * The ones first met here, whose messages are printed after it: each
   * rule's explanation once per report, not after every paragraph it touches.
   */
  explains: string[];
}

/** A place for text people write themselves. */
export interface DraftPlaceholder {
  section: string;
  text: string;
}

export interface GridCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  kind: 'title' | 'header' | 'label' | 'value';
  /** Value cells: the cell reference and figure (null when empty). */
  ref?: string;
  value?: number | null;
  /** Involved in a broken 勾稽 rule. */
  flagged?: boolean;
}

export interface DraftTable {
  id: string;
  section: string;
  title: string;
  /** Number of grid columns. */
  width: number;
  /** Leading columns that hold row labels. */
  labelColumns: number;
  rows: GridCell[][];
  /** Broken rules involving its cells and not already explained by a paragraph or an earlier table (printed below it; its cells are flagged either way). */
  violations: Violation[];
}

export interface ReportDraft {
  templateId: string;
  templateName: string;
  year: number;
  unit: { code: string; name: string; kind: string };
  level: boolean;
  /** Heading of the document as published, e.g. 遂宁市2017年政府信息公开工作年度报告. */
  title: string;
  /** The headings in print order: the template's reportOutline, else the national 2021 sections. */
  sections: ReportSection[];
  paragraphs: DraftParagraph[];
  placeholders: DraftPlaceholder[];
  tables: DraftTable[];
  /** Every broken rule of the year (also attached to the tables they concern). */
  violations: Violation[];
}

/** Broken rules neither a paragraph nor a table explains: printed once at the end. */
export function unexplainedViolations(draft: Pick<ReportDraft, 'paragraphs' | 'tables' | 'violations'>): Violation[] {
  const told = new Set([...draft.paragraphs.flatMap((p) => p.explains), ...draft.tables.flatMap((t) => t.violations.map((v) => v.checkId))]);
  return draft.violations.filter((v) => !told.has(v.checkId));
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.fact.text)).join('');
}

/** Cells a fact was computed from. */
export function factRefs(f: Fact): string[] {
  switch (f.kind) {
    case 'year':
      return [];
    case 'cell':
      return [f.ref];
    case 'sum':
      return f.refs;
    case 'share':
      return f.groups.flat();
  }
}

export function factsOf(p: Pick<DraftParagraph, 'segments'>): Fact[] {
  return p.segments.flatMap((s) => (typeof s === 'string' ? [] : [s.fact]));
}
