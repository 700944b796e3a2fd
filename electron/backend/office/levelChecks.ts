/**
 * The 勾稽 checks of a level's merged figures, and for each one that fails,
 * the units whose own figures fail it too: a merged error is found in the
 * units that caused it, not by opening 500 ledgers. A merged check can fail
 * with no unit failing it alone (one unit's 总数 and another's parts): then
 * no unit is named and the message says the difference lies between units.
 */
import type Database from 'better-sqlite3';
import type { LevelViolation } from '../../../shared/api/methods/office';
import { templateChecks } from '../../../shared/rules/expand';
import { checkPlaces, evaluateCheck, evaluateRules, type ValueLookup } from '../../../shared/rules/evaluate';
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import { periodFigures, unitMonthlyFigures } from '../store/aggregate';
import { listUnits } from '../store/units';

const lookupIn =
  (current: ReadonlyMap<string, number>, previous: ReadonlyMap<string, number>): ValueLookup =>
  (ref, year) =>
    (year === 'current' ? current : previous).get(ref);

/**
 * levelFigures: the merged period figures (as office.totals shows them), of
 * this year and the year before; headKind: the kind of the level's head unit
 * (a county's level holds no unit that issues 规章 either). Read by an office.
 */
export function levelChecks(
  db: Database.Database,
  template: Template,
  unitIds: number[],
  period: Period,
  levelFigures: { current: ReadonlyMap<string, number>; previous: ReadonlyMap<string, number> },
  headKind?: string,
): LevelViolation[] {
  // A single month is checked by the monthly rules; a range or the year by the year's (roll-ups).
  const scope = period.fromMonth === period.toMonth ? 'month' : 'year';
  const violations = evaluateRules(template, scope, lookupIn(levelFigures.current, levelFigures.previous), { audience: 'aggregator', unitKind: headKind });
  if (violations.length === 0) return [];
  const failing = new Set(violations.map((v) => v.checkId));
  const checks = templateChecks(template).filter((c) => failing.has(c.id));
  const own = (year: number) => {
    const monthly = unitMonthlyFigures(db, unitIds, template, year);
    return (id: number) => {
      const m = monthly.get(id);
      return m ? periodFigures(template, m, period.fromMonth, period.toMonth) : new Map<string, number>();
    };
  };
  const current = own(period.year);
  const previous = own(period.year - 1);
  const names = new Map(listUnits(db).map((u) => [u.id, u]));
  const culprits = new Map<string, LevelViolation['units']>(checks.map((c) => [c.id, []]));
  for (const id of unitIds) {
    const lookup = lookupIn(current(id), previous(id));
    const unit = names.get(id);
    for (const check of checks) {
      const v = evaluateCheck(check, lookup, checkPlaces(template, check), { audience: 'aggregator', unitKind: unit?.kind });
      if (v && unit) culprits.get(check.id)!.push({ code: unit.code, name: unit.name, message: v.message });
    }
  }
  return violations.map((v) => ({ ...v, units: culprits.get(v.checkId) ?? [] }));
}
