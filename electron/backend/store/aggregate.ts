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
import { addScaledFigures, forEachFigure, layoutOf, levelRowKey, readLevelMonths, readUnitsMonths, type LevelRowKey, type MonthRow } from './monthValues';

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

/** How levelPeriodTotals treats a template cell: summed, or picked per unit (a stock's last month, an opening balance's first). */
const SUM = 0;
const LAST = 1;
const FIRST = 2;

/**
 * A layout as levelPeriodTotals reads it: each place's template cell (-1:
 * not the template's) and decimals, the places of cells picked per unit,
 * and every place's sum over the level's rows of this layout so far.
 */
interface LevelLayout {
  cell: Int32Array;
  places: Uint8Array;
  picked: Int32Array;
  sums: Float64Array;
  filled: Uint8Array;
}

/** A level's picks, by template cell (its place in templateCells). */
interface LevelPicks {
  kinds: Uint8Array;
  /** The cells picked per unit (not summed). */
  cells: Int32Array;
  /** The sum of each unit's pick. */
  totals: Float64Array;
  /** Whether any unit filled the cell. */
  filled: Uint8Array;
  /** The unit being read's pick of each cell so far: its month (0: none yet) and figure. */
  month: Int32Array;
  value: Float64Array;
}

/**
 * Takes a row's figures of cells picked per unit (addScaledFigures has
 * already added every place to its layout's sums, whatever its cell; the
 * sums of picked cells and of cells the template lacks are never read).
 * Rows come by unit, then template, then month: a later month replaces a
 * stock's pick (the later template's row at the same month), an earlier one
 * an opening balance's. Small and apart from the loop over rows so that V8
 * optimizes it within the first query: the per-row work inside one large
 * function ran unoptimized for most of a fresh connection's first query
 * while V8 compiled the whole function on the side (--trace-opt: 30–80 ms
 * to compile under load, then thrown away at the first path not yet taken).
 */
function pickRow(l: LevelLayout, p: LevelPicks, figures: Float64Array, n: number, month: number): void {
  const { picked, cell } = l;
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k];
    if (i >= n || figures[i] < 0) continue;
    const c = cell[i];
    if (p.month[c] === 0 || (p.kinds[c] === LAST ? month >= p.month[c] : month < p.month[c])) {
      p.month[c] = month;
      p.value[c] = figures[i];
    }
  }
}

/** A unit's rows are read: its picks join the level's. */
function endUnit(p: LevelPicks): void {
  const { cells, totals, filled, month, value } = p;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (month[c] === 0) continue;
    totals[c] += value[c];
    filled[c] = 1;
    month[c] = 0;
  }
}

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
 *
 * Everything a row touches is a typed array: its layout's sums by place,
 * and the picks by template cell. A province's year is 6,000 rows of 243
 * figures, 17 of them stocks that a Map keyed by ref used to pick per unit
 * (docs/import.md, session 5).
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
  const defs = [...templateCells(template).values()];
  const indexOf = new Map(defs.map((d, i) => [d.ref, i]));
  const kinds = Uint8Array.from(defs, (d) => (d.rollup === 'sum' ? SUM : d.rollup === 'first' ? FIRST : LAST));
  const p: LevelPicks = {
    kinds,
    cells: Int32Array.from(defs.flatMap((d, i) => (kinds[i] === SUM ? [] : [i]))),
    totals: new Float64Array(defs.length),
    filled: new Uint8Array(defs.length),
    month: new Int32Array(defs.length),
    value: new Float64Array(defs.length),
  };
  const byLayout = new Map<string, LevelLayout>();
  let unit = -1;
  let reportingUnits = 0;
  let figures = new Float64Array(0);
  const key: LevelRowKey = { unitId: 0, month: 0, layoutStart: 0, layoutEnd: 0 };
  // The previous row's layout: consecutive rows mostly share one, so most rows need no look-up.
  let layoutId = '';
  let l: LevelLayout | undefined;
  for (const row of readLevelMonths(db, unitIds, templateIds, year, fromMonth, toMonth)) {
    levelRowKey(row, key);
    // Rows come by unit, so each unit starts once.
    if (key.unitId !== unit) {
      endUnit(p);
      unit = key.unitId;
      reportingUnits++;
    }
    if (l === undefined || key.layoutEnd - key.layoutStart !== layoutId.length || !row.startsWith(layoutId, key.layoutStart)) {
      layoutId = row.slice(key.layoutStart, key.layoutEnd);
      l = byLayout.get(layoutId);
      if (!l) {
        const refs = layoutOf(db, layoutId).refs;
        const cell = Int32Array.from(refs, (r) => indexOf.get(r) ?? -1);
        l = {
          cell,
          places: Uint8Array.from(cell, (c) => (c < 0 ? 0 : defs[c].decimals)),
          picked: Int32Array.from(refs.flatMap((_, i) => (cell[i] >= 0 && kinds[cell[i]] !== SUM ? [i] : []))),
          sums: new Float64Array(refs.length),
          filled: new Uint8Array(refs.length),
        };
        byLayout.set(layoutId, l);
        if (figures.length < refs.length) figures = new Float64Array(refs.length);
      }
    }
    pickRow(l, p, figures, addScaledFigures(row, l.places, figures, l.sums, l.filled, key.layoutEnd + 1), key.month);
  }
  endUnit(p);
  // Flows: each layout's sums by place, named by cell (integers below 2^53 add exactly in any order).
  const totals = p.totals;
  const filled = p.filled;
  for (const { cell, sums, filled: placeFilled } of byLayout.values()) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell[i];
      if (c < 0 || kinds[c] !== SUM || !placeFilled[i]) continue;
      totals[c] += sums[i];
      filled[c] = 1;
    }
  }
  const out = new Map<string, number>();
  for (let c = 0; c < defs.length; c++) if (filled[c]) out.set(defs[c].ref, fromScaled(totals[c], defs[c].decimals));
  return { figures: out, reportingUnits };
}
