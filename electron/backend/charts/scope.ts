/**
 * Which units a chart covers and their figures: a unit alone, or the unit
 * with its whole subtree (an office's level of the hierarchy).
 */
import type { ChartScope } from '../../../shared/api/methods/charts';
import type { Unit } from '../../../shared/domain';
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import { resolveUnit, type BackendContext } from '../context';
import { aggregatePeriodFigures, monthlyFigures, subtreeUnitIds, unitMonthlyFigures, type MonthlyFigures } from '../store/aggregate';

export interface ResolvedScope {
  unit: Unit;
  unitIds: number[];
  scope: ChartScope;
}

/**
 * By default a unit's figures include the units below it: for a department
 * that is just its own, for an office its whole level (and a demo unit
 * loaded under a department shows up at once).
 */
export function resolveScope(ctx: BackendContext, unitCode: string | undefined, level: boolean | undefined): ResolvedScope {
  const unit = resolveUnit(ctx, unitCode);
  const wholeLevel = level ?? true;
  const unitIds = wholeLevel ? subtreeUnitIds(ctx.store.db, unit.id) : [unit.id];
  return { unit, unitIds, scope: { unitCode: unit.code, unitName: unit.name, level: wholeLevel, unitCount: unitIds.length } };
}

/** Period figures, each unit rolled up on its own first (stocks are each unit's last value). */
export function scopePeriodFigures(ctx: BackendContext, template: Template, unitIds: number[], period: Period): Map<string, number> {
  return aggregatePeriodFigures(template, unitMonthlyFigures(ctx.store.db, unitIds, template.id, period.year), period.fromMonth, period.toMonth);
}

export function scopeMonthlyFigures(ctx: BackendContext, template: Template, unitIds: number[], year: number): MonthlyFigures {
  return monthlyFigures(ctx.store.db, unitIds, template.id, year);
}

/** Years with any stored figure for these units, latest first. */
export function dataYears(ctx: BackendContext, templateId: string, unitIds: number[]): number[] {
  const rows = ctx.store.db
    .prepare(`SELECT DISTINCT year FROM cell_values WHERE template_id = ? AND unit_id IN (SELECT value FROM json_each(?)) ORDER BY year DESC`)
    .all(templateId, JSON.stringify(unitIds)) as { year: number }[];
  return rows.map((r) => r.year);
}
