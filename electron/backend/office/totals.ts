/**
 * Merged figures for a level of the hierarchy: the unit and everything below
 * it (store/aggregate.ts levelPeriodFigures), and how many of them reported.
 */
import type Database from 'better-sqlite3';
import type { Template } from '../../../shared/template/schema';
import { levelPeriodTotals, subtreeUnitIds } from '../store/aggregate';

export interface LevelTotals {
  unitCount: number;
  reportingUnits: number;
  figures: Map<string, number>;
}

/** templateIds: the template's family (units on a template sharing its cells count too). */
export function levelTotals(
  db: Database.Database,
  template: Template,
  rootId: number,
  year: number,
  fromMonth: number,
  toMonth: number,
  templateIds: readonly string[] = [template.id],
): LevelTotals {
  const ids = subtreeUnitIds(db, rootId);
  const { figures, reportingUnits } = levelPeriodTotals(db, template, ids, year, fromMonth, toMonth, templateIds);
  return { unitCount: ids.length, reportingUnits, figures };
}

/** The unit's share of its parent's figure, percent with two decimals. */
export function shareOf(part: number | undefined, whole: number | undefined): number | undefined {
  if (whole === undefined || whole === 0) return undefined;
  return Math.round(((part ?? 0) / whole) * 10000) / 100;
}
