/** The hidden machine-readable sheet, exactly as shared/workbook/format.ts describes it. */
import type ExcelJS from 'exceljs';
import {
  DATA_MARKER,
  DATA_SHEET,
  type MetaKey,
  META_KEYS,
  UNIT_COLUMNS,
  UNITS_MARKER,
  VALUE_COLUMNS,
  VALUES_MARKER,
  WORKBOOK_FORMAT_VERSION,
  type WorkbookUnit,
} from '../../../shared/workbook/format';
import { monthStateRows, type WorkbookMonthState } from '../../../shared/workbook/monthStates';
import type { PackedRow } from '../../../shared/workbook/packedValues';

export function writeDataSheet(
  wb: ExcelJS.Workbook,
  meta: Partial<Record<MetaKey, string | number>>,
  units: WorkbookUnit[],
  rows: PackedRow[],
  monthStates: WorkbookMonthState[] = [],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DATA_SHEET, { state: 'veryHidden' });
  ws.addRow([DATA_MARKER, WORKBOOK_FORMAT_VERSION]);
  // An unsigned workbook has no public_key and signature rows at all.
  for (const key of META_KEYS) if (meta[key] !== undefined) ws.addRow([key, meta[key]]);
  // Meta rows too (shared/workbook/monthStates.ts): readers that do not know them skip them.
  ws.addRows(monthStateRows(monthStates, units.map((u) => u.code)));
  ws.addRow([]);
  ws.addRow([UNITS_MARKER]);
  ws.addRow([...UNIT_COLUMNS]);
  for (const u of units) ws.addRow([u.code, u.name, u.kind, u.parentCode]);
  ws.addRow([]);
  ws.addRow([VALUES_MARKER]);
  ws.addRow([...VALUE_COLUMNS]);
  ws.addRows(rows.map((r) => [r.unitCode, r.month, ...r.chunks]));
  ws.getColumn(1).width = 20;
  ws.getColumn(3).width = 60;
  return ws;
}
