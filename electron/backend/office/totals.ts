/**
 * Merged figures for a level of the hierarchy: each unit's months rolled up
 * on their own, then summed over the unit and everything below it. Every
 * unit's figures are stored once, under that unit, so nothing is counted twice.
 *
 * Same rule as store/aggregate.ts aggregatePeriodFigures (a test holds them
 * equal), but summed inside SQLite: a city of 500 units holds millions of
 * monthly values, and fetching each into JavaScript is what costs the time.
 */
import type Database from 'better-sqlite3';
import { cellRef, templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { subtreeUnitIds } from '../store/aggregate';

export interface LevelTotals {
  unitCount: number;
  reportingUnits: number;
  figures: Map<string, number>;
}

const FILTER = `v.template_id = @templateId AND v.year = @year AND v.month BETWEEN @fromMonth AND @toMonth
  AND v.unit_id IN (SELECT value FROM json_each(@units))`;

// Hundredths keep amounts exact when summed.
const SUMS = `SELECT v.indicator, v.col, SUM(CAST(ROUND(v.value * 100) AS INTEGER)) AS h
  FROM cell_values v WHERE ${FILTER} GROUP BY v.indicator, v.col`;

/** Stocks and opening balances: each unit's last (or first) filled month in the period, then summed. */
const PICKED = `WITH wanted(indicator, col, dir) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(@wanted)
  ), picked AS (
    SELECT v.indicator, v.col, CAST(ROUND(v.value * 100) AS INTEGER) AS h,
      ROW_NUMBER() OVER (PARTITION BY v.unit_id, v.indicator, v.col ORDER BY CASE WHEN w.dir = 'first' THEN v.month ELSE -v.month END) AS rn
    FROM cell_values v JOIN wanted w ON w.indicator = v.indicator AND w.col = v.col
    WHERE ${FILTER}
  )
  SELECT indicator, col, SUM(h) AS h FROM picked WHERE rn = 1 GROUP BY indicator, col`;

const REPORTING = `SELECT COUNT(DISTINCT v.unit_id) AS n FROM cell_values v WHERE ${FILTER}`;

interface SumRow {
  indicator: string;
  col: string;
  h: number;
}

export function levelTotals(db: Database.Database, template: Template, rootId: number, year: number, fromMonth: number, toMonth: number): LevelTotals {
  const ids = subtreeUnitIds(db, rootId);
  const params = { templateId: template.id, year, fromMonth, toMonth, units: JSON.stringify(ids) };
  const cells = templateCells(template);
  const figures = new Map<string, number>();

  for (const r of db.prepare(SUMS).all(params) as SumRow[]) {
    const ref = cellRef(r.indicator, r.col);
    if (cells.get(ref)?.rollup === 'sum') figures.set(ref, r.h / 100);
  }
  const wanted = [...cells.values()].filter((c) => c.rollup !== 'sum').map((c) => [c.indicator, c.col, c.rollup]);
  if (wanted.length > 0) {
    for (const r of db.prepare(PICKED).all({ ...params, wanted: JSON.stringify(wanted) }) as SumRow[]) figures.set(cellRef(r.indicator, r.col), r.h / 100);
  }
  // Template order, as aggregatePeriodFigures gives it.
  const ordered = new Map<string, number>();
  for (const ref of cells.keys()) {
    const v = figures.get(ref);
    if (v !== undefined) ordered.set(ref, v);
  }
  const reportingUnits = (db.prepare(REPORTING).get(params) as { n: number }).n;
  return { unitCount: ids.length, reportingUnits, figures: ordered };
}

/** The unit's share of its parent's figure, percent with two decimals. */
export function shareOf(part: number | undefined, whole: number | undefined): number | undefined {
  if (whole === undefined || whole === 0) return undefined;
  return Math.round(((part ?? 0) / whole) * 10000) / 100;
}
