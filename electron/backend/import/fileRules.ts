/**
 * The 勾稽 rules over a file's own figures, unit by unit, as the office that
 * imports reads them (its advice included, each unit's kind for kind-limited
 * rules). They depend on the file alone, so a reader thread works them out
 * with the read (readFile.ts) and the batch's thread takes them from there.
 */
import type { FilePlan } from '../../../shared/api/methods/import';
import { evaluateRules } from '../../../shared/rules/evaluate';
import type { Template } from '../../../shared/template/schema';
import { isWholeYear, periodMonths, type Period } from '../../../shared/values/period';
import type { WorkbookUnit } from '../../../shared/workbook/format';
import { periodFigures, type MonthlyFigures } from '../store/aggregate';
import { monthsOf, unitMonth } from './fileFacts';
import type { ReadWorkbook } from './readWorkbook';

export type FileViolation = FilePlan['violations'][number];

/** Findings worked out with a read (a reader thread's), by unit code, until the batch's thread plans the file. */
const known = new WeakMap<ReadWorkbook, Map<string, FileViolation[]>>();

/** Every unit's findings, in unit order (worked out where the file is read). */
export function fileViolations(r: ReadWorkbook): Map<string, FileViolation[]> {
  let found = known.get(r);
  if (!found) {
    const months = monthsOf(r);
    const p = r.meta.period;
    found = new Map(r.units.map((u) => [u.code, violationsOf(r.template, p, u, periodMonths(p).map((m) => ({ month: m, values: months.get(unitMonth(u.code, m))?.values ?? new Map() })))]));
    known.set(r, found);
  }
  return found;
}

/** The findings worked out with this read, if they were. */
export function knownViolations(r: ReadWorkbook): Map<string, FileViolation[]> | undefined {
  return known.get(r);
}

/** A read's findings as worked out elsewhere (they crossed from a reader thread with it). */
export function noteViolations(r: ReadWorkbook, found: Map<string, FileViolation[]>): void {
  known.set(r, found);
}

/** One unit's findings: from the read if it came with them, else worked out from these months. */
export function unitViolations(r: ReadWorkbook, unit: WorkbookUnit, months: { month: number; values: Map<string, number> }[]): FileViolation[] {
  return known.get(r)?.get(unit.code) ?? violationsOf(r.template, r.meta.period, unit, months);
}

function violationsOf(template: Template, p: Period, unit: WorkbookUnit, months: { month: number; values: Map<string, number> }[]) {
  if (months.every((m) => m.values.size === 0)) return [];
  const monthly: MonthlyFigures = new Map();
  for (const { month, values } of months) {
    for (const [ref, value] of values) {
      let arr = monthly.get(ref);
      if (!arr) monthly.set(ref, (arr = new Array<number | null>(13).fill(null)));
      arr[month] = value;
    }
  }
  const figures = periodFigures(template, monthly, p.fromMonth, p.toMonth);
  const scope = isWholeYear(p) ? 'year' : 'month';
  // Read by the office that imports: its advice included, the file's unit kind for kind-limited rules.
  return evaluateRules(template, scope, (ref, year) => (year === 'current' ? figures.get(ref) : undefined), { audience: 'aggregator', unitKind: unit.kind }).map((v) => ({
    unitCode: unit.code,
    unitName: unit.name,
    severity: v.severity,
    message: v.message,
  }));
}
