/**
 * What the visible sheets show, derived from the carried monthly values:
 * month figures summed over the units, and period figures rolled up per unit
 * first (a stock is each unit's own last value) and then summed.
 */
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import { fromScaled, toScaled } from '../../../shared/values/precision';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { groupUnitMonths, type UnitMonthValues } from '../../../shared/workbook/unitMonths';
import { aggregatePeriodFigures, type MonthlyFigures, periodFigures } from '../store/aggregate';

export interface VisibleFigures {
  /** ref → months[1..12] summed over units (null where no unit has a value). */
  monthly: MonthlyFigures;
  /** ref → period figure; absent when empty. */
  period: Map<string, number>;
  empty: boolean;
}

export function visibleFigures(template: Template, period: Period, values: WorkbookValue[]): VisibleFigures {
  return visibleFiguresOfMonths(template, period, groupUnitMonths(values));
}

/** Twelve empty months (index 0 unused): copied for each cell, a packed array of the right length at once. */
const NO_MONTHS: readonly (number | null)[] = new Array<number | null>(13).fill(null);

export function visibleFiguresOfMonths(template: Template, period: Period, months: UnitMonthValues[]): VisibleFigures {
  const cells = templateCells(template);
  const perUnit = new Map<string, MonthlyFigures>();
  for (const m of months) {
    if (m.month < period.fromMonth || m.month > period.toMonth) continue;
    let unit = perUnit.get(m.unitCode);
    if (!unit) perUnit.set(m.unitCode, (unit = new Map()));
    for (const [ref, value] of m.values) {
      const def = cells.get(ref);
      if (def === undefined) continue;
      let arr = unit.get(ref);
      if (!arr) unit.set(ref, (arr = NO_MONTHS.slice()));
      // Rounded to the cell's places: a spreadsheet's 1.8399999999999999 is 1.84 (a whole number of a count is itself).
      arr[m.month] = def.decimals === 0 && Number.isInteger(value) ? value : fromScaled(toScaled(value, def.decimals), def.decimals);
    }
  }
  const units = [...perUnit.values()].filter((u) => u.size > 0);
  return {
    monthly: units.length === 1 ? units[0] : sumMonthly(template, units),
    // One unit (a submission): its own period figures, which adding up alone would give back unchanged (its figures are at their places already).
    period:
      units.length === 1
        ? periodFigures(template, units[0], period.fromMonth, period.toMonth)
        : aggregatePeriodFigures(template, new Map(units.map((u, i) => [i, u])), period.fromMonth, period.toMonth),
    empty: units.length === 0,
  };
}

/** Month by month sums over units (stocks summed per month as reported), exact at each cell's precision, within the months given. */
export function sumMonthly(template: Template, units: MonthlyFigures[], fromMonth = 1, toMonth = 12): MonthlyFigures {
  const cells = templateCells(template);
  const out: MonthlyFigures = new Map();
  for (const unit of units) {
    for (const [ref, months] of unit) {
      const def = cells.get(ref);
      if (!def) continue;
      let sum = out.get(ref);
      if (!sum) out.set(ref, (sum = new Array<number | null>(13).fill(null)));
      for (let m = fromMonth; m <= toMonth; m++) if (months[m] !== null) sum[m] = (sum[m] ?? 0) + toScaled(months[m]!, def.decimals);
    }
  }
  for (const [ref, sum] of out) for (let m = 1; m <= 12; m++) if (sum[m] !== null) sum[m] = fromScaled(sum[m]!, cells.get(ref)!.decimals);
  return out;
}
