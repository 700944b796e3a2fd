/**
 * Rules checked as values change: each month by its own figures (month
 * scope) and the year by its roll-up (year scope), the same engine and
 * lookups the backend uses when a month is completed.
 */
import { evaluateRules, type RuleContext, type Violation } from '../../../../../../shared/rules/evaluate';
import { monthLookup, yearLookup, type MonthlyValues } from '../../../../../../shared/rules/periodLookup';
import type { Template } from '../../../../../../shared/template/schema';
import { MONTHS } from '../../../../../../shared/values/period';
import type { RuleMark } from './cellStates';
import type { Period } from './layout';

export interface PeriodViolation extends Violation {
  period: Period;
}

/** One period's violations: a month by its own figures, the year by its roll-up. */
export function periodViolations(template: Template, current: MonthlyValues, previous: MonthlyValues, period: Period, context: RuleContext = {}): PeriodViolation[] {
  const found =
    period === 'year'
      ? evaluateRules(template, 'year', yearLookup(template, current, previous), context)
      : evaluateRules(template, 'month', monthLookup(template, current, previous, period), { ...context, blanksAreZero: false });
  return found.map((v) => ({ ...v, period }));
}

export function liveViolations(template: Template, current: MonthlyValues, previous: MonthlyValues, context: RuleContext = {}): PeriodViolation[] {
  return [...MONTHS, 'year' as const].flatMap((p) => periodViolations(template, current, previous, p, context));
}

export const markKey = (ref: string, period: Period) => `${ref}|${period}`;

/** The messages of the rules each cell breaks, by "<ref>|<period>". */
export function ruleMessagesByCell(violations: PeriodViolation[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of violations) {
    for (const ref of v.refs) {
      const k = markKey(ref, v.period);
      const list = out.get(k);
      if (list) list.push(v.message);
      else out.set(k, [v.message]);
    }
  }
  return out;
}

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
