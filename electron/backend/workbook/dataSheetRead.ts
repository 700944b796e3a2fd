/**
 * The hidden data sheet of a received workbook (shared/workbook/format.ts):
 * its meta rows, its units, and its values in format 2 (packed rows, one per
 * unit and month) or format 1 (a row per value), each checked against the
 * template, the period and the file's units.
 */
import { cellRef, templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { cellLimit, checkFigure } from '../../../shared/values/limits';
import { CONTROL_CHARS_MESSAGE, hasControlChars, stripControlChars } from '../../../shared/values/textSafety';
import { parsePeriodKey, type Period } from '../../../shared/values/period';
import {
  DATA_MARKER,
  DATA_SHEET,
  SUMMARY_KIND,
  UNITS_MARKER,
  VALUES_MARKER,
  WORKBOOK_KINDS,
  workbookFormat,
  type WorkbookKind,
  type WorkbookUnit,
  type WorkbookValue,
} from '../../../shared/workbook/format';
import { EXPLANATION_KEY, MONTH_STATE_KEY, type StateRowRead } from '../../../shared/workbook/monthStates';
import { type PackedRow, unpackMonth } from '../../../shared/workbook/packedValues';
import type { UnitMonthValues } from '../../../shared/workbook/unitMonths';
import { refuse } from './problems';
import { cellText, type SheetCells } from './sheetXml';

export interface WorkbookMeta {
  formatVersion: number;
  kind: WorkbookKind;
  templateId: string;
  templateVersion: number;
  unitCode: string;
  unitName: string;
  period: Period;
  /** 0 for a hand-filled blank. */
  revision: number;
  exportedAt: string | null;
  /** As written in the file (null when the data sheet is gone). */
  fingerprint: string | null;
  /** The signing key and signature as written (null when absent: unsigned). */
  publicKey: string | null;
  signature: string | null;
  /** Every meta row above [units] as read, each its cells from column A: what the signature covers (shared/workbook/sealText.ts). */
  rows: string[][];
}

/** A format-2 [values] row as read; its values are unpacked once the template is known (packedMonths). */
export interface ReadRow extends PackedRow {
  row: number;
}

/** The meta keys a message names, as people call them. */
const META_LABELS: Record<string, string> = { format_version: '格式版本', template_version: '模板版本', revision: '修订号' };

export function parseDataSheet(cells: SheetCells): {
  meta: WorkbookMeta;
  units: WorkbookUnit[];
  values: WorkbookValue[];
  packed: ReadRow[];
  /** Month completion meta rows (shared/workbook/monthStates.ts), checked once the units and period are known. */
  stateRows: StateRowRead[];
} {
  const rows = [...cells].sort((a, b) => a[0] - b[0]);
  const text = (r: Map<number, unknown> | undefined, c: number) => cellText(r?.get(c) as never).trim();
  if (text(cells.get(1), 1) !== DATA_MARKER) refuse('bad_meta', '隐藏数据页格式不对（缺少标记），文件不可信', DATA_SHEET, 'A1');
  const kv = new Map<string, string>();
  const stateRows: StateRowRead[] = [];
  const metaRows: string[][] = [];
  for (const [, row] of rows) {
    if (text(row, 1) === UNITS_MARKER) break;
    const width = Math.max(0, ...row.keys());
    metaRows.push(Array.from({ length: width }, (_, c) => text(row, c + 1)));
  }
  let i = 1;
  for (; i < rows.length; i++) {
    const k = text(rows[i][1], 1);
    if (k === UNITS_MARKER) break;
    if (k === MONTH_STATE_KEY || k === EXPLANATION_KEY) {
      const [r, row] = rows[i];
      stateRows.push({ row: r, key: k, cells: [2, 3, 4, 5, 6].map((c) => text(row, c)) });
    } else if (k) kv.set(k, text(rows[i][1], 2));
  }
  const num = (k: string) => {
    const v = Number(kv.get(k));
    if (!Number.isInteger(v) || v < 0) refuse('bad_meta', `隐藏数据页的${META_LABELS[k] ?? `“${k}”`}不是有效的数字`, DATA_SHEET);
    return v;
  };
  const kind = kv.get('kind') as WorkbookKind;
  if (!WORKBOOK_KINDS.includes(kind as never) && kind !== SUMMARY_KIND) refuse('bad_meta', `隐藏数据页的文件类型“${kv.get('kind') ?? ''}”无法识别`, DATA_SHEET);
  const period = parsePeriodKey(kv.get('period') ?? '') ?? refuse('bad_meta', `隐藏数据页的统计期间“${kv.get('period') ?? ''}”无法识别`, DATA_SHEET);
  const b1 = Number(text(cells.get(1), 2));
  const meta: WorkbookMeta = {
    // The version is written twice (B1 and the format_version row): the newer one counts.
    formatVersion: Math.max(num('format_version'), Number.isFinite(b1) ? b1 : 0),
    kind,
    templateId: kv.get('template_id') ?? '',
    templateVersion: num('template_version'),
    unitCode: kv.get('unit_code') ?? '',
    unitName: kv.get('unit_name') ?? '',
    period,
    revision: num('revision'),
    exportedAt: kv.get('exported_at') ?? null,
    fingerprint: kv.get('fingerprint') ?? null,
    publicKey: kv.get('public_key') || null,
    signature: kv.get('signature') || null,
    rows: metaRows,
  };
  if (!meta.unitCode) refuse('bad_meta', '隐藏数据页缺少单位代码', DATA_SHEET);
  const units: WorkbookUnit[] = [];
  const values: WorkbookValue[] = [];
  const packed: ReadRow[] = [];
  let block: 'units' | 'values' | null = null;
  for (; i < rows.length; i++) {
    const [r, row] = rows[i];
    const a = text(row, 1);
    if (a === UNITS_MARKER) {
      block = 'units';
      i++;
      continue;
    }
    if (a === VALUES_MARKER) {
      block = 'values';
      i++;
      continue;
    }
    if (a === '') continue;
    if (block === 'units') units.push({ code: a, name: text(row, 2), kind: text(row, 3), parentCode: text(row, 4) });
    else if (block === 'values' && workbookFormat(meta.formatVersion)?.packedValues !== false) {
      const month = row.get(2);
      if (month?.kind !== 'number' || !Number.isInteger(month.value)) refuse('bad_meta', `隐藏数据页第 ${r} 行的月份无效`, DATA_SHEET, `B${r}`);
      const chunks: string[] = [];
      for (let c = 3; row.has(c); c++) chunks.push(text(row, c));
      packed.push({ row: r, unitCode: a, month: month.value, chunks });
    } else if (block === 'values') {
      const month = row.get(4);
      const value = row.get(5);
      if (month?.kind !== 'number' || value?.kind !== 'number') refuse('bad_meta', `隐藏数据页第 ${r} 行不是有效的数值`, DATA_SHEET, `A${r}`);
      values.push({ unitCode: a, indicator: text(row, 2), col: text(row, 3), month: month.value, value: value.value });
    }
  }
  if (units.length === 0) refuse('bad_meta', '隐藏数据页没有单位列表', DATA_SHEET);
  checkUnits(meta, units);
  return { meta, units, values, packed, stateRows };
}

/** Each unit once (a unit listed twice had its figures counted twice), and names a table or chart can hold. */
function checkUnits(meta: WorkbookMeta, units: WorkbookUnit[]): void {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.code)) refuse('bad_meta', `隐藏数据页的单位列表中“${u.name || u.code}”（${u.code}）出现了两次，文件不可信`, DATA_SHEET);
    seen.add(u.code);
    if (hasControlChars(u.name) || hasControlChars(u.code)) refuse('bad_name', `单位“${stripControlChars(u.name)}”（${stripControlChars(u.code)}）的名称或代码${CONTROL_CHARS_MESSAGE}`, DATA_SHEET);
  }
  if (hasControlChars(meta.unitName)) refuse('bad_name', `单位名称“${stripControlChars(meta.unitName)}”${CONTROL_CHARS_MESSAGE}`, DATA_SHEET);
}

/** Format 2: each row a unit of the file and a month of the period, once; each pair a cell of the template with a valid value (packedValues.ts unpackMonth). */
export function packedMonths(template: Template, meta: WorkbookMeta, units: WorkbookUnit[], rows: ReadRow[]): UnitMonthValues[] {
  const cells = templateCells(template);
  const codes = new Set(units.map((u) => u.code));
  const seen = new Set<string>();
  const out: UnitMonthValues[] = [];
  for (const r of rows) {
    const key = `${r.unitCode}\t${r.month}`;
    if (!codes.has(r.unitCode) || r.month < meta.period.fromMonth || r.month > meta.period.toMonth || seen.has(key)) {
      refuse('bad_meta', `隐藏数据页第 ${r.row} 行（“${r.unitCode}” ${r.month}月）不属于本表或重复，文件不可信`, DATA_SHEET, `A${r.row}`);
    }
    seen.add(key);
    const unpacked = unpackMonth(r.chunks, cells);
    if (!unpacked.ok) refuse('bad_meta', `隐藏数据页第 ${r.row} 行无法识别（${unpacked.why}），文件不可信`, DATA_SHEET, `C${r.row}`);
    out.push({ unitCode: r.unitCode, month: r.month, values: unpacked.values });
  }
  return out;
}

/** Format 1: the data sheet's values must be cells of the template, months of the period, units of the file. */
export function checkDataValues(template: Template, meta: WorkbookMeta, units: WorkbookUnit[], values: WorkbookValue[]) {
  const cells = templateCells(template);
  const codes = new Set(units.map((u) => u.code));
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${v.unitCode}\t${cellRef(v.indicator, v.col)}\t${v.month}`;
    const def = cells.get(cellRef(v.indicator, v.col));
    if (!def || !codes.has(v.unitCode) || v.month < meta.period.fromMonth || v.month > meta.period.toMonth || seen.has(key)) {
      refuse('bad_meta', `隐藏数据页含有不属于本表的数值（“${v.unitCode}” “${cellRef(v.indicator, v.col)}” ${v.month}月），文件不可信`, DATA_SHEET);
    }
    // The limits typing and the store apply; spreadsheet programs may write 1.84 as 1.8399999999999999, kept as 1.84.
    const checked = checkFigure(v.value, cellLimit(def));
    if (!checked.ok) refuse('bad_meta', `隐藏数据页的数值无效（${def.label} ${v.month}月的值 ${v.value}${checked.reason}）`, DATA_SHEET);
    seen.add(key);
    v.value = checked.value;
  }
}
