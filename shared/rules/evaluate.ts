/**
 * Checks the 勾稽 rules of a template against one period's figures.
 * Values are compared as scaled integers at the widest precision among a
 * check's cells (万元 with 4 decimals: ten-thousandths; counts: units), so
 * that amounts never fail on floating-point noise and a province's counts
 * stay far inside exact integers.
 */
import type { Role, UnitKind } from '../domain';
import { findCell } from '../template/cells';
import type { RuleScope, Template } from '../template/schema';
import { figureText } from '../values/numberFormat';
import { fromScaled, toScaled } from '../values/precision';
import { templateChecks, type Check, type ConcreteTerm } from './expand';

/** Looks up a cell's figure for the period checked (or the year before); undefined when empty. */
export type ValueLookup = (ref: string, year: 'current' | 'previous') => number | undefined;

/**
 * Whose figures are checked and who reads the messages. A rule limited to
 * unit kinds (规章 outside governments with rule-making power) applies only
 * when the kind is known; office advice (officeAdvice) is added for an
 * office only, never for a department's clerk.
 */
export interface RuleContext {
  audience?: Role;
  /** The unit's kind (for a level: its head unit's). */
  unitKind?: UnitKind | string;
  /**
   * The period checked is a completed year: a blank cell of it counts as 0
   * (nothing happened) instead of skipping the rule. Previous-year terms stay
   * as stored: a year that was never entered is no zero.
   */
  blanksAreZero?: boolean;
}

export interface Violation {
  checkId: string;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  left: number;
  right: number;
  /** Every cell the check involves in the period checked (for marking in the grid). */
  refs: string[];
}

function sum(terms: ConcreteTerm[], lookup: ValueLookup, places: number, blanksAreZero: boolean): { total: number; present: number } {
  let total = 0;
  let present = 0;
  for (const t of terms) {
    const v = lookup(t.ref, t.year) ?? (blanksAreZero && t.year === 'current' ? 0 : undefined);
    if (v === undefined) continue;
    present++;
    total += t.sign * toScaled(v, places);
  }
  return { total, present };
}

function holds(op: Check['op'], a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
}

const SHOWN_OP: Record<Check['op'], string> = { '=': '≠', '<=': '>', '>=': '<', '<': '≥', '>': '≤' };

/** A side of the check as the cells print it: amounts with their places (1.5000 ≠ 2.0000), as the grid and the report show them. */
function format(scaled: number, places: number): string {
  return figureText(fromScaled(scaled, places), { valueKind: places === 0 ? 'count' : 'amount', decimals: places });
}

/** places: the widest precision among the check's cells (checkPlaces). */
export function evaluateCheck(check: Check, lookup: ValueLookup, places: number, context: RuleContext = {}): Violation | null {
  if (check.unitKinds && !(context.unitKind !== undefined && (check.unitKinds as readonly string[]).includes(context.unitKind))) return null;
  const blanks = context.blanksAreZero ?? false;
  const l = sum(check.left, lookup, places, blanks);
  const r = sum(check.right, lookup, places, blanks);
  const termCount = check.left.length + check.right.length;
  if (l.present + r.present === 0) return null;
  if (check.requireAll && l.present + r.present < termCount) return null;
  if (holds(check.op, l.total, r.total)) return null;
  const message = check.message
    .replaceAll('{left}', format(l.total, places))
    .replaceAll('{right}', format(r.total, places))
    .replaceAll('{label}', check.label)
    .replaceAll('{op}', SHOWN_OP[check.op]);
  const advice = context.audience === 'aggregator' && check.officeAdvice ? check.officeAdvice : '';
  return {
    checkId: check.id,
    ruleId: check.ruleId,
    severity: check.severity,
    message: message + advice,
    left: fromScaled(l.total, places),
    right: fromScaled(r.total, places),
    refs: [...check.left, ...check.right].filter((t) => t.year === 'current').map((t) => t.ref),
  };
}

const placesCache = new WeakMap<Check, number>();

/** The widest precision among a check's cells. */
export function checkPlaces(template: Template, check: Check): number {
  let p = placesCache.get(check);
  if (p === undefined) {
    p = Math.max(0, ...[...check.left, ...check.right].map((t) => findCell(template, t.ref)?.decimals ?? 0));
    placesCache.set(check, p);
  }
  return p;
}

/** All violations for a period of the given scope, errors first. */
export function evaluateRules(template: Template, scope: RuleScope, lookup: ValueLookup, context: RuleContext = {}): Violation[] {
  const out: Violation[] = [];
  for (const check of templateChecks(template)) {
    if (!check.scope.includes(scope)) continue;
    const v = evaluateCheck(check, lookup, checkPlaces(template, check), context);
    if (v) out.push(v);
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
