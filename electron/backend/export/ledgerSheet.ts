/**
 * The ledger sheet: every list section of the template, one indicator per row,
 * the period's months across and the roll-up at the end, as a clerk keeps the
 * monthly ledger by hand. Codes sit in hidden column A (format.ts).
 */
import type ExcelJS from 'exceljs';
import type { Indicator } from '../../../shared/template/schema';
import { formatPeriodLabel, periodMonths } from '../../../shared/values/period';
import { CODE_HEADER, monthHeader, periodTotalHeader, type WorkbookSheet } from '../../../shared/workbook/format';
import type { VisibleFigures } from '../workbook/figures';
import { chineseNumber, columnLetter, fitRowHeight, textWidth } from './layout';
import {
  a4Print,
  allBorders,
  center,
  font,
  GROUP_FILL,
  HEADER_FILL,
  HEADING_FILL,
  inputValidation,
  leftMiddle,
  numberFormat,
} from './styles';
import type { WorkbookInput } from './workbookInput';

const CODE_COL = 1;
const NAME_COL = 2;
const MEASURE_COL = 3;
const FIRST_MONTH_COL = 4;
const HEADER_ROW = 3;
const NAME_WIDTH = 36;
const TITLE_SIZE = 16;
/** Visible width (Excel units) up to which the sheet prints portrait at about full size: a month or a quarter. */
const PORTRAIT_WIDTH = 100;
/** A narrower table gets a wider name column, so that one month fills the page and names stay on one line. */
const MIN_WIDTH = 80;

export function writeLedgerSheet(
  wb: ExcelJS.Workbook,
  sheet: Extract<WorkbookSheet, { kind: 'ledger' }>,
  input: WorkbookInput,
  figures: VisibleFigures,
): ExcelJS.Worksheet {
  const { period } = input;
  const months = periodMonths(period);
  const totalHeader = periodTotalHeader(period);
  const lastCol = FIRST_MONTH_COL + months.length - 1 + (totalHeader ? 1 : 0);
  const totalCol = totalHeader ? lastCol : null;
  const blank = input.kind === 'blank';

  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: MEASURE_COL, ySplit: HEADER_ROW, topLeftCell: `D${HEADER_ROW + 1}`, activeCell: `D${HEADER_ROW + 1}` }],
    properties: { defaultRowHeight: 18 },
  });
  ws.getColumn(CODE_COL).width = 14;
  ws.getColumn(CODE_COL).hidden = true;
  ws.getColumn(MEASURE_COL).width = 6;
  for (let c = FIRST_MONTH_COL; c <= lastCol; c++) ws.getColumn(c).width = c === totalCol ? 10 : 8.5;
  let figuresWidth = 0;
  for (let c = MEASURE_COL; c <= lastCol; c++) figuresWidth += ws.getColumn(c).width ?? 0;
  const nameWidth = Math.max(NAME_WIDTH, MIN_WIDTH - figuresWidth);
  ws.getColumn(NAME_COL).width = nameWidth;
  const visibleWidth = nameWidth + figuresWidth;

  const span = (row: number) => `${columnLetter(NAME_COL)}${row}:${columnLetter(lastCol)}${row}`;

  const title = ws.getRow(1);
  title.getCell(NAME_COL).value = `${input.unit.name}政务公开统计台账（${formatPeriodLabel(period)}）`;
  title.getCell(NAME_COL).font = font(16, true);
  title.getCell(NAME_COL).alignment = center;
  // Tall enough for the lines the title wraps to over a narrow table (one month), in 16 pt.
  const titleLines = Math.ceil((textWidth(String(title.getCell(NAME_COL).value)) * TITLE_SIZE) / 11 / (visibleWidth - 2));
  title.height = Math.max(30, titleLines * 22 + 8);
  ws.mergeCells(span(1));

  // The line under the title, sized to its wrapped lines so that it never runs into the table header.
  const sub = ws.getRow(2);
  const subText = `填报单位：${input.unit.name}（${input.unit.code}）\u3000\u3000统计期间：${formatPeriodLabel(period)}\u3000\u3000报表：${input.template.name}`;
  sub.getCell(NAME_COL).value = subText;
  sub.getCell(NAME_COL).font = font(10);
  sub.getCell(NAME_COL).alignment = leftMiddle();
  fitRowHeight(sub, subText, visibleWidth);
  ws.mergeCells(span(2));

  const header = ws.getRow(HEADER_ROW);
  header.getCell(CODE_COL).value = CODE_HEADER;
  header.getCell(NAME_COL).value = '指标';
  header.getCell(MEASURE_COL).value = '单位';
  months.forEach((m, i) => (header.getCell(FIRST_MONTH_COL + i).value = monthHeader(m)));
  if (totalCol && totalHeader) header.getCell(totalCol).value = totalHeader;
  for (let c = CODE_COL; c <= lastCol; c++) {
    const cell = header.getCell(c);
    cell.font = font(11, true);
    cell.alignment = center;
    cell.fill = HEADER_FILL;
    cell.border = allBorders;
  }
  header.height = 22;

  let r = HEADER_ROW + 1;
  const headingRow = (text: string, fill: ExcelJS.Fill, size: number) => {
    const row = ws.getRow(r);
    const cell = row.getCell(NAME_COL);
    cell.value = text;
    cell.font = font(size, true);
    cell.alignment = leftMiddle();
    cell.fill = fill;
    cell.border = allBorders;
    ws.mergeCells(span(r));
    row.height = 20;
    r++;
  };

  sheet.sections.forEach((section, si) => {
    headingRow(`${chineseNumber(si + 1)}、${section.title}`, HEADING_FILL, 12);
    for (const group of section.groups) {
      if (group.title !== section.title) headingRow(group.title, GROUP_FILL, 11);
      for (const ind of group.indicators) writeIndicatorRow(ws, r++, ind, { months, totalCol, figures, blank, nameWidth });
    }
  });

  // A month or a quarter is a narrow table: portrait, else it prints small on a page mostly empty.
  a4Print(ws, { orientation: visibleWidth <= PORTRAIT_WIDTH ? 'portrait' : 'landscape', repeatRows: `${HEADER_ROW}:${HEADER_ROW}` });
  return ws;
}

function writeIndicatorRow(
  ws: ExcelJS.Worksheet,
  r: number,
  ind: Indicator,
  o: { months: number[]; totalCol: number | null; figures: VisibleFigures; blank: boolean; nameWidth: number },
) {
  const row = ws.getRow(r);
  row.getCell(CODE_COL).value = ind.code;
  const name = row.getCell(NAME_COL);
  name.value = ind.name;
  name.alignment = leftMiddle(ind.level * 2);
  row.getCell(MEASURE_COL).value = ind.measure;
  row.getCell(MEASURE_COL).alignment = center;
  fitRowHeight(row, ind.name, o.nameWidth - ind.level * 2);

  const fmt = numberFormat(ind);
  const monthly = o.figures.monthly.get(ind.code);
  o.months.forEach((m, i) => {
    const cell = row.getCell(FIRST_MONTH_COL + i);
    cell.numFmt = fmt;
    const v = monthly?.[m];
    if (v !== null && v !== undefined) cell.value = v;
    if (o.blank) {
      cell.protection = { locked: false };
      cell.dataValidation = inputValidation(ind, cell.address);
    }
  });
  if (o.totalCol) {
    const cell = row.getCell(o.totalCol);
    cell.numFmt = fmt;
    if (o.blank) {
      const first = `${columnLetter(FIRST_MONTH_COL)}${r}`;
      const last = `${columnLetter(FIRST_MONTH_COL + o.months.length - 1)}${r}`;
      const range = `${first}:${last}`;
      // Hand-filled templates get the roll-up as a formula; readers ignore this column.
      if (ind.rollup === 'sum') cell.value = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))` };
      else if (ind.rollup === 'last') cell.value = { formula: `IF(COUNT(${range})=0,"",LOOKUP(9.99E+307,${range}))` };
      else cell.value = { formula: `IF(COUNT(${range})=0,"",INDEX(${range},MATCH(TRUE,INDEX(ISNUMBER(${range}),0),0)))` };
    } else {
      const v = o.figures.period.get(ind.code);
      if (v !== undefined) cell.value = v;
    }
  }
  for (let c = CODE_COL; c <= (o.totalCol ?? FIRST_MONTH_COL + o.months.length - 1); c++) {
    const cell = row.getCell(c);
    cell.font = font(11, c === o.totalCol);
    cell.border = allBorders;
  }
}
