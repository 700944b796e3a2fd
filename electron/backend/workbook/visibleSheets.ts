/**
 * Reads the visible sheets strictly by the hidden codes (column A, and the
 * [cols] code rows of table sheets), as shared/workbook/format.ts lays them
 * out. Used to check the visible cells against the hidden data, and as the
 * only source when the data sheet is gone (re-saved by Excel/WPS/LibreOffice)
 * or the file is a blank template filled in by hand.
 *
 * Strict means: the labels must be the template's, every indicator row must
 * be there exactly once, no unknown codes, and every filled cell must be a
 * plain number the template accepts. Formulas are refused even when a cached
 * result is present: a cached result can be stale (the file may never have
 * been recalculated, openpyxl writes none), and a figure someone reports
 * must be the figure typed, not one derived from other cells. Only the
 * ledger's roll-up column, which readers ignore, may hold formulas.
 */
import { type CellDef, cellRef, templateCells } from '../../../shared/template/cells';
import type { Template, TableSection } from '../../../shared/template/schema';
import { cellLimit, figureFault, roundFigure } from '../../../shared/values/limits';
import { parseValue } from '../../../shared/values/parse';
import { periodMonths, type Period } from '../../../shared/values/period';
import { CODE_HEADER, TABLE_COLS_MARKER, workbookSheets } from '../../../shared/workbook/format';
import type { ImportProblem } from './problems';
import { address, cellText, type RawCell, type SheetCells } from './sheetXml';

/** One visible value cell: where it is and what it holds (null = empty). */
export interface VisibleCell {
  sheet: string;
  cell: string;
  value: number | null;
}

export interface VisibleRead {
  /** Ledger sheet: ref → month → cell. */
  monthly: Map<string, Map<number, VisibleCell>>;
  /** Table sheets: ref → the period figure's cell. */
  period: Map<string, VisibleCell>;
  problems: ImportProblem[];
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** A template indicator's name as labels are compared (norm), made once per indicator. */
const LABELS = new WeakMap<{ name: string }, string>();
function templateLabel(ind: { name: string }): string {
  let label = LABELS.get(ind);
  if (label === undefined) LABELS.set(ind, (label = norm(ind.name)));
  return label;
}

/** Column letters by column number, made once each: every value cell read is named by its address. */
const COLUMNS: string[] = [];
const cellAddress = (row: number, col: number): string =>
  col > 0 && col <= 16384 ? (COLUMNS[col] ??= address(1, col).slice(0, -1)) + row : address(row, col);

function valueOf(c: RawCell | undefined, def: { valueKind: 'count' | 'amount'; decimals?: number }, sheet: string, cell: string, problems: ImportProblem[]): number | null {
  if (!c) return null;
  if (c.formula) {
    problems.push({ code: 'formula', sheet, cell, message: `${sheet}!${cell} 是公式，请填写数字本身（公式的结果可能未重算，不能作为报送数）` });
    return null;
  }
  if (c.kind === 'string') {
    if (c.value.trim() === '') return null;
    problems.push({ code: 'bad_value', sheet, cell, message: `${sheet}!${cell} 应为数字，实际是文字“${c.value.slice(0, 30)}”` });
    return null;
  }
  if (c.kind !== 'number') {
    problems.push({ code: 'bad_value', sheet, cell, message: `${sheet}!${cell} 应为数字，实际是“${cellText(c)}”` });
    return null;
  }
  const limit = cellLimit(def);
  // What parseValue makes of a number the limit accepts, without its result objects; a fault goes to it for the message.
  if (figureFault(c.value, limit) === null) return roundFigure(c.value, limit);
  const r = parseValue(c.value, def.valueKind, limit);
  if (!r.ok) {
    problems.push({ code: 'bad_value', sheet, cell, message: `${sheet}!${cell}：${r.message}` });
    return null;
  }
  return r.value;
}

export function readVisibleSheets(template: Template, period: Period, sheets: Map<string, SheetCells>): VisibleRead {
  const out: VisibleRead = { monthly: new Map(), period: new Map(), problems: [] };
  for (const sheet of workbookSheets(template)) {
    const cells = sheets.get(sheet.name);
    if (!cells) {
      out.problems.push({ code: 'unknown_sheet_layout', sheet: sheet.name, message: `缺少工作表“${sheet.name}”，不是该模板的报表或工作表被改名` });
      continue;
    }
    if (sheet.kind === 'ledger') readLedger(template, period, sheet.name, sheet.sections.flatMap((s) => s.groups.flatMap((g) => g.indicators)), cells, out);
    else readTables(template, sheet.name, sheet.sections, cells, out);
  }
  return out;
}

function readLedger(
  template: Template,
  period: Period,
  name: string,
  indicators: { code: string; name: string; valueKind: 'count' | 'amount' }[],
  cells: SheetCells,
  out: VisibleRead,
) {
  const problem = (p: Omit<ImportProblem, 'sheet'>) => out.problems.push({ ...p, sheet: name });
  const headerRow = [...cells.keys()].sort((a, b) => a - b).find((r) => r <= 20 && cellText(cells.get(r)?.get(1)).trim() === CODE_HEADER);
  if (headerRow === undefined) {
    problem({ code: 'unknown_sheet_layout', message: `工作表“${name}”找不到表头（隐藏的 A 列“${CODE_HEADER}”），无法按指标代码读取` });
    return;
  }
  const header = cells.get(headerRow)!;
  const monthCols = new Map<number, number>();
  for (const [c, cell] of header) {
    const m = /^(\d{1,2})月$/.exec(cellText(cell).trim());
    if (c >= 4 && m) monthCols.set(Number(m[1]), c);
  }
  const expected = periodMonths(period);
  if (monthCols.size !== expected.length || expected.some((m) => !monthCols.has(m))) {
    problem({
      code: 'unknown_sheet_layout',
      cell: address(headerRow, 4),
      message: `工作表“${name}”的月份列（${[...monthCols.keys()].map((m) => `${m}月`).join('、') || '无'}）与统计期间不符`,
    });
    return;
  }
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  for (const [r, row] of [...cells].sort((a, b) => a[0] - b[0])) {
    if (r <= headerRow) continue;
    const code = cellText(row.get(1)).trim();
    if (code === '') continue;
    const ind = byCode.get(code);
    if (!ind) {
      problem({ code: 'unknown_indicator', cell: address(r, 1), message: `${name}!${address(r, 1)}：指标代码“${code}”不属于该模板` });
      continue;
    }
    if (seen.has(code)) {
      problem({ code: 'duplicate_indicator', cell: address(r, 1), message: `${name}!${address(r, 1)}：指标“${ind.name}”重复出现（第 ${seen.get(code)} 行和第 ${r} 行）` });
      continue;
    }
    seen.set(code, r);
    const label = cellText(row.get(2));
    if (norm(label) !== templateLabel(ind)) {
      problem({ code: 'label_mismatch', cell: address(r, 2), message: `${name}!${address(r, 2)}：指标名称“${label}”与模板“${ind.name}”不符` });
      continue;
    }
    const months = new Map<number, VisibleCell>();
    for (const m of expected) {
      const c = monthCols.get(m)!;
      const addr = cellAddress(r, c);
      months.set(m, { sheet: name, cell: addr, value: valueOf(row.get(c), ind, name, addr, out.problems) });
    }
    out.monthly.set(ind.code, months);
  }
  const missing = indicators.filter((i) => !seen.has(i.code));
  if (missing.length) {
    problem({ code: 'unknown_sheet_layout', message: `工作表“${name}”缺少指标行：${missing.slice(0, 5).map((i) => i.name).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 项` : ''}` });
  }
  void template;
}

/** A table row as readTables checks it: the first of the section's rows with its code, its label as compared, and each column's template cell. */
interface KnownRow {
  row: TableSection['rows'][number];
  label: string;
  cells: (CellDef | undefined)[];
}
const SECTION_ROWS = new WeakMap<Map<string, CellDef>, WeakMap<TableSection, Map<string, KnownRow>>>();

/** Per template section, made once: readTables looked each row up, and each cell's ref, for every file. */
function rowsOf(section: TableSection, defs: Map<string, CellDef>): Map<string, KnownRow> {
  let sections = SECTION_ROWS.get(defs);
  if (!sections) SECTION_ROWS.set(defs, (sections = new WeakMap()));
  let rows = sections.get(section);
  if (!rows) {
    rows = new Map();
    for (const row of section.rows) {
      const code = row.code;
      if (!code || rows.has(code)) continue;
      rows.set(code, { row, label: norm(row.label), cells: section.columns.map((col) => defs.get(cellRef(code, col.code))) });
    }
    sections.set(section, rows);
  }
  return rows;
}

function readTables(template: Template, name: string, sections: TableSection[], cells: SheetCells, out: VisibleRead) {
  const problem = (p: Omit<ImportProblem, 'sheet'>) => out.problems.push({ ...p, sheet: name });
  const defs = templateCells(template);
  const seenSections = new Set<string>();
  const seenRows = new Map<string, number>();
  let section: TableSection | undefined;
  let colMap = new Map<number, string>();
  let firstValueCol = 0;
  for (const [r, row] of [...cells].sort((a, b) => a[0] - b[0])) {
    const a = cellText(row.get(1)).trim();
    if (a === '') continue;
    if (a.startsWith(TABLE_COLS_MARKER)) {
      const code = a.slice(TABLE_COLS_MARKER.length).trim();
      section = sections.find((s) => s.code === code);
      if (!section || seenSections.has(code)) {
        problem({ code: 'unknown_sheet_layout', cell: address(r, 1), message: `${name}!${address(r, 1)}：表格代码“${code}”不属于此工作表或重复` });
        section = undefined;
        continue;
      }
      seenSections.add(code);
      colMap = new Map();
      for (const [c, cell] of row) if (c > 1) colMap.set(c, cellText(cell).trim());
      const codes = [...colMap.values()];
      const want = section.columns.map((c) => c.code);
      if (codes.length !== want.length || want.some((w, i) => codes[i] !== w)) {
        problem({ code: 'unknown_sheet_layout', cell: address(r, 2), message: `${name} 第 ${r} 行：表格“${section.title}”的列代码与模板不符` });
        section = undefined;
        continue;
      }
      firstValueCol = Math.min(...colMap.keys());
      continue;
    }
    if (!section) {
      problem({ code: 'unknown_indicator', cell: address(r, 1), message: `${name}!${address(r, 1)}：代码“${a}”不在任何表格之下` });
      continue;
    }
    const known = rowsOf(section, defs).get(a);
    const tr = known?.row;
    if (!known || !tr) {
      problem({ code: 'unknown_indicator', cell: address(r, 1), message: `${name}!${address(r, 1)}：行代码“${a}”不属于表格“${section.title}”` });
      continue;
    }
    const key = `${section.code}/${a}`;
    if (seenRows.has(key)) {
      problem({ code: 'duplicate_indicator', cell: address(r, 1), message: `${name}!${address(r, 1)}：“${tr.label}”行重复出现（第 ${seenRows.get(key)} 行和第 ${r} 行）` });
      continue;
    }
    seenRows.set(key, r);
    let label = '';
    let labelCol = 2;
    for (let c = 2; c < firstValueCol; c++) {
      const t = cellText(row.get(c));
      if (t.trim() !== '') {
        label = t;
        labelCol = c;
      }
    }
    if (norm(label) !== known.label) {
      problem({ code: 'label_mismatch', cell: address(r, labelCol), message: `${name}!${address(r, labelCol)}：行名称“${label}”与模板“${tr.label}”不符` });
      continue;
    }
    // colMap holds the section's columns in order (checked at its [cols] row): their cells are the row's, worked out once.
    let k = 0;
    for (const c of colMap.keys()) {
      const def = known.cells[k++];
      if (!def) continue;
      const addr = cellAddress(r, c);
      out.period.set(def.ref, { sheet: name, cell: addr, value: valueOf(row.get(c), def, name, addr, out.problems) });
    }
  }
  for (const s of sections) {
    if (!seenSections.has(s.code)) {
      problem({ code: 'unknown_sheet_layout', message: `工作表“${name}”缺少表格“${s.title}”（隐藏的列代码行）` });
      continue;
    }
    const missing = s.rows.filter((x) => x.code && !seenRows.has(`${s.code}/${x.code}`));
    if (missing.length) problem({ code: 'unknown_sheet_layout', message: `表格“${s.title}”缺少行：${missing.slice(0, 5).map((x) => x.label).join('、')}` });
  }
}
