/** The 催报 list as a workbook the office can send on or print. */
import ExcelJS from 'exceljs';
import type { Reminders } from '../../../shared/api/methods/office';
import { formatDateLabel } from '../../../shared/office/dueDate';
import { REMINDER_HEADERS, reminderCells } from './reminders';

export async function remindersWorkbook(r: Reminders, title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开台账';
  const ws = wb.addWorksheet('催报名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, REMINDER_HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `统计日期：${formatDateLabel(r.today)}，共${r.rows.length}个单位`;
  const header = ws.getRow(3);
  REMINDER_HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    c.border = { bottom: { style: 'thin' } };
  });
  r.rows.forEach((row, i) => {
    const cells = reminderCells(row);
    const xr = ws.getRow(4 + i);
    cells.forEach((v, j) => (xr.getCell(j + 1).value = v));
    // Codes stay text so leading zeros survive.
    xr.getCell(2).numFmt = '@';
  });
  [32, 16, 30, 24, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
