/**
 * Rolling months up into a period figure, by each cell's rule: sum for flows,
 * last value for stocks, first value for opening balances. Empty months are
 * skipped; a period with no value at all stays empty (null), never zero.
 */
import type { Rollup, ValueKind } from '../template/schema';

/** months: values indexed by month 1..12 (index 0 unused); undefined/null = empty. */
export function rollupMonths(
  months: ReadonlyArray<number | null | undefined>,
  rule: Rollup,
  kind: ValueKind,
  fromMonth = 1,
  toMonth = 12,
): number | null {
  if (rule === 'sum') {
    let total = 0;
    let any = false;
    for (let m = fromMonth; m <= toMonth; m++) {
      const v = months[m];
      if (v === null || v === undefined) continue;
      any = true;
      total += kind === 'amount' ? Math.round(v * 100) : v;
    }
    if (!any) return null;
    return kind === 'amount' ? total / 100 : total;
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
