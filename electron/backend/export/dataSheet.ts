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
  type WorkbookValue,
} from '../../../shared/workbook/format';

export function writeDataSheet(
  wb: ExcelJS.Workbook,
  meta: Record<MetaKey, string | number>,
  units: WorkbookUnit[],
  values: WorkbookValue[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DATA_SHEET, { state: 'veryHidden' });
  ws.addRow([DATA_MARKER, WORKBOOK_FORMAT_VERSION]);
  for (const key of META_KEYS) ws.addRow([key, meta[key]]);
  ws.addRow([]);
  ws.addRow([UNITS_MARKER]);
  ws.addRow([...UNIT_COLUMNS]);
  for (const u of units) ws.addRow([u.code, u.name, u.kind, u.parentCode]);
  ws.addRow([]);
  ws.addRow([VALUES_MARKER]);
  ws.addRow([...VALUE_COLUMNS]);
  const sorted = [...values].sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) || a.indicator.localeCompare(b.indicator) || a.col.localeCompare(b.col) || a.month - b.month,
  );
  // Empty col stays an empty cell (list indicators), as format.ts says.
  for (const v of sorted) ws.addRow([v.unitCode, v.indicator, v.col === '' ? null : v.col, v.month, v.value]);
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 40;
  return ws;
}
