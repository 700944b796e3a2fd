/**
 * The one way a number becomes text, on every page, in the report draft, the
 * workbooks and the command line (docs/number-format.md). The policy is the
 * annual report's own (遂宁市2017年报: 共主动公开政府信息516084条, 占55.11%):
 *
 * - a figure prints with its cell's precision: counts as whole numbers,
 *   amounts with all their places (万元: 4, 59237.2449; 0 is 0.0000), from the
 *   scaled integer, never from the binary value (precision.ts);
 * - no thousands separator anywhere (516084, not 516,084), so the screen,
 *   the report and Excel's cell format ('0', '0.0000') print the same digits;
 * - zero is a figure (0); a blank (nothing entered) is an empty cell in any
 *   table or grid, and — where a figure stands alone (a headline, a tooltip);
 * - percentages with two decimals (55.11%); shares through the share
 *   function (charts/shares.ts), which prints its hundredths with `percentText`.
 *
 * Nothing else in the product calls toFixed, toLocaleString or
 * Intl.NumberFormat on a figure; eslint.config.js holds that.
 */
import { formatFixed, placesOf, scaleOf, type Precision } from './precision';

/** A figure standing alone with nothing entered. */
export const NO_FIGURE = '—';

/** Digits of a scaled integer with `places` decimals: 592372449, 4 → 59237.2449 (precision.ts writes them, as for the data sheet). */
const scaledText = (scaled: number, places: number): string => formatFixed(scaled / scaleOf(places), places);

/** A figure as a table or grid cell prints it: '' when nothing was entered. */
export function figureText(value: number | null | undefined, precision: Precision): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatFixed(value, placesOf(precision));
}

/** A count (whole number) as text. */
export const countText = (n: number): string => figureText(n, 'count');

/** Hundredths of a percent as text: 5511 → 55.11%; signed: +12.50% / -3.00%. */
export function percentText(hundredths: number, opts: { signed?: boolean } = {}): string {
  const h = Math.round(hundredths);
  const sign = opts.signed && h > 0 ? '+' : '';
  return `${sign}${scaledText(h, 2)}%`;
}

/** A percentage given as a number (12.5 → 12.50%), rounded to hundredths. */
export const percentOf = (percent: number, opts: { signed?: boolean } = {}): string => percentText(percent * 100, opts);

/** An axis tick: a round value (0, 5000, 0.5), printed with no more places than it has. */
export function tickText(n: number): string {
  for (let places = 0; places <= 6; places++) {
    const scaled = n * scaleOf(places);
    if (Math.abs(Math.round(scaled) - scaled) < 1e-6) return scaledText(Math.round(scaled), places);
  }
  return scaledText(Math.round(n * scaleOf(6)), 6);
}

/**
 * Excel's number format for a cell of this precision ('0', '0.00', '0.0000'):
 * the same digits figureText prints, with no separator.
 */
export function excelNumberFormat(precision: Precision): string {
  const places = placesOf(precision);
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

/** A measurement that is no figure of a template (a timing in a Server-Timing header): `places` decimals. */
export const measuredText = (n: number, places: number): string => formatFixed(n, places);

/** A size in bytes for messages: 1.5 MB, 12 KB. */
export function byteSize(bytes: number, unit: 'KB' | 'MB'): string {
  return unit === 'KB' ? `${scaledText(Math.round(bytes / 1024), 0)} KB` : `${scaledText(Math.round((bytes / 1048576) * 10), 1)} MB`;
}
