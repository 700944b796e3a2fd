/**
 * A national-format table sheet, laid out like the official table: merged
 * header cells over the value columns, the corner cell with its label or note,
 * row labels nested by the template's label-only group rows (三、本年度办理结果
 * spans its rows vertically, its items sit to the right). Several tables may
 * share a sheet (二、 has four); each gets its own hidden code row (format.ts).
 */
import type ExcelJS from 'exceljs';
import { cellRef, findCell } from '../../../shared/template/cells';
import type { TableColumn, TableSection } from '../../../shared/template/schema';
import { formatPeriodLabel } from '../../../shared/values/period';
import { TABLE_COLS_MARKER, type WorkbookSheet } from '../../../shared/workbook/format';
import type { VisibleFigures } from '../workbook/figures';
import { wrappedHeight } from './layout';
import { a4Landscape, allBorders, center, font, HEADER_FILL, inputValidation, leftMiddle, numberFormat } from './styles';
import type { WorkbookInput } from './workbookInput';

const CODE_COL = 1;
const LABEL_START = 2;
const WIDE_LABEL_WIDTH = 40;

interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** Label columns a section needs: one per level of label-only group rows, plus the row's own. */
function labelColumnsOf(section: TableSection): number {
  let max = 1;
  const stack: number[] = [];
  for (const row of section.rows) {
    while (stack.length && stack[stack.length - 1] >= row.level) stack.pop();
    if (!row.code) stack.push(row.level);
    else max = Math.max(max, stack.length + 1);
  }
  return max;
}

/** Header text of a column per header row: group, subgroup, then the label spanning the rest. */
function headerStack(col: TableColumn): string[] {
  return [col.group, col.subgroup, col.label].filter((h): h is string => h !== undefined);
}

export function writeTableSheet(
  wb: ExcelJS.Workbook,
  sheet: Extract<WorkbookSheet, { kind: 'table' }>,
  input: WorkbookInput,
  figures: VisibleFigures,
): ExcelJS.Worksheet {
  const labelCols = Math.max(...sheet.sections.map(labelColumnsOf));
  const valueCols = Math.max(...sheet.sections.map((s) => s.columns.length));
  const valueStart = LABEL_START + labelCols;
  const lastCol = valueStart + valueCols - 1;
  const blank = input.kind === 'blank';

  const ws = wb.addWorksheet(sheet.name, { properties: { defaultRowHeight: 18 } });
  ws.getColumn(CODE_COL).width = 18;
  ws.getColumn(CODE_COL).hidden = true;
  const labelWidths = labelCols === 1 ? [WIDE_LABEL_WIDTH] : [...Array(labelCols - 2).fill(6), 10, WIDE_LABEL_WIDTH].slice(-labelCols);
  if (labelCols > 1) labelWidths[0] = 6;
  labelWidths.forEach((w, i) => (ws.getColumn(LABEL_START + i).width = w));
  const valueWidth = valueCols >= 10 ? 8.5 : valueCols >= 5 ? 10 : 18;
  for (let c = valueStart; c <= lastCol; c++) ws.getColumn(c).width = valueWidth;
  const widthOf = (c0: number, c1: number) => {
    let w = 0;
    for (let c = c0; c <= c1; c++) w += ws.getColumn(c).width ?? 9;
    return w;
  };

  const styleRect = (rect: Rect, style: Partial<ExcelJS.Style>) => {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) Object.assign(ws.getCell(r, c), style);
  };
  const put = (rect: Rect, text: string, style: Partial<ExcelJS.Style>) => {
    styleRect(rect, { border: allBorders, ...style });
    ws.getCell(rect.r0, rect.c0).value = text;
    if (rect.r1 > rect.r0 || rect.c1 > rect.c0) ws.mergeCells(rect.r0, rect.c0, rect.r1, rect.c1);
    // Spread the height the text needs over the rows it spans.
    const perRow = wrappedHeight(text, widthOf(rect.c0, rect.c1)) / (rect.r1 - rect.r0 + 1);
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = ws.getRow(r);
      if (!row.height || row.height < perRow) row.height = perRow;
    }
  };

  const codeRow = (r: number, section: TableSection) => {
    const row = ws.getRow(r);
    row.getCell(CODE_COL).value = `${TABLE_COLS_MARKER} ${section.code}`;
    section.columns.forEach((col, j) => (row.getCell(valueStart + j).value = col.code));
    row.hidden = true;
  };

  codeRow(1, sheet.sections[0]);
  put({ r0: 2, r1: 2, c0: LABEL_START, c1: lastCol }, sheet.title, { font: font(16, true), alignment: center, border: {} });
  ws.getRow(2).height = 30;
  put(
    { r0: 3, r1: 3, c0: LABEL_START, c1: lastCol },
    `填报单位：${input.unit.name}（${input.unit.code}）\u3000\u3000统计期间：${formatPeriodLabel(input.period)}`,
    { font: font(10), alignment: leftMiddle(), border: {} },
  );

  let r = 4;
  let repeatRows: string | undefined;
  sheet.sections.forEach((section, si) => {
    if (si > 0) codeRow(r++, section);
    if (sheet.sections.length > 1 || section.title !== sheet.title) {
      put({ r0: r, r1: r, c0: LABEL_START, c1: lastCol }, section.title, { font: font(11, true), alignment: leftMiddle() });
      r++;
    }
    const headerRows = writeHeader(section, r);
    if (sheet.sections.length === 1) repeatRows = `${r}:${r + headerRows - 1}`;
    r += headerRows;
    r = writeBody(section, r);
  });

  function writeHeader(section: TableSection, top: number): number {
    const depth = Math.max(...section.columns.map((c) => headerStack(c).length));
    const headerStyle = { font: font(11, true), alignment: center, fill: HEADER_FILL };
    const corner = [section.cornerLabel, section.cornerNote].filter((t) => t).join('\n');
    put({ r0: top, r1: top + depth - 1, c0: LABEL_START, c1: valueStart - 1 }, corner, {
      ...headerStyle,
      font: font(section.cornerNote ? 9 : 11, !section.cornerNote),
    });
    const n = section.columns.length;
    const widen = (c1: number) => (c1 === valueStart + n - 1 ? lastCol : c1);
    for (let h = 0; h < depth; h++) {
      for (let j = 0; j < n; ) {
        const stack = headerStack(section.columns[j]);
        const isLabel = h >= stack.length - 1;
        if (isLabel) {
          if (h === stack.length - 1) {
            const c = valueStart + j;
            put({ r0: top + h, r1: top + depth - 1, c0: c, c1: widen(c) }, stack[h], headerStyle);
          }
          j++;
          continue;
        }
        // A group or subgroup heading spans the adjacent columns under the same heading path.
        const key = stack.slice(0, h + 1).join('\u0001');
        let k = j + 1;
        while (k < n) {
          const next = headerStack(section.columns[k]);
          if (next.length - 1 <= h || next.slice(0, h + 1).join('\u0001') !== key) break;
          k++;
        }
        put({ r0: top + h, r1: top + h, c0: valueStart + j, c1: widen(valueStart + k - 1) }, stack[h], headerStyle);
        j = k;
      }
    }
    return depth;
  }

  function writeBody(section: TableSection, top: number): number {
    let row = top;
    const open: { level: number; col: number; start: number; label: string }[] = [];
    const close = () => {
      const g = open.pop()!;
      if (row - 1 >= g.start) {
        put({ r0: g.start, r1: row - 1, c0: g.col, c1: g.col }, g.label, { font: font(11), alignment: center });
      }
    };
    for (const tr of section.rows) {
      while (open.length && open[open.length - 1].level >= tr.level) close();
      if (!tr.code) {
        open.push({ level: tr.level, col: LABEL_START + open.length, start: row, label: tr.label });
        continue;
      }
      ws.getCell(row, CODE_COL).value = tr.code;
      put({ r0: row, r1: row, c0: LABEL_START + open.length, c1: valueStart - 1 }, tr.label, {
        font: font(11),
        alignment: leftMiddle(),
      });
      section.columns.forEach((col, j) => {
        const def = findCell(input.template, cellRef(tr.code!, col.code));
        const c = valueStart + j;
        const rect = { r0: row, r1: row, c0: c, c1: j === section.columns.length - 1 ? lastCol : c };
        styleRect(rect, { border: allBorders, font: font(11), alignment: { horizontal: 'right', vertical: 'middle' } });
        const cell = ws.getCell(row, c);
        cell.numFmt = numberFormat(def ?? 'count');
        const v = figures.period.get(cellRef(tr.code!, col.code));
        if (v !== undefined && !blank) cell.value = v;
        if (blank) {
          cell.protection = { locked: false };
          cell.dataValidation = inputValidation(def ?? 'count', cell.address);
        }
        if (rect.c1 > rect.c0) ws.mergeCells(rect.r0, rect.c0, rect.r1, rect.c1);
      });
      row++;
    }
    while (open.length) close();
    return row;
  }

  // The official tables are each printed on one page.
  a4Landscape(ws, repeatRows, 1);
  return ws;
}
