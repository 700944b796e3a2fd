/**
 * Which units a chart covers and their figures: a unit alone, or the unit
 * with its whole subtree (an office's level of the hierarchy).
 */
import type { ChartScope } from '../../../shared/api/methods/charts';
import type { Unit, UnitScope } from '../../../shared/domain';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { fromScaled, toScaled } from '../../../shared/values/precision';
import type { Period } from '../../../shared/values/period';
import { resolveUnit, type BackendContext } from '../context';
import { levelPeriodFigures, monthlyFigures, subtreeUnitIds, type MonthlyFigures } from '../store/aggregate';
import { decodeMonth, readUnitsMonths } from '../store/monthValues';

export interface ResolvedScope {
  unit: Unit;
  unitIds: number[];
  scope: ChartScope;
}

/** The units of a scope (this data file's own unit when it names none), resolved and named. */
export function resolveScope(ctx: BackendContext, { unitCode, subtree }: UnitScope): ResolvedScope {
  const unit = resolveUnit(ctx, unitCode);
  const unitIds = subtree ? subtreeUnitIds(ctx.store.db, unit.id) : [unit.id];
  return { unit, unitIds, scope: { unitCode: unit.code, unitName: unit.name, subtree, unitCount: unitIds.length } };
}

/** Month-by-month sums over the units (store/aggregate.ts monthlyFigures). */
export function scopeMonthlyFigures(ctx: BackendContext, template: Template, unitIds: number[], year: number): MonthlyFigures {
  return monthlyFigures(ctx.store.db, unitIds, template, year, ctx.templates.family(template.id));
}

/** Period figures of the units together (store/aggregate.ts levelPeriodFigures). */
export function scopePeriodFigures(ctx: BackendContext, template: Template, unitIds: number[], period: Period): Map<string, number> {
  return levelPeriodFigures(ctx.store.db, template, unitIds, period.year, period.fromMonth, period.toMonth, ctx.templates.family(template.id));
}

/** Years with any stored figure for these units, latest first. */
export function dataYears(ctx: BackendContext, templateId: string, unitIds: number[]): number[] {
  const rows = ctx.store.db
    .prepare(
      `SELECT DISTINCT year FROM month_values WHERE template_id IN (SELECT value FROM json_each(?)) AND unit_id IN (SELECT value FROM json_each(?)) ORDER BY year DESC`,
    )
    .all(JSON.stringify(ctx.templates.family(templateId)), JSON.stringify(unitIds)) as { year: number }[];
  return rows.map((r) => r.year);
}

/**
 * Period totals of some flow cells for each unit's whole subtree, in one
 * read of the month rows (the ranking of the units below an office).
 */
export function subtreeFlowTotals(ctx: BackendContext, template: Template, roots: number[], refs: string[], period: Period): Map<number, Map<string, number>> {
  const rootOf = new Map<number, number>();
  for (const root of roots) for (const id of subtreeUnitIds(ctx.store.db, root)) rootOf.set(id, root);
  const wanted = [...new Set(refs)];
  const cells = templateCells(template);
  const scaled = new Map<number, Map<string, number>>();
  for (const row of readUnitsMonths(ctx.store.db, [...rootOf.keys()], ctx.templates.family(template.id), period.year, period.fromMonth, period.toMonth)) {
    const values = decodeMonth(ctx.store.db, row);
    const root = rootOf.get(row.unit_id)!;
    let m = scaled.get(root);
    for (const ref of wanted) {
      const v = values.get(ref);
      const def = cells.get(ref);
      if (v === undefined || !def) continue;
      if (!m) scaled.set(root, (m = new Map()));
      m.set(ref, (m.get(ref) ?? 0) + toScaled(v, def.decimals));
    }
  }
  return new Map([...scaled].map(([root, m]) => [root, new Map([...m].map(([ref, h]) => [ref, fromScaled(h, cells.get(ref)!.decimals)]))]));
}
