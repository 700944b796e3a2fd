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

/** Month-by-month sums over units, summed by SQLite (for trends; stocks summed per month as reported). */
export function monthlyFigures(db: Database.Database, unitIds: number[], templateId: string, year: number): MonthlyFigures {
  const out: MonthlyFigures = new Map();
  if (unitIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT indicator, col, month, SUM(CAST(ROUND(value * 100) AS INTEGER)) AS h
       FROM cell_values
       WHERE template_id = ? AND year = ? AND unit_id IN (SELECT value FROM json_each(?))
       GROUP BY indicator, col, month`,
    )
    .all(templateId, year, JSON.stringify(unitIds)) as { indicator: string; col: string; month: number; h: number }[];
  for (const r of rows) addTo(out, cellRef(r.indicator, r.col), r.month, r.h);
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

const LEVEL_FILTER = `v.template_id = @templateId AND v.year = @year AND v.month BETWEEN @fromMonth AND @toMonth
  AND v.unit_id IN (SELECT value FROM json_each(@units))`;

const LEVEL_SUMS = `SELECT v.indicator, v.col, SUM(CAST(ROUND(v.value * 100) AS INTEGER)) AS h
  FROM cell_values v WHERE ${LEVEL_FILTER} GROUP BY v.indicator, v.col`;

/** Stocks and opening balances: each unit's last (or first) filled month in the period, then summed. */
const LEVEL_PICKED = `WITH wanted(indicator, col, dir) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(@wanted)
  ), picked AS (
    SELECT v.indicator, v.col, CAST(ROUND(v.value * 100) AS INTEGER) AS h,
      ROW_NUMBER() OVER (PARTITION BY v.unit_id, v.indicator, v.col ORDER BY CASE WHEN w.dir = 'first' THEN v.month ELSE -v.month END) AS rn
    FROM cell_values v JOIN wanted w ON w.indicator = v.indicator AND w.col = v.col
    WHERE ${LEVEL_FILTER}
  )
  SELECT indicator, col, SUM(h) AS h FROM picked WHERE rn = 1 GROUP BY indicator, col`;

/**
 * The same figures as aggregatePeriodFigures (a test holds them equal), summed
 * inside SQLite: a city's level holds hundreds of thousands of monthly values,
 * and fetching each into JavaScript is what costs the time. In template order.
 */
export function levelPeriodFigures(
  db: Database.Database,
  template: Template,
  unitIds: number[],
  year: number,
  fromMonth = 1,
  toMonth = 12,
): Map<string, number> {
  const out = new Map<string, number>();
  if (unitIds.length === 0) return out;
  const params = { templateId: template.id, year, fromMonth, toMonth, units: JSON.stringify(unitIds) };
  const cells = templateCells(template);
  const found = new Map<string, number>();
  for (const r of db.prepare(LEVEL_SUMS).all(params) as { indicator: string; col: string; h: number }[]) {
    const ref = cellRef(r.indicator, r.col);
    if (cells.get(ref)?.rollup === 'sum') found.set(ref, r.h / 100);
  }
  const wanted = [...cells.values()].filter((c) => c.rollup !== 'sum').map((c) => [c.indicator, c.col, c.rollup]);
  if (wanted.length > 0) {
    const rows = db.prepare(LEVEL_PICKED).all({ ...params, wanted: JSON.stringify(wanted) }) as { indicator: string; col: string; h: number }[];
    for (const r of rows) found.set(cellRef(r.indicator, r.col), r.h / 100);
  }
  for (const ref of cells.keys()) {
    const v = found.get(ref);
    if (v !== undefined) out.set(ref, v);
  }
  return out;
}
