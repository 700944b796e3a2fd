/**
 * Rules checked as values change: each month by its own figures (month
 * scope) and the year by its roll-up (year scope), the same engine and
 * lookups the backend uses when a month is completed.
 */
import { evaluateRules, type Violation } from '../../../../../../shared/rules/evaluate';
import { monthLookup, yearLookup, type MonthlyValues } from '../../../../../../shared/rules/periodLookup';
import type { Template } from '../../../../../../shared/template/schema';
import { MONTHS } from '../../../../../../shared/values/period';
import type { RuleMark } from './cellStates';
import type { Period } from './layout';

export interface PeriodViolation extends Violation {
  period: Period;
}

export function liveViolations(template: Template, current: MonthlyValues, previous: MonthlyValues): PeriodViolation[] {
  const out: PeriodViolation[] = [];
  for (const m of MONTHS) {
    for (const v of evaluateRules(template, 'month', monthLookup(template, current, previous, m))) out.push({ ...v, period: m });
  }
  for (const v of evaluateRules(template, 'year', yearLookup(template, current, previous))) out.push({ ...v, period: 'year' });
  return out;
}

export const markKey = (ref: string, period: Period) => `${ref}|${period}`;

/** The worst mark of each involved cell, by "<ref>|<period>". */
export function ruleMarks(violations: PeriodViolation[]): Map<string, RuleMark> {
  const marks = new Map<string, RuleMark>();
  for (const v of violations) {
    for (const ref of v.refs) {
      const k = markKey(ref, v.period);
      if (marks.get(k) !== 'error') marks.set(k, v.severity);
    }
  }
  return marks;
}
