/**
 * The 汇总表 of a level and period: the level's totals in the template's own
 * layout (the export writer's sheets, written as a bundle so that it can
 * also be imported one level up), then a sheet of each unit's figures and
 * the submission status of every unit and month.
 */
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import type { SubmissionStatus } from '../../../shared/api/methods/office';
import type { Unit } from '../../../shared/domain';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, formatPeriodLabel, periodMonths, type Period } from '../../../shared/values/period';
import { COVER_SHEET, exportFileName } from '../../../shared/workbook/format';
import { buildWorkbook } from '../export/buildWorkbook';
import { collectContent, toWorkbookUnit } from '../export/collect';
import { nextRevision } from '../export/exportService';
import { columnLetter } from '../export/layout';
import { allBorders, center, font, HEADER_FILL, numberFormat } from '../export/styles';
import { submissionMatrix } from '../office/matrix';
import { aggregatePeriodFigures, unitMonthlyFigures } from '../store/aggregate';
import { directoryUnits } from '../store/directory';
import { findUnitByCode } from '../store/units';

export const DETAIL_SHEET = '分单位明细';
export const STATUS_SHEET = '报送情况';

const STATUS_LABEL: Record<SubmissionStatus, string> = {
  received: '已报',
  missing: '未报',
  overdue: '逾期',
  corrected: '已更正',
  completed: '已完成',
  notDue: '未到期',
};

export interface MergedExport {
  fileName: string;
  buffer: Buffer;
  unitCount: number;
  reportingUnits: number;
}

export async function mergedExport(
  db: Database.Database,
  o: { template: Template; root: Unit; period: Period; appVersion: string; today: string },
): Promise<MergedExport> {
  const { template, root, period } = o;
  const { units, values } = collectContent(db, root, 'bundle', template.id, period);
  const periodKey = formatPeriodKey(period);
  const revision = nextRevision(db, root.id, template.id, periodKey);
  const exportedAt = new Date().toISOString();
  const built = buildWorkbook({
    kind: 'bundle',
    template,
    period,
    unit: toWorkbookUnit(db, root),
    units,
    values,
    revision,
    exportedAt,
    appVersion: o.appVersion,
  });
  const wb = built.workbook;
  const cover = wb.getWorksheet(COVER_SHEET)!;
  cover.getCell('A1').value = `${root.name}${formatPeriodLabel(period)}政务公开统计汇总表`;

  const ids = units.map((u) => findUnitByCode(db, u.code)!.id);
  const perUnit = unitMonthlyFigures(db, ids, template.id, period.year);
  const reporting = [...perUnit.values()].filter((m) => [...m.values()].some((months) => months.slice(period.fromMonth, period.toMonth + 1).some((v) => v !== null)));
  // Columns in the directory's display order (parents before their units).
  const order = new Map(directoryUnits(db, null).map((u, i) => [u.id, i]));
  const columns = units.map((u, i) => ({ ...u, id: ids[i] })).sort((a, c) => (order.get(a.id) ?? 0) - (order.get(c.id) ?? 0));
  writeDetailSheet(wb, template, period, columns, perUnit);
  writeStatusSheet(wb, submissionMatrix(db, root, template.id, period.year, o.today), period);

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  db.prepare(
    `INSERT INTO export_log (unit_id, template_id, period_key, kind, revision, fingerprint, exported_at, file_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(root.id, template.id, periodKey, 'bundle', revision, built.fingerprint, exportedAt, 'merged');
  return {
    fileName: exportFileName(period.year, root.name, `${formatPeriodLabel(period).replace(/^\d{4}年/, '') || '全年'}_汇总表`),
    buffer,
    unitCount: units.length,
    reportingUnits: reporting.length,
  };
}

function headerCells(row: ExcelJS.Row, values: string[]) {
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = v;
    c.font = font(11, true);
    c.alignment = center;
    c.fill = HEADER_FILL;
    c.border = allBorders;
  });
}

/** One row per template cell, one column per unit (its own figure), then the total. */
function writeDetailSheet(
  wb: ExcelJS.Workbook,
  template: Template,
  period: Period,
  units: { id: number; code: string; name: string }[],
  perUnit: Map<number, Map<string, (number | null)[]>>,
) {
  const ws = wb.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  ws.getCell('A1').value = `分单位明细（${formatPeriodLabel(period)}，各单位本级数据，不含下级）`;
  ws.getCell('A1').font = font(14, true);
  headerCells(ws.getRow(2), ['指标', '计量单位', ...units.map((u) => u.name), '合计']);
  const figures = units.map((u) => aggregatePeriodFigures(template, new Map([[u.id, perUnit.get(u.id) ?? new Map()]]), period.fromMonth, period.toMonth));
  const total = aggregatePeriodFigures(template, perUnit, period.fromMonth, period.toMonth);
  // Column styles, not per-cell ones: a city has hundreds of units and the template a thousand cells.
  const unitFont = font(10);
  for (let c = 3; c <= units.length + 3; c++) ws.getColumn(c).font = c === units.length + 3 ? font(10, true) : unitFont;
  let r = 3;
  for (const cell of templateCells(template).values()) {
    const values = [...figures.map((f) => f.get(cell.ref) ?? null), total.get(cell.ref) ?? null];
    const row = ws.getRow(r++);
    row.values = [cell.label, cell.measure, ...values];
    if (cell.valueKind === 'amount') row.numFmt = numberFormat('amount');
  }
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 8;
  for (let c = 3; c <= units.length + 3; c++) ws.getColumn(c).width = 12;
  ws.autoFilter = `A2:${columnLetter(units.length + 3)}2`;
}

function writeStatusSheet(wb: ExcelJS.Workbook, matrix: ReturnType<typeof submissionMatrix>, period: Period) {
  const ws = wb.addWorksheet(STATUS_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const months = periodMonths(period);
  ws.getCell('A1').value = `报送情况（统计日 ${matrix.today}）`;
  ws.getCell('A1').font = font(14, true);
  headerCells(ws.getRow(2), ['单位', '代码', ...months.map((m) => `${m}月`)]);
  matrix.rows.forEach((u, i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = `${'\u3000'.repeat(Math.max(0, u.depth - 1))}${u.name}`;
    row.getCell(2).value = u.code;
    months.forEach((m, j) => {
      const cell = u.cells.find((c) => c.month === m);
      row.getCell(3 + j).value = cell ? STATUS_LABEL[cell.status] : '';
      row.getCell(3 + j).alignment = center;
    });
    for (let c = 1; c <= months.length + 2; c++) {
      row.getCell(c).border = allBorders;
      row.getCell(c).font = font(10);
    }
  });
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 14;
  for (let c = 3; c <= months.length + 2; c++) ws.getColumn(c).width = 8;
}
