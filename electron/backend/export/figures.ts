/**
 * What the visible sheets show, derived from the carried monthly values:
 * month figures summed over the units, and period figures rolled up per unit
 * first (a stock is each unit's own last value) and then summed.
 */
import { cellRef, templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { aggregatePeriodFigures, type MonthlyFigures } from '../store/aggregate';

export interface VisibleFigures {
  /** ref → months[1..12] summed over units (null where no unit has a value). */
  monthly: MonthlyFigures;
  /** ref → period figure; absent when empty. */
  period: Map<string, number>;
  empty: boolean;
}

function add(map: MonthlyFigures, ref: string, month: number, value: number) {
  let months = map.get(ref);
  if (!months) map.set(ref, (months = new Array<number | null>(13).fill(null)));
  // Hundredths keep amounts exact when summed.
  months[month] = (Math.round((months[month] ?? 0) * 100) + Math.round(value * 100)) / 100;
}

export function visibleFigures(template: Template, period: Period, values: WorkbookValue[]): VisibleFigures {
  const cells = templateCells(template);
  const monthly: MonthlyFigures = new Map();
  const perUnit = new Map<string, MonthlyFigures>();
  for (const v of values) {
    if (v.month < period.fromMonth || v.month > period.toMonth) continue;
    const ref = cellRef(v.indicator, v.col);
    if (!cells.has(ref)) continue;
    add(monthly, ref, v.month, v.value);
    let unit = perUnit.get(v.unitCode);
    if (!unit) perUnit.set(v.unitCode, (unit = new Map()));
    add(unit, ref, v.month, v.value);
  }
  const byIndex = new Map([...perUnit.values()].map((m, i) => [i, m]));
  return {
    monthly,
    period: aggregatePeriodFigures(template, byIndex, period.fromMonth, period.toMonth),
    empty: monthly.size === 0,
  };
}
