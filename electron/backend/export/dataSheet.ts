/** The hidden machine-readable sheet, exactly as shared/workbook/format.ts describes it. */
import type ExcelJS from 'exceljs';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
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
import { packedRows } from '../../../shared/workbook/packedValues';

export function writeDataSheet(
  wb: ExcelJS.Workbook,
  template: Template,
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
  const unitOrder = [...units.map((u) => u.code), ...new Set(values.map((v) => v.unitCode))];
  ws.addRows(packedRows(templateCells(template), [...new Set(unitOrder)], values));
  ws.getColumn(1).width = 20;
  ws.getColumn(3).width = 60;
  return ws;
}
