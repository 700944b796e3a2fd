/**
 * The look shared by every sheet: one CJK font, thin borders, number formats
 * by value kind, A4 print set-up. 宋体 is what Chinese Excel/WPS installs
 * carry; LibreOffice substitutes Noto Serif/Sans CJK for it.
 */
import type ExcelJS from 'exceljs';
import { placesOf, type Precision } from '../../../shared/values/precision';

export const FONT_NAME = '宋体';
/** GB2312 charset: tells Excel/WPS the font's script when 宋体 is missing. */
const CHARSET_GB2312 = 134;

export const font = (size = 11, bold = false): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size, bold, charset: CHARSET_GB2312 });

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** Excel's number format of a cell: the digits the app prints for it (shared/values/numberFormat.ts). */
export { excelNumberFormat as numberFormat } from '../../../shared/values/numberFormat';

const PLACE_WORDS = ['零', '一', '两', '三', '四'];

export const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const leftMiddle = (indent = 0): Partial<ExcelJS.Alignment> => ({ horizontal: 'left', vertical: 'middle', wrapText: true, indent });

/** ExcelJS's code for A4; without one, programs print on their default paper (Letter in LibreOffice's en-US). */
export const PAPER_A4 = 9;

export interface PrintLayout {
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every page, e.g. "3:4". */
  repeatRows?: string;
  /** Columns repeated at the left of every page, e.g. "A:A". */
  repeatColumns?: string;
  /** Pages tall (0: as many as needed); always one page wide. */
  pagesTall?: number;
}

/** A4, one page wide, page numbers "第 N 页，共 M 页" in the footer. */
export function a4Print(ws: ExcelJS.Worksheet, p: PrintLayout): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: p.pagesTall ?? 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(p.repeatRows ? { printTitlesRow: p.repeatRows } : {}),
    ...(p.repeatColumns ? { printTitlesColumn: p.repeatColumns } : {}),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** A4 landscape, one page wide, `pagesTall` pages tall (0: as many as needed), header rows repeated. */
export function a4Landscape(ws: ExcelJS.Worksheet, repeatRows?: string, pagesTall = 0): void {
  a4Print(ws, { orientation: 'landscape', repeatRows, pagesTall });
}

/** Blank templates: what a clerk may type into. */
export function inputValidation(p: Precision, address: string): ExcelJS.DataValidation {
  const places = placesOf(p);
  if (places > 0) {
    return {
      type: 'custom',
      allowBlank: true,
      formulae: [`AND(ISNUMBER(${address}),${address}>=0,ROUND(${address},${places})=${address})`],
      showErrorMessage: true,
      errorTitle: '金额格式不对',
      error: `请填写不小于 0 的金额，最多${PLACE_WORDS[places] ?? places}位小数。`,
    };
  }
  return {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: '数量格式不对',
    error: '请填写不小于 0 的整数。',
  };
}
