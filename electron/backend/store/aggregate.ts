/**
 * Figures for a unit or a whole level of the hierarchy, from stored monthly
 * values. Each unit's values are stored once, under that unit, so summing a
 * subtree never double-counts, whichever route the figures arrived by.
 */
import type Database from 'better-sqlite3';
import { cellRef, templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { rollupMonths } from '../../../shared/values/rollup';

/** The unit and every unit below it (active or not). */
export function subtreeUnitIds(db: Database.Database, rootId: number): number[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
       SELECT id FROM sub`,
    )
    .all(rootId) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Monthly figures of one unit or a sum of units: ref → months[1..12] (null where empty). */
export type MonthlyFigures = Map<string, (number | null)[]>;

interface Row {
  unit_id: number;
  indicator: string;
  col: string;
  month: number;
  h: number;
}

function unitRows(db: Database.Database, unitIds: number[], templateId: string, year: number): Row[] {
  if (unitIds.length === 0) return [];
  // Hundredths keep amounts exact when summed.
  return db
    .prepare(
      `SELECT unit_id, indicator, col, month, CAST(ROUND(value * 100) AS INTEGER) AS h
       FROM cell_values
       WHERE template_id = ? AND year = ? AND unit_id IN (SELECT value FROM json_each(?))`,
    )
    .all(templateId, year, JSON.stringify(unitIds)) as Row[];
}

function addTo(map: MonthlyFigures, ref: string, month: number, hundredths: number) {
  let months = map.get(ref);
  if (!months) {
    months = new Array<number | null>(13).fill(null);
    map.set(ref, months);
  }
  months[month] = ((months[month] ?? 0) * 100 + hundredths) / 100;
}

/** Each unit's own monthly figures. */
export function unitMonthlyFigures(db: Database.Database, unitIds: number[], templateId: string, year: number): Map<number, MonthlyFigures> {
  const out = new Map<number, MonthlyFigures>();
  for (const r of unitRows(db, unitIds, templateId, year)) {
    let m = out.get(r.unit_id);
    if (!m) out.set(r.unit_id, (m = new Map()));
    addTo(m, cellRef(r.indicator, r.col), r.month, r.h);
  }
  return out;
}

/** Month-by-month sums over units (for trends; stocks summed per month as reported). */
export function monthlyFigures(db: Database.Database, unitIds: number[], templateId: string, year: number): MonthlyFigures {
  const out: MonthlyFigures = new Map();
  for (const r of unitRows(db, unitIds, templateId, year)) addTo(out, cellRef(r.indicator, r.col), r.month, r.h);
  return out;
}

/** One unit's period figure per cell (roll-up by each cell's rule); empty cells are absent. */
export function periodFigures(template: Template, monthly: MonthlyFigures, fromMonth = 1, toMonth = 12): Map<string, number> {
  const out = new Map<string, number>();
  for (const cell of templateCells(template).values()) {
    const months = monthly.get(cell.ref);
    if (!months) continue;
    const v = rollupMonths(months, cell.rollup, cell.valueKind, fromMonth, toMonth);
    if (v !== null) out.set(cell.ref, v);
  }
  return out;
}

/**
 * Period figures of several units together: each unit is rolled up on its
 * own first (a stock is each unit's last value), then the units are summed.
 */
export function aggregatePeriodFigures(
  template: Template,
  perUnit: Map<number, MonthlyFigures>,
  fromMonth = 1,
  toMonth = 12,
): Map<string, number> {
  const hundredths = new Map<string, number>();
  for (const monthly of perUnit.values()) {
    for (const [ref, v] of periodFigures(template, monthly, fromMonth, toMonth)) {
      hundredths.set(ref, (hundredths.get(ref) ?? 0) + Math.round(v * 100));
    }
  }
  return new Map([...hundredths].map(([ref, h]) => [ref, h / 100]));
}
