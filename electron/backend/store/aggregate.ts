/**
 * Figures for a unit or a whole level of the hierarchy, from stored monthly
 * values. Each unit's values are stored once, under that unit, so summing a
 * subtree never double-counts, whichever route the figures arrived by.
 */
import type Database from 'better-sqlite3';
import { templateCells, type CellDef } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { fromScaled, toScaled } from '../../../shared/values/precision';
import { rollupMonths } from '../../../shared/values/rollup';
import { forEachFigure, layoutOf, readLevelMonths, readUnitsMonths, scaledFigures, type MonthRow } from './monthValues';

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

/**
 * ref → each month's figure as a scaled integer of the cell's precision
 * (null where empty): amounts stay exact however many are summed.
 */
type MonthlyScaled = Map<string, (number | null)[]>;

function addTo(map: MonthlyScaled, ref: string, month: number, scaled: number) {
  let months = map.get(ref);
  if (!months) {
    months = new Array<number | null>(13).fill(null);
    map.set(ref, months);
  }
  months[month] = (months[month] ?? 0) + scaled;
}

/** Adds a row's figures of the template's cells (a family member's row also holds cells of its own). */
function addMonth(db: Database.Database, cells: Map<string, CellDef>, map: MonthlyScaled, row: MonthRow) {
  forEachFigure(db, row, (ref, v) => {
    const def = cells.get(ref);
    if (def) addTo(map, ref, row.month, toScaled(v, def.decimals));
  });
}

function toFigures(cells: Map<string, CellDef>, map: MonthlyScaled): MonthlyFigures {
  for (const [ref, months] of map) {
    const places = cells.get(ref)!.decimals;
    for (let m = 1; m <= 12; m++) if (months[m] !== null) months[m] = fromScaled(months[m]!, places);
  }
  return map;
}

/** Each unit's own monthly figures. */
export function unitMonthlyFigures(db: Database.Database, unitIds: number[], template: Template, year: number): Map<number, MonthlyFigures> {
  const cells = templateCells(template);
  const out = new Map<number, MonthlyFigures>();
  for (const row of readUnitsMonths(db, unitIds, template.id, year)) {
    let m = out.get(row.unit_id);
    if (!m) out.set(row.unit_id, (m = new Map()));
    addMonth(db, cells, m, row);
  }
  for (const m of out.values()) toFigures(cells, m);
  return out;
}

/** Month-by-month sums over units (for trends; stocks summed per month as reported), of the template's rows and its family's. */
export function monthlyFigures(db: Database.Database, unitIds: number[], template: Template, year: number, templateIds: readonly string[] = [template.id]): MonthlyFigures {
  const cells = templateCells(template);
  const out: MonthlyScaled = new Map();
  for (const row of readUnitsMonths(db, unitIds, templateIds, year)) addMonth(db, cells, out, row);
  return toFigures(cells, out);
}

/** One unit's period figure per cell (roll-up by each cell's rule); empty cells are absent. */
export function periodFigures(template: Template, monthly: MonthlyFigures, fromMonth = 1, toMonth = 12): Map<string, number> {
  const out = new Map<string, number>();
  for (const cell of templateCells(template).values()) {
    const months = monthly.get(cell.ref);
    if (!months) continue;
    const v = rollupMonths(months, cell.rollup, cell, fromMonth, toMonth);
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
  return sumFigures(template, [...perUnit.values()].map((monthly) => periodFigures(template, monthly, fromMonth, toMonth)));
}

/** Period figures of several units added up, exactly (scaled by each cell's precision); refs the template lacks are left out. */
export function sumFigures(template: Template, figures: Map<string, number>[]): Map<string, number> {
  const cells = templateCells(template);
  const scaled = new Map<string, number>();
  for (const f of figures) {
    for (const [ref, v] of f) {
      const def = cells.get(ref);
      if (def) scaled.set(ref, (scaled.get(ref) ?? 0) + toScaled(v, def.decimals));
    }
  }
  return new Map([...scaled].map(([ref, s]) => [ref, fromScaled(s, cells.get(ref)!.decimals)]));
}

/** How levelPeriodFigures treats a place of a layout: not the template's, summed, or picked per unit. */
const SKIP = 0;
const SUM = 1;
const LAST = 2;
const FIRST = 3;

/**
 * The same figures as aggregatePeriodFigures (a test holds them equal) in one
 * pass over the month rows, without building each unit's monthly figures: a
 * province's level is 6,000 unit-months of 243 figures. Flows are summed by
 * place in each row's layout (a level has one or a few) and named once at
 * the end; stocks and opening balances are taken per unit first (its last or
 * first filled month), then summed. In template order.
 */
export function levelPeriodFigures(
  db: Database.Database,
  template: Template,
  unitIds: number[],
  year: number,
  fromMonth = 1,
  toMonth = 12,
  templateIds: readonly string[] = [template.id],
): Map<string, number> {
  return levelPeriodTotals(db, template, unitIds, year, fromMonth, toMonth, templateIds).figures;
}

/**
 * levelPeriodFigures and how many of the units reported in the period (have
 * a row: a unit-month has one only while it holds a figure), counted in the
 * same pass rather than by a second scan of the rows.
 */
export function levelPeriodTotals(
  db: Database.Database,
  template: Template,
  unitIds: number[],
  year: number,
  fromMonth = 1,
  toMonth = 12,
  /** The templates whose rows to read: the template's family (templates/registry.ts) to count units on a template sharing its cells. */
  templateIds: readonly string[] = [template.id],
): { figures: Map<string, number>; reportingUnits: number } {
  const cells = templateCells(template);
  const byLayout = new Map<string, { refs: string[]; kinds: Uint8Array; places: Uint8Array; sums: Float64Array; filled: Uint8Array }>();
  const totals = new Map<string, number>();
  // The unit being read's stocks and opening balances so far: ref → the month picked and its figure (rows come by template, then month).
  let unit: number | undefined;
  let reportingUnits = 0;
  const picked = new Map<string, { month: number; scaled: number }>();
  const flush = () => {
    for (const [ref, p] of picked) totals.set(ref, (totals.get(ref) ?? 0) + p.scaled);
    picked.clear();
  };
  let figures = new Float64Array(0);
  for (const [unitId, month, layout, data] of readLevelMonths(db, unitIds, templateIds, year, fromMonth, toMonth)) {
    // Rows come by unit, so each unit starts once.
    if (unitId !== unit) {
      flush();
      unit = unitId;
      reportingUnits++;
    }
    let l = byLayout.get(layout);
    if (!l) {
      const refs = layoutOf(db, layout).refs;
      const defs = refs.map((r) => cells.get(r));
      l = {
        refs,
        kinds: Uint8Array.from(defs, (d) => (d === undefined ? SKIP : d.rollup === 'sum' ? SUM : d.rollup === 'first' ? FIRST : LAST)),
        places: Uint8Array.from(defs, (d) => d?.decimals ?? 0),
        sums: new Float64Array(refs.length),
        filled: new Uint8Array(refs.length),
      };
      byLayout.set(layout, l);
      if (figures.length < refs.length) figures = new Float64Array(refs.length);
    }
    const { refs, kinds, sums, filled } = l;
    const n = scaledFigures(data, l.places, figures);
    for (let i = 0; i < n; i++) {
      const h = figures[i];
      const kind = kinds[i];
      if (h < 0 || kind === SKIP) continue;
      if (kind === SUM) {
        sums[i] += h;
        filled[i] = 1;
        continue;
      }
      const p = picked.get(refs[i]);
      if (!p) picked.set(refs[i], { month, scaled: h });
      else if (kind === LAST ? month >= p.month : month < p.month) {
        p.month = month;
        p.scaled = h;
      }
    }
  }
  flush();
  for (const { refs, sums, filled } of byLayout.values()) {
    for (let i = 0; i < refs.length; i++) if (filled[i]) totals.set(refs[i], (totals.get(refs[i]) ?? 0) + sums[i]);
  }
  const out = new Map<string, number>();
  for (const [ref, def] of cells) {
    const h = totals.get(ref);
    if (h !== undefined) out.set(ref, fromScaled(h, def.decimals));
  }
  return { figures: out, reportingUnits };
}
