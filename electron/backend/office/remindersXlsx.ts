/** The 催报 list as a workbook the office can send on or print: A4, ruled, every month list wrapped in its cell. */
import ExcelJS from 'exceljs';
import type { Reminders } from '../../../shared/api/methods/office';
import { formatDateLabel } from '../../../shared/office/dueDate';
import { fitRowHeight } from '../export/layout';
import { a4Print, allBorders, center, font, HEADER_FILL, leftMiddle } from '../export/styles';
import { REMINDER_HEADERS, reminderCells } from './reminders';

export const REMINDER_SHEET = '催报名单';
const HEADERS = ['序号', ...REMINDER_HEADERS];
/** Column widths (Excel units; a CJK character is two): about 100 in all, one A4 portrait page wide at near full size. */
const WIDTHS = [6, 28, 14, 18, 18, 16];
const HEADER_ROW = 3;

export function remindersTitle(r: Reminders): string {
  return `${r.office.name}${r.year}年政务公开统计报表催报名单`;
}

export async function remindersWorkbook(r: Reminders): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开台账';
  const ws = wb.addWorksheet(REMINDER_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = WIDTHS.reduce((s, w) => s + w, 0);
  const last = HEADERS.length;

  // Title and the line under it span the table, so that neither is cut at a column's edge.
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = remindersTitle(r);
  title.style = { font: font(16, true), alignment: center };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, last);
  const overdue = r.rows.filter((x) => x.overdueMonths.length > 0).length;
  const sub = ws.getCell(2, 1);
  const gap = '\u3000';
  sub.value = [
    `报表：《${r.templateName}》`,
    `统计日期：${formatDateLabel(r.today)}`,
    `未报单位：${r.rows.length}个（其中逾期${overdue}个）`,
    `请于${formatDateLabel(r.replyBy)}前报送`,
  ].join(gap);
  sub.style = { font: font(11), alignment: leftMiddle() };
  fitRowHeight(ws.getRow(2), String(sub.value), total);

  const header = ws.getRow(HEADER_ROW);
  const headerStyle: Partial<ExcelJS.Style> = { font: font(11, true), alignment: center, fill: HEADER_FILL, border: allBorders };
  HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.style = headerStyle;
  });
  header.height = 20;

  // Shared style objects by column: a city's list has hundreds of rows.
  const text: Partial<ExcelJS.Style> = { font: font(11), alignment: leftMiddle(), border: allBorders };
  const middle: Partial<ExcelJS.Style> = { font: font(11), alignment: center, border: allBorders };
  // Codes stay text so leading zeros survive.
  const code: Partial<ExcelJS.Style> = { ...text, numFmt: '@' };
  const styles = [middle, text, code, text, text, middle];
  r.rows.forEach((row, i) => {
    const cells = [String(i + 1), ...reminderCells(row)];
    const xr = ws.getRow(HEADER_ROW + 1 + i);
    cells.forEach((v, j) => {
      const c = xr.getCell(j + 1);
      c.value = j === 0 ? i + 1 : v;
      c.style = styles[j];
      fitRowHeight(xr, v, WIDTHS[j]);
    });
  });
  a4Print(ws, { orientation: 'portrait', repeatRows: `${HEADER_ROW}:${HEADER_ROW}` });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
