/** Small helpers for laying out cells the way a clerk would by hand. */
import type ExcelJS from 'exceljs';

/** Display width in Excel column units: CJK characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x100 ? 1 : 2;
  return w;
}

/** Row height (points) that shows wrapped text of the given width in a cell this wide. */
export function wrappedHeight(text: string, columnWidth: number, lineHeight = 15): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, columnWidth - 1))), 0);
  return Math.max(lineHeight, lines * lineHeight + 3);
}

/** Raises a row's height to fit text, never lowers it. */
export function fitRowHeight(row: ExcelJS.Row, text: string, columnWidth: number): void {
  const h = wrappedHeight(text, columnWidth);
  if (!row.height || row.height < h) row.height = h;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二 (section numbers). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

/** Column letter of a 1-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "2026-11-26 14:30" in local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
