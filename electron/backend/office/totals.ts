/**
 * Merged figures for a level of the hierarchy: each unit's months rolled up
 * on their own, then summed over the unit and everything below it. Every
 * unit's figures are stored once, under that unit, so nothing is counted twice.
 */
import type Database from 'better-sqlite3';
import type { Template } from '../../../shared/template/schema';
import { aggregatePeriodFigures, subtreeUnitIds, unitMonthlyFigures } from '../store/aggregate';

export interface LevelTotals {
  unitCount: number;
  reportingUnits: number;
  figures: Map<string, number>;
}

export function levelTotals(db: Database.Database, template: Template, rootId: number, year: number, fromMonth: number, toMonth: number): LevelTotals {
  const ids = subtreeUnitIds(db, rootId);
  const perUnit = unitMonthlyFigures(db, ids, template.id, year);
  let reportingUnits = 0;
  for (const monthly of perUnit.values()) {
    const any = [...monthly.values()].some((months) => months.slice(fromMonth, toMonth + 1).some((v) => v !== null));
    if (any) reportingUnits++;
  }
  return { unitCount: ids.length, reportingUnits, figures: aggregatePeriodFigures(template, perUnit, fromMonth, toMonth) };
}

/** The unit's share of its parent's figure, percent with two decimals. */
export function shareOf(part: number | undefined, whole: number | undefined): number | undefined {
  if (whole === undefined || whole === 0) return undefined;
  return Math.round(((part ?? 0) / whole) * 10000) / 100;
}
