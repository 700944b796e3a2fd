/**
 * The grid's shape for a view of the template: which rows (section and
 * group headings, label-only rows, data rows) and which value columns, and
 * which stored cell (reference + month, or the year roll-up) sits where.
 * Navigation works on data rows × value columns only.
 */
import { cellRef, findCell, type CellDef } from '../../../../../../shared/template/cells';
import type { ListSection, TableSection, Template } from '../../../../../../shared/template/schema';
import { MONTHS } from '../../../../../../shared/values/period';
import { t } from '../../../../i18n/catalog';

/** A month 1..12, or 'year' for the roll-up (read-only). */
export type Period = number | 'year';

export type ViewSpec = { kind: 'list'; sections: string[] } | { kind: 'table'; section: string; period: Period };

export interface ValueColumn {
  id: string;
  label: string;
  group?: string;
  subgroup?: string;
}

export interface GridCell {
  def: CellDef;
  period: Period;
  /** "<ref>|<period>": the cell's value key for a month (valueKey) and its rule-mark key (markKey). */
  key: string;
}

const gridCell = (def: CellDef, period: Period): GridCell => ({ def, period, key: `${def.ref}|${period}` });

export type GridRow =
  | { kind: 'section'; id: string; label: string; sectionCode: string; collapsed: boolean }
  | { kind: 'group'; id: string; label: string }
  | { kind: 'label'; id: string; label: string; level: number }
  | { kind: 'data'; id: string; label: string; level: number; measure: string; dataIndex: number; cells: GridCell[]; note?: string };

export interface GridLayout {
  rows: GridRow[];
  dataRows: Extract<GridRow, { kind: 'data' }>[];
  columns: ValueColumn[];
  /** Label of the header cell over the row labels. */
  corner: string;
  showMeasure: boolean;
}

export const YEAR_COLUMN = 'year';

function listRows(template: Template, section: ListSection, collapsed: boolean, rows: GridRow[]) {
  rows.push({ kind: 'section', id: `s:${section.code}`, label: section.title, sectionCode: section.code, collapsed });
  if (collapsed) return;
  for (const g of section.groups) {
    if (section.groups.length > 1 || g.title !== section.title) rows.push({ kind: 'group', id: `g:${section.code}:${g.title}`, label: g.title });
    for (const ind of g.indicators) {
      const def = findCell(template, ind.code)!;
      const cells: GridCell[] = [...MONTHS.map((m) => gridCell(def, m)), gridCell(def, 'year')];
      rows.push({ kind: 'data', id: ind.code, label: ind.name, level: ind.level, measure: ind.measure, dataIndex: -1, cells, note: ind.note });
    }
  }
}

function tableRows(template: Template, table: TableSection, period: Period, rows: GridRow[]) {
  for (const row of table.rows) {
    if (!row.code) {
      rows.push({ kind: 'label', id: `l:${row.label}`, label: row.label, level: row.level });
      continue;
    }
    const code = row.code;
    const cells = table.columns.map((col) => gridCell(findCell(template, cellRef(code, col.code))!, period));
    const measures = new Set(cells.map((c) => c.def.measure));
    rows.push({ kind: 'data', id: code, label: row.label, level: row.level, measure: measures.size === 1 ? cells[0].def.measure : '', dataIndex: -1, cells, note: row.note });
  }
}

export function buildLayout(template: Template, view: ViewSpec, collapsed: ReadonlySet<string> = new Set()): GridLayout {
  const rows: GridRow[] = [];
  let columns: ValueColumn[];
  let corner = t('ledger.indicator');
  let showMeasure = true;
  if (view.kind === 'list') {
    for (const s of template.sections) {
      if (s.kind === 'list' && view.sections.includes(s.code)) listRows(template, s, collapsed.has(s.code), rows);
    }
    columns = [...MONTHS.map((m) => ({ id: `m${m}`, label: t('common.monthN', { n: m }) })), { id: YEAR_COLUMN, label: t('common.yearTotal') }];
  } else {
    const table = template.sections.find((s): s is TableSection => s.kind === 'table' && s.code === view.section);
    if (!table) throw new Error(`no table section ${view.section}`);
    tableRows(template, table, view.period, rows);
    columns = table.columns.map((c) => ({ id: c.code, label: c.label, group: c.group, subgroup: c.subgroup }));
    corner = table.cornerLabel;
    showMeasure = false;
  }
  const dataRows: GridLayout['dataRows'] = [];
  for (const r of rows) if (r.kind === 'data') dataRows.push(Object.assign(r, { dataIndex: dataRows.length }));
  return { rows, dataRows, columns, corner, showMeasure };
}

/** Where a cell of a rule shows in this layout, if it does. */
export function locate(layout: GridLayout, ref: string, period: Period): { r: number; c: number } | null {
  for (const row of layout.dataRows) {
    const c = row.cells.findIndex((cell) => cell.def.ref === ref && cell.period === period);
    if (c >= 0) return { r: row.dataIndex, c };
  }
  return null;
}
