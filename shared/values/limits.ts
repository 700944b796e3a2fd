/**
 * The one definition of what a figure may be, and of how much input the
 * readers take. Typing and pasting (parse.ts), every workbook reader (data
 * sheet, visible sheets), the dry run and the store's write path all check
 * figures with checkFigure, so a value the dry run accepts is one the store
 * takes, and the message is the same wherever it is refused.
 *
 * Limits are keyed by value kind. A per-indicator precision or cap (万元
 * amounts with 4 decimals) becomes a FigureLimit built for that cell by
 * figureLimit(kind, overrides); every check goes through the limit object,
 * never through the constants.
 */
import type { ValueKind } from '../template/schema';
import { figureText } from './numberFormat';

export interface FigureLimit {
  /** The largest figure accepted (inclusive). */
  max: number;
  /** Decimal places kept; 0 = whole numbers only. */
  decimals: number;
}

/**
 * Every total is a sum of scaled integers (precision.ts: a figure times
 * 10^places), and must stay exact however high it is taken. The largest
 * total a province can reach adds one cell of every body in it for every
 * month: SUM_BUDGET. A figure is capped so that SUM_BUDGET of them stay
 * below 2^52, where every decimal of its places is still a distinct double
 * (so the total prints back digit for digit): at most MAX_SCALED_FIGURE of
 * its smallest place. Counts keep 999,999,999; amounts with 2 places
 * 99,999,999.99; 万元 amounts with 4 places 999,999.9999 (a hundred
 * million 元 a month per body). Tests hold the arithmetic (limits.test.ts).
 */
export const SUM_BUDGET = {
  /** Reporting bodies in the largest province: departments, counties, townships (Sichuan has about ten thousand). */
  units: 30_000,
  months: 12,
} as const;
export const MAX_SCALED_FIGURE = 10_000_000_000;

/** The cap of a figure with this many places: nine digits, or fewer so that its scaled integer stays within MAX_SCALED_FIGURE. */
export function capFor(decimals: number): number {
  return decimals === 0 ? 999_999_999 : Math.min(999_999_999, (MAX_SCALED_FIGURE - 1) / 10 ** decimals);
}

/** The old default places per kind: counts whole, amounts in hundredths (a cell may say otherwise: decimals). */
export const FIGURE_LIMITS: Readonly<Record<ValueKind, Readonly<FigureLimit>>> = {
  count: { max: capFor(0), decimals: 0 },
  amount: { max: capFor(2), decimals: 2 },
};

/** The largest figure of any kind: the store's bound, which knows refs but not their kinds. */
export const MAX_FIGURE = Math.max(...Object.values(FIGURE_LIMITS).map((l) => l.max));

/** The limit of a kind, with a cell's own precision or cap where it has one (a cap follows the precision unless given). */
export function figureLimit(kind: ValueKind, overrides: Partial<FigureLimit> = {}): FigureLimit {
  const decimals = kind === 'count' ? 0 : (overrides.decimals ?? FIGURE_LIMITS[kind].decimals);
  return { max: overrides.max ?? capFor(decimals), decimals };
}

/** Limits by kind and places, made once: a reader asks for a cell's limit for every value it reads. */
const LIMITS_BY_PLACES: Record<ValueKind, Readonly<FigureLimit>[]> = { count: [], amount: [] };

/** A template cell's limit: its kind and its own precision (CellDef.decimals). Shared, like FIGURE_LIMITS: not to be changed. */
export function cellLimit(cell: { valueKind: ValueKind; decimals?: number }): FigureLimit {
  if (cell.decimals === undefined) return FIGURE_LIMITS[cell.valueKind];
  const byPlaces = LIMITS_BY_PLACES[cell.valueKind];
  const places = cell.decimals;
  // Places a template can give are small whole numbers; anything else is made each time, as before.
  if (!Number.isInteger(places) || places < 0 || places > 20) return figureLimit(cell.valueKind, { decimals: places });
  return (byPlaces[places] ??= Object.freeze(figureLimit(cell.valueKind, { decimals: places })));
}

export type FigureFault = 'not_finite' | 'negative' | 'too_large' | 'not_whole' | 'too_many_decimals';

/** What is wrong with a number as a figure under a limit, or null when it may be stored. */
export function figureFault(n: number, limit: FigureLimit): FigureFault | null {
  if (typeof n !== 'number' || Number.isNaN(n)) return 'not_finite';
  if (n < 0) return 'negative';
  // Infinity included: 400 nines read as a double are simply too large.
  if (n > limit.max) return 'too_large';
  if (limit.decimals === 0) return Number.isInteger(n) ? null : 'not_whole';
  const scale = 10 ** limit.decimals;
  // Spreadsheets write 1.84 as 1.8399999999999999: within a millionth of a place is that place
  // (relative for large figures, whose product carries the multiplication's own rounding).
  const scaled = n * scale;
  return Math.abs(Math.round(scaled) - scaled) > Math.max(1e-6, scaled * 1e-15) ? 'too_many_decimals' : null;
}

/** A figure as stored: amounts rounded to their places (undoing binary noise). */
export function roundFigure(n: number, limit: FigureLimit): number {
  if (limit.decimals === 0) return n;
  const scale = 10 ** limit.decimals;
  return Math.round(n * scale) / scale;
}


const PLACES = ['零', '一', '两', '三', '四', '五', '六'];

/** The Chinese reason for a fault, after the value it is about ("“x”" + reason). */
export function figureFaultText(fault: FigureFault, limit: FigureLimit): string {
  switch (fault) {
    case 'not_finite':
      return '不是数字，请填写数量';
    case 'negative':
      return '是负数，统计数不能为负';
    case 'too_large':
      return `超过上限 ${figureText(limit.max, { valueKind: limit.decimals === 0 ? 'count' : 'amount', decimals: limit.decimals })}`;
    case 'not_whole':
      return '含小数，此处只能填写整数';
    case 'too_many_decimals': {
      const places = PLACES[limit.decimals] ?? String(limit.decimals);
      return `的小数超过${places}位，金额最多保留${places}位小数`;
    }
  }
}

/** A number as a figure: the stored value, or the Chinese reason it is refused. */
export function checkFigure(n: number, limit: FigureLimit): { ok: true; value: number } | { ok: false; fault: FigureFault; reason: string } {
  const fault = figureFault(n, limit);
  return fault === null ? { ok: true, value: roundFigure(n, limit) } : { ok: false, fault, reason: figureFaultText(fault, limit) };
}

/**
 * How much a received file may hold. The file and unpacked sizes bound
 * memory before anything is parsed; the sheet limits are far above what any
 * real submission or bundle holds (a city bundle of 500 units is a few
 * thousand data rows) and let a reader refuse a crafted sheet early.
 */
export const INPUT_LIMITS = {
  /** A received workbook (and a unit list) on disk or in a call. */
  fileBytes: 50 * 1024 * 1024,
  /** Entries in its zip. */
  zipEntries: 2000,
  /** All inflated parts the reader takes. */
  unpackedBytes: 100 * 1024 * 1024,
  /** Inflated to packed size of one entry: more is a zip bomb. */
  compressionRatio: 500,
  /** Rows of one sheet. */
  sheetRows: 200_000,
  /** Cells of one sheet. */
  sheetCells: 2_000_000,
  /** Entries of the shared-string table. */
  sharedStrings: 1_000_000,
  /** Characters of one cell's text (Excel's own cap is 32,767). */
  cellChars: 32_767,
} as const;
