/**
 * Expansion of template rules into concrete checks: a rule with forEach
 * becomes one check per column (or row) of its table, with "*" replaced.
 */
import { findTable } from '../template/cells';
import type { Rule, RuleScope, Template, Term } from '../template/schema';

export interface ConcreteTerm {
  ref: string;
  sign: 1 | -1;
  year: 'current' | 'previous';
}

export interface Check {
  /** Rule id, plus "@<col or row code>" for expanded rules. */
  id: string;
  ruleId: string;
  severity: Rule['severity'];
  op: Rule['op'];
  left: ConcreteTerm[];
  right: ConcreteTerm[];
  message: string;
  label: string;
  scope: RuleScope[];
  requireAll: boolean;
  /** Kinds of unit the check applies to (absent: all). */
  unitKinds?: readonly string[];
  /** Added to the message for an office only. */
  officeAdvice?: string;
}

function substitute(terms: Term[], code: string): ConcreteTerm[] {
  return terms.map((t) => ({ ref: t.ref.replace('*', code), sign: t.sign, year: t.year }));
}

export function expandRule(template: Template, rule: Rule): Check[] {
  const base = {
    ruleId: rule.id,
    severity: rule.severity,
    op: rule.op,
    message: rule.message,
    scope: rule.scope,
    requireAll: rule.requireAll,
    unitKinds: rule.unitKinds,
    officeAdvice: rule.officeAdvice,
  };
  if (!rule.forEach) {
    return [{ ...base, id: rule.id, label: '', left: substitute(rule.left, ''), right: substitute(rule.right, '') }];
  }
  const table = findTable(template, rule.forEach.table);
  if (!table) return [];
  const items =
    rule.forEach.over === 'columns'
      ? table.columns.map((c) => ({ code: c.code, label: c.label }))
      : table.rows.flatMap((r) => (r.code ? [{ code: r.code, label: r.label }] : []));
  return items.map((it) => ({
    ...base,
    id: `${rule.id}@${it.code}`,
    label: it.label,
    left: substitute(rule.left, it.code),
    right: substitute(rule.right, it.code),
  }));
}

const checkCache = new WeakMap<Template, Check[]>();

export function templateChecks(template: Template): Check[] {
  let checks = checkCache.get(template);
  if (!checks) {
    checks = template.rules.flatMap((r) => expandRule(template, r));
    checkCache.set(template, checks);
  }
  return checks;
}
