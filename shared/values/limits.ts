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

export interface FigureLimit {
  /** The largest figure accepted (inclusive). */
  max: number;
  /** Decimal places kept; 0 = whole numbers only. */
  decimals: number;
}

/**
 * Up to 999,999,999 whatever the kind: a count of a year's requests or an
 * amount in 元 never comes near it, and nine digits stay exact as doubles
 * in hundredths, and are written by String() without an exponent.
 */
export const FIGURE_LIMITS: Readonly<Record<ValueKind, Readonly<FigureLimit>>> = {
  count: { max: 999_999_999, decimals: 0 },
  amount: { max: 999_999_999, decimals: 2 },
};

/** The largest figure of any kind: the store's bound, which knows refs but not their kinds. */
export const MAX_FIGURE = Math.max(...Object.values(FIGURE_LIMITS).map((l) => l.max));

/** The limit of a kind, with a cell's own precision or cap where it has one. */
export function figureLimit(kind: ValueKind, overrides: Partial<FigureLimit> = {}): FigureLimit {
  return { ...FIGURE_LIMITS[kind], ...overrides };
}

/** A template cell's limit (the place where a per-indicator precision or cap is read). */
export const cellLimit = (cell: { valueKind: ValueKind }): FigureLimit => FIGURE_LIMITS[cell.valueKind];

export type FigureFault = 'not_finite' | 'negative' | 'too_large' | 'not_whole' | 'too_many_decimals';

/** What is wrong with a number as a figure under a limit, or null when it may be stored. */
export function figureFault(n: number, limit: FigureLimit): FigureFault | null {
  if (typeof n !== 'number' || Number.isNaN(n)) return 'not_finite';
  if (n < 0) return 'negative';
  // Infinity included: 400 nines read as a double are simply too large.
  if (n > limit.max) return 'too_large';
  if (limit.decimals === 0) return Number.isInteger(n) ? null : 'not_whole';
  const scale = 10 ** limit.decimals;
  // Spreadsheets write 1.84 as 1.8399999999999999: within a millionth of a place is that place.
  return Math.abs(Math.round(n * scale) - n * scale) > 1e-6 ? 'too_many_decimals' : null;
}

/** A figure as stored: amounts rounded to their places (undoing binary noise). */
export function roundFigure(n: number, limit: FigureLimit): number {
  if (limit.decimals === 0) return n;
  const scale = 10 ** limit.decimals;
  return Math.round(n * scale) / scale;
}

/** 999,999,999 as people write it. */
export const formatLimit = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

const PLACES = ['零', '一', '两', '三', '四', '五', '六'];

/** The Chinese reason for a fault, after the value it is about ("“x”" + reason). */
export function figureFaultText(fault: FigureFault, limit: FigureLimit): string {
  switch (fault) {
    case 'not_finite':
      return '不是数字，请填写数量';
    case 'negative':
      return '是负数，统计数不能为负';
    case 'too_large':
      return `超过上限 ${formatLimit(limit.max)}`;
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
