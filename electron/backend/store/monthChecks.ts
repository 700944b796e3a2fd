/**
 * The 勾稽 checks of a stored month, as completing it and the export check
 * judge it: the month's rules, and for December the year's roll-up too.
 */
import type Database from 'better-sqlite3';
import { explanationKey, type CompletionViolation } from '../../../shared/api/methods/months';
import { evaluateRules, type RuleContext } from '../../../shared/rules/evaluate';
import { byRefAndMonth, monthLookup, yearLookup, type MonthlyValues } from '../../../shared/rules/periodLookup';
import type { Template } from '../../../shared/template/schema';
import type { MonthKey } from './months';
import { getValues } from './values';

/** A unit's year and the year before, read once for checking several of its months. */
export function yearValues(db: Database.Database, k: Omit<MonthKey, 'month'>): { current: MonthlyValues; previous: MonthlyValues } {
  return {
    current: byRefAndMonth(getValues(db, k.unitId, k.templateId, k.year)),
    previous: byRefAndMonth(getValues(db, k.unitId, k.templateId, k.year - 1)),
  };
}

/** context: who reads and the unit's kind; its blanksAreZero (a completed year) applies to the year's roll-up only. */
export function monthViolations(template: Template, year: { current: MonthlyValues; previous: MonthlyValues }, month: number, context: RuleContext = {}): CompletionViolation[] {
  const found: CompletionViolation[] = evaluateRules(template, 'month', monthLookup(template, year.current, year.previous, month), { ...context, blanksAreZero: false }).map((v) => ({
    ...v,
    scope: 'month',
    key: explanationKey('month', v.checkId),
  }));
  if (month === 12) found.push(...yearViolations(template, year, context));
  return found;
}

export function yearViolations(template: Template, year: { current: MonthlyValues; previous: MonthlyValues }, context: RuleContext = {}): CompletionViolation[] {
  return evaluateRules(template, 'year', yearLookup(template, year.current, year.previous), context).map((v) => ({
    ...v,
    scope: 'year',
    message: `全年：${v.message}`,
    key: explanationKey('year', v.checkId),
  }));
}
