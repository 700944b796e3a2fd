/** The category breakdown picture on its own sheet, sized to print on one A4 page. */
import type ExcelJS from 'exceljs';
import { CHART_SHEET } from '../../../shared/workbook/format';
import { a4Print } from './styles';
import type { WorkbookInput } from './workbookInput';

export function writeChartSheet(wb: ExcelJS.Workbook, chart: NonNullable<WorkbookInput['chart']>): ExcelJS.Worksheet {
  // The picture carries its own title, unit and period.
  const ws = wb.addWorksheet(CHART_SHEET, { views: [{ showGridLines: false }] });
  const image = wb.addImage({ buffer: Buffer.from(chart.png) as unknown as ExcelJS.Buffer, extension: 'png' });
  // Shown at half its pixel size: the PNG is rendered at twice the size for crisp print.
  ws.addImage(image, { tl: { col: 0.3, row: 0.5 }, ext: { width: chart.width / 2, height: chart.height / 2 } });
  a4Print(ws, { orientation: 'landscape', pagesTall: 1 });
  return ws;
}
