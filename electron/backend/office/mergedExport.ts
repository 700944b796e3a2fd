/**
 * The 汇总表 of a level and period, for people to read and print: the level's
 * totals in the template's own layout (the export writer's sheets, kind
 * summary), a sheet of each reporting unit's figures, and the submission
 * status of every unit and month. It carries no unit's values, so it is
 * light whatever the size of the city, and importers refuse it: what goes
 * one level up is the 汇总报送表 (a bundle, from the export page).
 */
import { fileSigner } from '../workbook/fileKey';
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import type { SubmissionStatus } from '../../../shared/api/methods/office';
import type { Unit } from '../../../shared/domain';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, formatPeriodLabel, periodMonths, type Period } from '../../../shared/values/period';
import { COVER_SHEET, exportFileName, SUMMARY_KIND, templateFileLabel } from '../../../shared/workbook/format';
import { buildWorkbook } from '../export/buildWorkbook';
import { sumMonthly } from '../workbook/figures';
import { toWorkbookUnit } from '../export/collect';
import { columnLetter, fitRowHeight, textWidth } from '../export/layout';
import { a4Print, allBorders, center, font, HEADER_FILL, leftMiddle, numberFormat } from '../export/styles';
import { formatDateLabel } from '../../../shared/office/dueDate';
import { submissionMatrix } from './matrix';
import { type MonthlyFigures, periodFigures, subtreeUnitIds, sumFigures, unitMonthlyFigures } from '../store/aggregate';
import { directoryUnits } from '../store/directory';
import { nextRevision, recordExport } from '../store/exportLog';
import { findUnitById } from '../store/units';

export const DETAIL_SHEET = '分单位明细';
export const STATUS_SHEET = '报送情况';

const STATUS_LABEL: Record<SubmissionStatus, string> = {
  received: '已报',
  missing: '未报',
  overdue: '逾期',
  corrected: '已更正',
  completed: '已完成',
  noData: '无数据',
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
  const ids = subtreeUnitIds(db, root.id);
  const perUnit = unitMonthlyFigures(db, ids, template, period.year);
  const inPeriod = (monthly: MonthlyFigures) => [...monthly.values()].some((months) => months.slice(period.fromMonth, period.toMonth + 1).some((v) => v !== null));
  const reporting = ids.filter((id) => perUnit.has(id) && inPeriod(perUnit.get(id)!));
  const monthly = sumMonthly(template, reporting.map((id) => perUnit.get(id)!), period.fromMonth, period.toMonth);
  const unitFigures = new Map(reporting.map((id) => [id, periodFigures(template, perUnit.get(id)!, period.fromMonth, period.toMonth)]));
  const levelFigures = sumFigures(template, [...unitFigures.values()]);
  const periodKey = formatPeriodKey(period);
  const revision = nextRevision(db, root.id, template.id, periodKey);
  const exportedAt = new Date().toISOString();
  const self = toWorkbookUnit(db, root);
  const built = buildWorkbook({
    kind: SUMMARY_KIND,
    template,
    period,
    unit: self,
    units: [self],
    values: [],
    figures: { monthly, period: levelFigures, empty: reporting.length === 0 },
    revision,
    exportedAt,
    appVersion: o.appVersion,
    signer: fileSigner(db),
  });
  const wb = built.workbook;
  const cover = wb.getWorksheet(COVER_SHEET)!;
  cover.getCell('A1').value = `${root.name}${formatPeriodLabel(period)}政务公开统计汇总表`;

  // Columns for the units that reported, in the directory's display order (parents before their units); who did not report is on the status sheet.
  const order = new Map(directoryUnits(db, null).map((u, i) => [u.id, i]));
  const columns = reporting.map((id) => findUnitById(db, id)!).sort((a, c) => (order.get(a.id) ?? 0) - (order.get(c.id) ?? 0));
  writeDetailSheet(wb, template, { root, period }, columns, unitFigures, levelFigures);
  writeStatusSheet(wb, submissionMatrix(db, root, template.id, period.year, o.today), period);

  // Fast deflate, as the department export: a third of the time for a few KB more.
  const buffer = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
  recordExport(db, {
    unitId: root.id,
    templateId: template.id,
    periodKey,
    kind: SUMMARY_KIND,
    revision,
    fingerprint: built.fingerprint,
    exportedAt,
    fileName: 'merged',
  });
  return {
    fileName: exportFileName(period.year, root.name, templateFileLabel(template), `${formatPeriodLabel(period).replace(/^\d{4}年/, '') || '全年'}_汇总表`),
    buffer,
    unitCount: ids.length,
    reportingUnits: reporting.length,
  };
}

const HEADER_ROW = 3;
const LABEL_WIDTH = 48;
const MEASURE_WIDTH = 8;
const UNIT_WIDTH = 12;
/**
 * Excel width units one A4 landscape page holds at the smallest scale still
 * easy to read (about 70 %). A detail sheet wider than that prints on more
 * pages across, each with the label columns repeated, rather than shrunk
 * until a city's figures are too small to read.
 */
const PAGE_UNITS = 200;

/** Rows 1 and 2: a title over the table and the line under it, spanning `span` columns so that neither is cut. */
function titleRows(ws: ExcelJS.Worksheet, title: string, note: string, span: number, width: number) {
  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).style = { font: font(14, true), alignment: center };
  ws.getRow(1).height = Math.max(24, 20 * Math.ceil((textWidth(title) * 14) / 11 / width) + 4);
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value = note;
  ws.getCell(2, 1).style = { font: font(10), alignment: leftMiddle() };
  fitRowHeight(ws.getRow(2), note, width);
}

function headerCells(row: ExcelJS.Row, values: string[], widths: number[]) {
  const style: Partial<ExcelJS.Style> = { font: font(11, true), alignment: center, fill: HEADER_FILL, border: allBorders };
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = v;
    c.style = style;
    fitRowHeight(row, v, widths[i]);
  });
}

/**
 * Print set-up of the office's sheets: A4 landscape, `pagesWide` pages
 * across, the header row and the label columns on every page, and the title
 * beside the page number in the footer, so that a loose page still says what
 * it is (LibreOffice ignores a different first-page header, so the title is
 * not put in the header, where page 1 would show it twice).
 */
function printSetup(ws: ExcelJS.Worksheet, title: string, labelColumns: string, pagesWide: number) {
  a4Print(ws, { orientation: 'landscape', repeatRows: `${HEADER_ROW}:${HEADER_ROW}`, repeatColumns: labelColumns });
  ws.pageSetup.fitToWidth = pagesWide;
  ws.headerFooter = { oddFooter: `&L&8${title.replace(/&/g, '&&')}${ws.headerFooter.oddFooter ?? ''}` };
}

/** One row per template cell, one column per reporting unit (its own figure), then the level total. */
function writeDetailSheet(
  wb: ExcelJS.Workbook,
  template: Template,
  o: { root: Unit; period: Period },
  units: { id: number; name: string }[],
  unitFigures: Map<number, Map<string, number>>,
  total: Map<string, number>,
) {
  const ws = wb.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  const widths = [LABEL_WIDTH, MEASURE_WIDTH, ...units.map(() => UNIT_WIDTH), UNIT_WIDTH];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const labelWidth = LABEL_WIDTH + MEASURE_WIDTH;
  const perPage = Math.max(1, Math.floor((PAGE_UNITS - labelWidth) / UNIT_WIDTH));
  const pagesWide = Math.ceil((units.length + 1) / perPage);
  const last = units.length + 3;
  const title = `${o.root.name}${formatPeriodLabel(o.period)}政务公开统计分单位明细`;
  // One page across: the title spans the table; more: the label columns, which every page repeats.
  const span = pagesWide === 1 ? last : 2;
  titleRows(ws, title, `已报送单位的本级数据，不含下级；未报送的单位见“${STATUS_SHEET}”。`, span, pagesWide === 1 ? widths.reduce((a, w) => a + w, 0) : labelWidth);
  headerCells(ws.getRow(HEADER_ROW), ['指标', '计量单位', ...units.map((u) => u.name), '合计'], widths);
  const figures = units.map((u) => unitFigures.get(u.id)!);
  // A handful of shared style objects: the writer recognises a style it has seen by identity, and a city's sheet has tens of thousands of cells.
  const styles = (places: number) => {
    const numFmt = numberFormat({ valueKind: places === 0 ? 'count' : 'amount', decimals: places });
    return {
      figure: { font: font(10), numFmt, border: allBorders },
      total: { font: font(10, true), numFmt, border: allBorders },
    } as Record<'figure' | 'total', Partial<ExcelJS.Style>>;
  };
  // One set per precision present (counts, 2-place and 4-place amounts).
  const byPlaces = new Map<number, ReturnType<typeof styles>>();
  const stylesFor = (places: number) => byPlaces.get(places) ?? byPlaces.set(places, styles(places)).get(places)!;
  const label: Partial<ExcelJS.Style> = { font: font(10), alignment: leftMiddle(), border: allBorders };
  const measure: Partial<ExcelJS.Style> = { font: font(10), alignment: center, border: allBorders };
  let r = HEADER_ROW + 1;
  for (const cell of templateCells(template).values()) {
    const values = [...figures.map((f) => f.get(cell.ref) ?? null), total.get(cell.ref) ?? null];
    const row = ws.getRow(r++);
    row.values = [cell.label, cell.measure, ...values];
    const kind = stylesFor(cell.decimals);
    // Every cell ruled, the empty ones too.
    for (let col = 1; col <= last; col++) row.getCell(col).style = col === 1 ? label : col === 2 ? measure : col === last ? kind.total : kind.figure;
    fitRowHeight(row, cell.label, LABEL_WIDTH);
  }
  ws.autoFilter = `A${HEADER_ROW}:${columnLetter(last)}${HEADER_ROW}`;
  printSetup(ws, title, 'A:B', pagesWide);
}

function writeStatusSheet(wb: ExcelJS.Workbook, matrix: ReturnType<typeof submissionMatrix>, period: Period) {
  const ws = wb.addWorksheet(STATUS_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  const months = periodMonths(period);
  const widths = [30, 14, ...months.map(() => 8)];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const title = `${matrix.root.name}${period.year}年各单位报送情况`;
  titleRows(ws, title, `统计日期：${formatDateLabel(matrix.today)}\u3000共${matrix.rows.length}个单位`, widths.length, widths.reduce((a, w) => a + w, 0));
  headerCells(ws.getRow(HEADER_ROW), ['单位', '代码', ...months.map((m) => `${m}月`)], widths);
  // Shared style objects, as on the detail sheet: a city's status sheet has thousands of cells.
  const text: Partial<ExcelJS.Style> = { font: font(10), alignment: leftMiddle(), border: allBorders };
  const status: Partial<ExcelJS.Style> = { font: font(10), border: allBorders, alignment: center };
  matrix.rows.forEach((u, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const name = `${'\u3000'.repeat(Math.max(0, u.depth - 1))}${u.name}`;
    row.getCell(1).value = name;
    row.getCell(2).value = u.code;
    row.getCell(1).style = text;
    row.getCell(2).style = text;
    fitRowHeight(row, name, widths[0]);
    months.forEach((m, j) => {
      const cell = u.cells.find((c) => c.month === m);
      row.getCell(3 + j).value = cell ? STATUS_LABEL[cell.status] : '';
      row.getCell(3 + j).style = status;
    });
  });
  printSetup(ws, title, 'A:B', 1);
}
