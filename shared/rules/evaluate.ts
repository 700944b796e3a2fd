/**
 * Checks the 勾稽 rules of a template against one period's figures.
 * Values are compared in hundredths so that amounts (万元, 2 decimals) never
 * fail on floating-point noise.
 */
import type { RuleScope, Template } from '../template/schema';
import { templateChecks, type Check, type ConcreteTerm } from './expand';

/** Looks up a cell's figure for the period checked (or the year before); undefined when empty. */
export type ValueLookup = (ref: string, year: 'current' | 'previous') => number | undefined;

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

const toHundredths = (n: number) => Math.round(n * 100);

function sum(terms: ConcreteTerm[], lookup: ValueLookup): { total: number; present: number } {
  let total = 0;
  let present = 0;
  for (const t of terms) {
    const v = lookup(t.ref, t.year);
    if (v === undefined) continue;
    present++;
    total += t.sign * toHundredths(v);
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

function format(n: number): string {
  const v = n / 100;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export function evaluateCheck(check: Check, lookup: ValueLookup): Violation | null {
  const l = sum(check.left, lookup);
  const r = sum(check.right, lookup);
  const termCount = check.left.length + check.right.length;
  if (l.present + r.present === 0) return null;
  if (check.requireAll && l.present + r.present < termCount) return null;
  if (holds(check.op, l.total, r.total)) return null;
  const message = check.message
    .replaceAll('{left}', format(l.total))
    .replaceAll('{right}', format(r.total))
    .replaceAll('{label}', check.label)
    .replaceAll('{op}', SHOWN_OP[check.op]);
  return {
    checkId: check.id,
    ruleId: check.ruleId,
    severity: check.severity,
    message,
    left: l.total / 100,
    right: r.total / 100,
    refs: [...check.left, ...check.right].filter((t) => t.year === 'current').map((t) => t.ref),
  };
}

/** All violations for a period of the given scope, errors first. */
export function evaluateRules(template: Template, scope: RuleScope, lookup: ValueLookup): Violation[] {
  const out: Violation[] = [];
  for (const check of templateChecks(template)) {
    if (!check.scope.includes(scope)) continue;
    const v = evaluateCheck(check, lookup);
    if (v) out.push(v);
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
