/**
 * Parsing what clerks type or paste from Excel/WPS into a figure. Accepts
 * full-width digits and separators (１２３，１,２１２), thousands separators
 * (1,212 and 1，212) and surrounding spaces; refuses, with a Chinese message,
 * negatives, fractions in count cells, text and values above the maximum.
 */
import type { ValueKind } from '../template/schema';
import { checkFigure, FIGURE_LIMITS, figureLimit, type FigureLimit } from './limits';

/** The largest count (limits.ts holds the definition). */
export const MAX_VALUE = FIGURE_LIMITS.count.max;

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
export function parseValue(raw: string | number | null | undefined, kind: ValueKind, limit: FigureLimit = figureLimit(kind)): ParseResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, limit, String(raw));
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
  return checkNumber(Number(unsigned.replaceAll(',', '')), limit, raw);
}

function checkNumber(n: number, limit: FigureLimit, shown: string): ParseResult {
  const r = checkFigure(n, limit);
  return r.ok ? r : { ok: false, message: `“${shown}”${r.reason}` };
}
