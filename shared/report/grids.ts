/**
 * Template sections as grids of merged cells, in the official layout: the
 * column header groups (申请人情况 › 法人或其他组织 › 商业企业) become merged
 * header cells, and label-only rows (三、本年度办理结果, （三）不予公开)
 * become vertically merged label cells beside the rows they group.
 */
import { delimitedCell } from '../values/textSafety';
import { cellRef, findCell } from '../template/cells';
import type { ListSection, TableSection, Template } from '../template/schema';
import { figureText } from '../values/numberFormat';
import type { Figures } from './facts';
import type { GridCell } from './model';

export interface Grid {
  width: number;
  /** Leading columns that hold row labels (for column widths). */
  labelColumns: number;
  rows: GridCell[][];
}

const header = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ text, colSpan, rowSpan, kind: 'header' });
const label = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ text, colSpan, rowSpan, kind: 'label' });

function valueCell(template: Template, figures: Figures, ref: string, colSpan = 1): GridCell {
  const value = figures.get(ref);
  return { text: figureText(value, findCell(template, ref) ?? 'count'), colSpan, rowSpan: 1, kind: 'value', ref, value: value ?? null };
}

/** Runs of equal keys: [[key, count], …]. */
function runs<T>(items: T[], key: (t: T) => string | undefined): { key: string | undefined; items: T[] }[] {
  const out: { key: string | undefined; items: T[] }[] = [];
  for (const it of items) {
    const k = key(it);
    const last = out[out.length - 1];
    if (last && k !== undefined && last.key === k) last.items.push(it);
    else out.push({ key: k, items: [it] });
  }
  return out;
}

function columnHeaders(section: TableSection): GridCell[][] {
  const cols = section.columns;
  const depth = 1 + (cols.some((c) => c.group) ? 1 : 0) + (cols.some((c) => c.subgroup) ? 1 : 0);
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  if (depth === 1) {
    rows[0] = cols.map((c) => header(c.label));
    return rows;
  }
  for (const g of runs(cols, (c) => c.group)) {
    if (g.key === undefined) {
      for (const c of g.items) rows[0].push(header(c.label, 1, depth));
      continue;
    }
    rows[0].push(header(g.key, g.items.length));
    const inner = depth - 1;
    for (const s of runs(g.items, (c) => c.subgroup)) {
      if (s.key === undefined) {
        for (const c of s.items) rows[1].push(header(c.label, 1, inner));
        continue;
      }
      rows[1].push(header(s.key, s.items.length));
      for (const c of s.items) rows[2].push(header(c.label));
    }
  }
  return rows;
}

/** Official table 四 has no row-label column: one row of figures under the headers. */
function hasLabelColumn(section: TableSection): boolean {
  return !(section.rows.length === 1 && section.cornerLabel === '' && !section.cornerNote);
}

export function tableGrid(template: Template, section: TableSection, figures: Figures): Grid {
  const heads = columnHeaders(section);
  const withLabels = hasLabelColumn(section);
  const labelDepth = withLabels ? Math.max(...section.rows.map((r) => r.level)) + 1 : 0;
  const width = labelDepth + section.columns.length;
  if (withLabels) {
    const corner = [section.cornerLabel, section.cornerNote ? `（${section.cornerNote.replace(/^（|）$/g, '')}）` : '']
      .filter(Boolean)
      .join('\n');
    heads[0].unshift(header(corner, labelDepth, heads.length));
  }
  const rows: GridCell[][] = [...heads];
  // A label-only row groups the coded rows after it that sit deeper.
  const coded = (from: number, level: number) => {
    let n = 0;
    for (let j = from; j < section.rows.length && section.rows[j].level > level; j++) if (section.rows[j].code) n++;
    return n;
  };
  let pending: GridCell[] = [];
  section.rows.forEach((row, i) => {
    if (!row.code) {
      if (withLabels) pending.push(label(row.label, 1, coded(i + 1, row.level)));
      return;
    }
    const cells: GridCell[] = [...pending];
    pending = [];
    if (withLabels) cells.push(label(row.label, labelDepth - row.level));
    for (const c of section.columns) cells.push(valueCell(template, figures, cellRef(row.code, c.code)));
    rows.push(cells);
  });
  return { width, labelColumns: labelDepth, rows };
}

/** A list section as 指标 | 本年 | 计量单位, with its groups as sub-heading rows. */
export function listGrid(template: Template, section: ListSection, figures: Figures): Grid {
  const rows: GridCell[][] = [[header('指标'), header('本年'), header('计量单位')]];
  for (const g of section.groups) {
    if (section.groups.length > 1) rows.push([{ ...label(g.title, 3), kind: 'title' }]);
    for (const ind of g.indicators) {
      rows.push([label(ind.name), valueCell(template, figures, ind.code), label(ind.measure)]);
    }
  }
  return { width: 3, labelColumns: 1, rows };
}

/**
 * Stacks grids under title rows into one table (the official table 二 stacks
 * 第二十条第（一）、（五）、（六）、（八）项); narrower grids stretch their last column.
 */
export function stackGrids(parts: { title: string; grid: Grid }[]): Grid {
  const width = Math.max(...parts.map((p) => p.grid.width));
  const rows: GridCell[][] = [];
  for (const p of parts) {
    rows.push([{ text: p.title, colSpan: width, rowSpan: 1, kind: 'title' }]);
    const extra = width - p.grid.width;
    for (const r of p.grid.rows) {
      const copy = r.map((c) => ({ ...c }));
      if (extra > 0) copy[copy.length - 1].colSpan += extra;
      rows.push(copy);
    }
  }
  return { width, labelColumns: Math.max(...parts.map((p) => p.grid.labelColumns)), rows };
}

/**
 * The grid as a full matrix (merged cells' text at their top-left, blanks
 * elsewhere), e.g. for tab-separated copying.
 */
export function gridMatrix(grid: Pick<Grid, 'width' | 'rows'>): string[][] {
  const m: (string | undefined)[][] = grid.rows.map(() => new Array<string | undefined>(grid.width).fill(undefined));
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < grid.width && m[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) if (m[r + dr] && c + dc < grid.width) m[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      c += cell.colSpan;
    }
  });
  return m.map((row) => row.map((t) => t ?? ''));
}

export function gridTsv(grid: Pick<Grid, 'width' | 'rows'>): string {
  return gridMatrix(grid)
    .map((row) => row.map(delimitedCell).join('\t'))
    .join('\n');
}
