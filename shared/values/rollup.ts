/**
 * Rolling months up into a period figure, by each cell's rule: sum for flows,
 * last value for stocks, first value for opening balances. Empty months are
 * skipped; a period with no value at all stays empty (null), never zero.
 */
import type { Rollup } from '../template/schema';
import { fromScaled, placesOf, toScaled, type Precision } from './precision';

/** months: values indexed by month 1..12 (index 0 unused); undefined/null = empty. */
export function rollupMonths(
  months: ReadonlyArray<number | null | undefined>,
  rule: Rollup,
  /** The cell (or its kind): sums are taken over its scaled integers. */
  precision: Precision,
  fromMonth = 1,
  toMonth = 12,
): number | null {
  if (rule === 'sum') {
    const places = placesOf(precision);
    let total = 0;
    let any = false;
    for (let m = fromMonth; m <= toMonth; m++) {
      const v = months[m];
      if (v === null || v === undefined) continue;
      any = true;
      total += toScaled(v, places);
    }
    if (!any) return null;
    return fromScaled(total, places);
  }
  if (rule === 'first') {
    for (let m = fromMonth; m <= toMonth; m++) {
      const v = months[m];
      if (v !== null && v !== undefined) return v;
    }
    return null;
  }
  for (let m = toMonth; m >= fromMonth; m--) {
    const v = months[m];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}
