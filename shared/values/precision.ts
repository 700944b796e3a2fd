/**
 * A figure's precision and exact arithmetic on it. Figures travel as JS
 * numbers (the nearest double to a decimal with at most 4 places, which
 * String() writes back as that decimal), and every sum is taken over scaled
 * integers (value × 10^places) so that no amount ever gains binary noise:
 * 59237.2449 万元 stays 592372449 ten-thousandths however many units are
 * added. The caps that keep those integers exact are in limits.ts.
 */
import type { ValueKind } from '../template/schema';

/** A cell as far as precision goes (a CellDef is one); a bare kind is the old default: counts 0, amounts 2 places. */
export type Precision = ValueKind | { valueKind: ValueKind; decimals?: number };

export function placesOf(p: Precision): number {
  if (typeof p === 'string') return p === 'count' ? 0 : 2;
  return p.valueKind === 'count' ? 0 : (p.decimals ?? 2);
}

const SCALES = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
export const scaleOf = (places: number): number => SCALES[places] ?? 10 ** places;

/** The figure as an integer count of its smallest place (undoes a spreadsheet's 1.8399999999999999). */
export const toScaled = (value: number, places: number): number => Math.round(value * scaleOf(places));

/** Back to the figure: one correctly rounded division, the double nearest the decimal. */
export const fromScaled = (scaled: number, places: number): number => scaled / scaleOf(places);

/**
 * The figure with exactly `places` decimals, from its scaled integer's
 * digits (toFixed works on the binary value and may print …9998).
 */
export function formatFixed(value: number, places: number): string {
  if (places === 0) return String(Math.round(value));
  const scaled = toScaled(value, places);
  const digits = String(Math.abs(scaled)).padStart(places + 1, '0');
  return `${scaled < 0 ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/**
 * A figure as the workbook's data sheet and its fingerprint write it (12,
 * 12.30, 59237.2449): part of the signed text, so it never follows display
 * choices; what people read comes from numberFormat.ts.
 */
export function storedText(value: number | null | undefined, precision: Precision): string {
  if (value === null || value === undefined) return '';
  const places = placesOf(precision);
  return places === 0 ? String(value) : formatFixed(value, places);
}

/** Sums figures of one precision exactly; null when none is given. */
export function exactSum(values: Iterable<number>, places: number): number | null {
  let total = 0;
  let any = false;
  for (const v of values) {
    total += toScaled(v, places);
    any = true;
  }
  return any ? fromScaled(total, places) : null;
}

/** The widest precision a template may give a cell (schema.ts decimalsSchema). */
export const MAX_PLACES = 4;

/**
 * Two figures are the same figure: equal at the widest precision. Figures
 * that differ do so by at least 10^-4 (a whole unit for counts), and limits.ts
 * keeps every total where such steps are distinct doubles.
 */
export function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5 / scaleOf(MAX_PLACES);
}
