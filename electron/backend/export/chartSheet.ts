/** The category breakdown picture on its own sheet, sized to print on one A4 page. */
import type ExcelJS from 'exceljs';
import { formatPeriodLabel } from '../../../shared/values/period';
import { CHART_SHEET } from '../../../shared/workbook/format';
import { center, font } from './styles';
import type { WorkbookInput } from './workbookInput';

export function writeChartSheet(wb: ExcelJS.Workbook, input: WorkbookInput, chart: NonNullable<WorkbookInput['chart']>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(CHART_SHEET);
  ws.getColumn(1).width = 2;
  const title = ws.getRow(1);
  title.getCell(2).value = `${input.unit.name}${formatPeriodLabel(input.period)}主动公开信息分类统计`;
  title.getCell(2).font = font(14, true);
  title.getCell(2).alignment = { ...center, horizontal: 'left' };
  title.height = 26;
  const image = wb.addImage({ buffer: Buffer.from(chart.png) as unknown as ExcelJS.Buffer, extension: 'png' });
  // Shown at 96 dpi half size: the PNG is rendered at twice the size for crisp print.
  ws.addImage(image, { tl: { col: 1, row: 2 }, ext: { width: chart.width / 2, height: chart.height / 2 } });
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  return ws;
}
