/** The period pickers' state → the API's period key. */
import { formatPeriodKey, type Period } from '../../../../shared/values/period';

export type PeriodMode = 'month' | 'range' | 'year';

export interface PeriodChoice {
  mode: PeriodMode;
  year: number;
  month: number;
  from: number;
  to: number;
}

export function choicePeriod(c: PeriodChoice): Period | null {
  if (c.mode === 'year') return { year: c.year, fromMonth: 1, toMonth: 12 };
  if (c.mode === 'month') return { year: c.year, fromMonth: c.month, toMonth: c.month };
  return c.from <= c.to ? { year: c.year, fromMonth: c.from, toMonth: c.to } : null;
}

export function choiceKey(c: PeriodChoice): string | null {
  const p = choicePeriod(c);
  return p && formatPeriodKey(p);
}
