/**
 * Builds the value lookups the rules engine needs from stored monthly
 * figures: one month's figures, or the year's roll-up by each cell's rule.
 * Shared by the grid (live checks) and the backend (month completion), so
 * both judge a month by exactly the same numbers.
 */
import type { CellValue } from '../domain';
import { cellRef, findCell } from '../template/cells';
import type { Template } from '../template/schema';
import { rollupMonths } from '../values/rollup';
import type { ValueLookup } from './evaluate';

/** ref → values by month (index 1..12). */
export type MonthlyValues = Map<string, Array<number | undefined>>;

export function byRefAndMonth(values: Iterable<Pick<CellValue, 'indicator' | 'col' | 'month' | 'value'>>): MonthlyValues {
  const out: MonthlyValues = new Map();
  for (const v of values) {
    const ref = cellRef(v.indicator, v.col);
    let months = out.get(ref);
    if (!months) out.set(ref, (months = new Array<number | undefined>(13)));
    months[v.month] = v.value;
  }
  return out;
}

export function yearFigure(template: Template, values: MonthlyValues, ref: string): number | undefined {
  const months = values.get(ref);
  const def = findCell(template, ref);
  if (!months || !def) return undefined;
  return rollupMonths(months, def.rollup, def) ?? undefined;
}

/** Lookup for one month (previous-year terms read the year before's roll-up). */
export function monthLookup(template: Template, current: MonthlyValues, previous: MonthlyValues, month: number): ValueLookup {
  return (ref, year) => (year === 'previous' ? yearFigure(template, previous, ref) : current.get(ref)?.[month]);
}

export function yearLookup(template: Template, current: MonthlyValues, previous: MonthlyValues): ValueLookup {
  return (ref, year) => yearFigure(template, year === 'previous' ? previous : current, ref);
}
