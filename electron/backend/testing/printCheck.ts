/**
 * Test support for printed workbooks: LibreOffice prints them to PDF, and
 * poppler reads the pages back. A cell's text is "printed whole" when it
 * stands complete on one page (pdftotext -raw keeps a cell's wrapped lines
 * together; text clipped by a neighbouring cell loses its end), and no word
 * runs past the paper's edge (pdftotext -bbox).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type ExcelJS from 'exceljs';

export const LO_TIMEOUT = 240_000;

/** One LibreOffice start for all files: it is slow to start on a small machine. */
export function printToPdf(dir: string, files: string[]): void {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', ...files, '--outdir', dir], {
    cwd: dir,
    timeout: LO_TIMEOUT,
    stdio: 'pipe',
  });
}

export interface PrintedPage {
  /** Points. */
  width: number;
  height: number;
  /** The page's text in content order, whitespace removed. */
  text: string;
  /** Words that reach past the paper's edge. */
  overflow: string[];
}

const strip = (s: string) => s.replace(/\s+/g, '');

export function readPdf(pdf: string): PrintedPage[] {
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  return pages.map(([, w, h, body], i) => {
    const width = Number(w);
    const height = Number(h);
    const overflow = [...body.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)]
      .filter(([, x0, y0, x1, y1]) => Number(x0) < -0.5 || Number(y0) < -0.5 || Number(x1) > width + 0.5 || Number(y1) > height + 0.5)
      .map((m) => m[5]);
    return { width, height, text: strip(raw[i] ?? ''), overflow };
  });
}

export const isA4Portrait = (p: PrintedPage) => Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;
export const isA4Landscape = (p: PrintedPage) => Math.abs(p.width - 841.9) < 1 && Math.abs(p.height - 595.3) < 1;

export interface PrintedCell {
  sheet: string;
  address: string;
  text: string;
}

/** What a cell shows: numbers by their format (0 or 0.00), text as is. */
function shown(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return cell.numFmt === '0.00' ? v.toFixed(2) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  // Formulas (blank templates) print what a program computes; not ours to check here.
  return null;
}

/** Every cell that prints: visible sheets, rows and columns; a merged range once. */
export function printedCells(wb: ExcelJS.Workbook): PrintedCell[] {
  const out: PrintedCell[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row) => {
      if (row.hidden) return;
      row.eachCell((cell) => {
        if (ws.getColumn(cell.col).hidden) return;
        if (cell.isMerged && cell.master !== cell) return;
        const text = shown(cell);
        if (text !== null && strip(text) !== '') out.push({ sheet: ws.name, address: cell.address, text });
      });
    });
  }
  return out;
}

/** Cells whose text no page shows whole. */
export function cutCells(wb: ExcelJS.Workbook, pages: PrintedPage[]): PrintedCell[] {
  return printedCells(wb).filter((c) => !pages.some((p) => p.text.includes(strip(c.text))));
}

/** The footer every printed sheet carries. */
export const PAGE_NUMBER = /第\d+页，共\d+页/;
