/**
 * Parsing what clerks type or paste from Excel/WPS into a figure. Accepts
 * full-width digits and separators (１２３，１,２１２), thousands separators
 * (1,212 and 1，212) and surrounding spaces; refuses, with a Chinese message,
 * negatives, fractions in count cells, text and values above the maximum.
 */
import type { ValueKind } from '../template/schema';
import { formatFixed, placesOf, type Precision } from './precision';

export const MAX_VALUE = 999_999_999;

export type ParseResult =
  | { ok: true; value: number | null }
  | { ok: false; message: string };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u3000\u00A0]+/g;

export function normalizeInput(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[，、]/g, ',')
    .replace(/。/g, '.')
    .replace(/[－—–−]/g, '-')
    .replace(SPACES, ' ')
    .trim();
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^\d+(\.\d+)?$/;

/** Parses one cell. Empty input means "no value" (null), which is not zero. */
export function parseValue(raw: string | number | null | undefined, kind: ValueKind): ParseResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, kind, String(raw));
  const text = normalizeInput(raw);
  if (text === '') return { ok: true, value: null };
  const unsigned = text.replace(/^\+/, '');
  if (/^-\s*[\d.,]+$/.test(unsigned) || /^\([\d.,]+\)$/.test(unsigned)) {
    return { ok: false, message: `“${raw}”是负数，统计数不能为负` };
  }
  if (!GROUPED.test(unsigned) && !PLAIN.test(unsigned)) {
    if (/^[\d.,]+$/.test(unsigned)) return { ok: false, message: `“${raw}”不是有效的数字格式（千位分隔符位置不对）` };
    if (/^\d+(\.\d+)?%$/.test(unsigned)) return { ok: false, message: `“${raw}”是百分比，请填写数量` };
    return { ok: false, message: `“${raw}”不是数字，请填写数量` };
  }
  return checkNumber(Number(unsigned.replaceAll(',', '')), kind, raw);
}

function checkNumber(n: number, kind: ValueKind, shown: string): ParseResult {
  if (!Number.isFinite(n)) return { ok: false, message: `“${shown}”不是数字，请填写数量` };
  if (n < 0) return { ok: false, message: `“${shown}”是负数，统计数不能为负` };
  if (n > MAX_VALUE) return { ok: false, message: `“${shown}”超过上限 999,999,999` };
  if (kind === 'count' && !Number.isInteger(n)) {
    return { ok: false, message: `“${shown}”含小数，此处只能填写整数` };
  }
  if (kind === 'amount' && Math.abs(Math.round(n * 100) - n * 100) > 1e-6) {
    return { ok: false, message: `“${shown}”的小数超过两位，金额最多保留两位小数` };
  }
  return { ok: true, value: kind === 'amount' ? Math.round(n * 100) / 100 : n };
}

/** How a stored figure is shown in the grid and in exports: amounts with all their places (12.30, 59237.2449). */
export function formatValue(value: number | null | undefined, precision: Precision): string {
  if (value === null || value === undefined) return '';
  const places = placesOf(precision);
  return places === 0 ? String(value) : formatFixed(value, places);
}
