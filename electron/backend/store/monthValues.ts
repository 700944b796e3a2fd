/**
 * The month row (migration 006): one month_values row per unit, template,
 * year and month, its figures comma-separated in the order of a layout
 * (value_layouts: a template's refs). Everything that knows this layout
 * reads and writes it through here.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { scaleOf, toScaled } from '../../../shared/values/precision';
import { prepared } from './prepared';

export interface MonthRow {
  unit_id: number;
  month: number;
  layout: string;
  data: string;
  updated_at: string;
}

/** A layout: the refs whose values a row lists, in that order. Layouts never change once written. */
export interface Layout {
  id: string;
  templateId: string;
  refs: string[];
  /** ref → its place. */
  index: Map<string, number>;
  /** Places in (indicator, col) order, the order getValues returns (a grown layout's refs are not). */
  order: number[];
}

const SELECT_ROW = 'SELECT unit_id, month, layout, data, updated_at FROM month_values';

interface LayoutCache {
  byId: Map<string, Layout>;
  /** The layout new rows of a template are written in (its newest). */
  current: Map<string, Layout>;
}

const caches = new WeakMap<Database.Database, LayoutCache>();

function cacheOf(db: Database.Database): LayoutCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { byId: new Map(), current: new Map() }));
  return c;
}

/** Indexes of refs in (indicator, col) order: ':' becomes '\u0000', which sorts below every code character. */
function refOrder(refs: string[]): number[] {
  const keys = refs.map((ref) => ref.replace(':', '\u0000'));
  return keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
}

function makeLayout(id: string, templateId: string, refs: string[]): Layout {
  return { id, templateId, refs, index: new Map(refs.map((r, i) => [r, i])), order: refOrder(refs) };
}

/** The layout a row names (rows can only name stored layouts: a foreign key). */
export function layoutOf(db: Database.Database, id: string): Layout {
  const c = cacheOf(db);
  let l = c.byId.get(id);
  if (!l) {
    const row = prepared(db, 'SELECT template_id, refs FROM value_layouts WHERE id = ?').get(id) as { template_id: string; refs: string } | undefined;
    if (!row) throw new Error(`数据文件损坏：找不到数值布局 ${id}`);
    c.byId.set(id, (l = makeLayout(id, row.template_id, JSON.parse(row.refs) as string[])));
  }
  return l;
}

/**
 * Calls fn for each figure of a row, in layout order. A value is a plain
 * decimal (the table's CHECK), so Number reads it exactly.
 */
export function forEachFigure(db: Database.Database, row: MonthRow, fn: (ref: string, value: number, place: number) => void): void {
  const refs = layoutOf(db, row.layout).refs;
  const data = row.data;
  let start = 0;
  for (let i = 0; start <= data.length; i++) {
    let end = data.indexOf(',', start);
    if (end < 0) end = data.length;
    if (end > start) fn(refs[i], Number(data.slice(start, end)), i);
    start = end + 1;
  }
}

const EXACT_BELOW = 2 ** 50;

/** A reused copy of the row scaledFigures reads: indexing bytes costs less than charCodeAt on a string. */
let rowBytes = Buffer.allocUnsafe(4096);

/**
 * Copies a row into rowBytes, returning its length. Node's own latin1Write
 * where it has one (every release so far, undocumented), else
 * TextEncoder#encodeInto (an object per call): Buffer#write is a
 * JavaScript wrapper that sorts out its arguments and encoding on every
 * call, ≈ 7 ms more over a province's 6,000 rows before V8 optimizes it,
 * so in the first query on a fresh connection (docs/import.md, session 5).
 */
function copyRow(row: string): number {
  const latin1Write = (rowBytes as Buffer & { latin1Write?: (text: string, offset: number) => number }).latin1Write;
  return typeof latin1Write === 'function' ? latin1Write.call(rowBytes, row, 0) : utf8.encodeInto(row, rowBytes).written;
}

/** Without latin1Write: a row is ASCII, so its UTF-8 is the same bytes. */
const utf8 = new TextEncoder();

/**
 * A row's figures as scaled integers by place, into `out` (-1 where empty,
 * figures are never negative): out[i] = toScaled(value, places[i]), read
 * digit by digit. A province's level for a year is 1.5 million figures; a
 * string and a number made for each (forEachFigure) cost several times the
 * adding up. A figure with more decimals than its place keeps, or too large
 * for the double product to round back to the same integer (2^50 and
 * above), goes through toScaled(Number(text)), so both readings agree.
 * Returns how many places the row has (its layout may have more). `from`:
 * where the figures start in `data` (a level row has its key in front).
 *
 * The row is copied into a byte buffer first (one native copy; a row is
 * ASCII: the CHECK lets in only digits, '.' and ','): reading 4 million
 * characters of a province's year by charCodeAt cost about a third more
 * than by index from bytes, copy included (docs/import.md, session 5).
 */
export function scaledFigures(data: string, places: Uint8Array, out: Float64Array, from = 0): number {
  if (spare.length < out.length) spare = new Float64Array(out.length);
  if (spareFilled.length < out.length) spareFilled = new Uint8Array(out.length);
  return addScaledFigures(data, places, out, spare, spareFilled, from);
}

/** Where scaledFigures adds up what no caller reads. */
let spare = new Float64Array(0);
let spareFilled = new Uint8Array(0);

/**
 * scaledFigures, and each filled figure added to sums[place] (filled[place]
 * set): a level's flows are these sums, and adding them as the digits are
 * read saves a second pass over every place of 6,000 rows.
 */
export function addScaledFigures(data: string, places: Uint8Array, out: Float64Array, sums: Float64Array, filled: Uint8Array, from = 0): number {
  if (rowBytes.length < data.length) rowBytes = Buffer.allocUnsafe(Math.max(data.length, 2 * rowBytes.length));
  return scaledBytes(data, rowBytes, copyRow(data), from, places, out, sums, filled);
}

/** addScaledFigures on the row's bytes (`end` of them); `data` is the same row as text, for the rare figure read through Number. */
function scaledBytes(data: string, bytes: Uint8Array, end: number, from: number, places: Uint8Array, out: Float64Array, sums: Float64Array, filled: Uint8Array): number {
  let place = 0;
  let start = from;
  let digits = 0;
  let mantissa = 0;
  // Decimals read so far, or -1 before the point.
  let decimals = -1;
  for (let i = from; i < end; i++) {
    const c = bytes[i];
    // Digits first: the CHECK lets in only digits, '.' and ','.
    if (c >= 48) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46) {
      decimals = 0;
    } else {
      if (digits === 0) out[place] = -1;
      else {
        // The common figure, a whole number in a whole-number cell, is its digits.
        const v = decimals <= 0 && digits < 16 && places[place] === 0 ? mantissa : fieldScaled(data, start, i, mantissa, decimals, places[place] ?? 0);
        out[place] = v;
        sums[place] += v;
        filled[place] = 1;
      }
      place++;
      start = i + 1;
      digits = 0;
      mantissa = 0;
      decimals = -1;
    }
  }
  if (digits === 0) out[place] = -1;
  else {
    const v = decimals <= 0 && digits < 16 && places[place] === 0 ? mantissa : fieldScaled(data, start, end, mantissa, decimals, places[place] ?? 0);
    out[place] = v;
    sums[place] += v;
    filled[place] = 1;
  }
  return place + 1;
}

/** One figure of scaledFigures: its digits as read, or the text when they would not give toScaled's integer. */
function fieldScaled(data: string, start: number, end: number, mantissa: number, decimals: number, keep: number): number {
  const scaled = decimals <= keep ? mantissa * scaleOf(keep - (decimals < 0 ? 0 : decimals)) : EXACT_BELOW;
  return scaled < EXACT_BELOW ? scaled : toScaled(Number(data.slice(start, end)), keep);
}

/** A row's figures (ref → value), in (indicator, col) order. */
export function decodeMonth(db: Database.Database, row: MonthRow): Map<string, number> {
  const { refs, order } = layoutOf(db, row.layout);
  const byPlace: number[] = [];
  forEachFigure(db, row, (_ref, v, i) => (byPlace[i] = v));
  const out = new Map<string, number>();
  for (const i of order) if (byPlace[i] !== undefined) out.set(refs[i], byPlace[i]);
  return out;
}

/** The newest layout of a template, or undefined before its first row. */
function currentLayout(db: Database.Database, templateId: string): Layout | undefined {
  const c = cacheOf(db);
  let l = c.current.get(templateId);
  if (!l) {
    const row = prepared(db, 'SELECT id FROM value_layouts WHERE template_id = ? ORDER BY rowid DESC LIMIT 1').get(templateId) as { id: string } | undefined;
    if (!row) return undefined;
    c.current.set(templateId, (l = layoutOf(db, row.id)));
  }
  return l;
}

/** The current layout's refs, then the new ones in (indicator, col) order; named by its content. */
function grownLayout(templateId: string, base: Layout | undefined, extra: string[]): Layout {
  const refs = [...(base?.refs ?? []), ...refOrder(extra).map((i) => extra[i])];
  const id = createHash('sha256').update(`${templateId}\n${JSON.stringify(refs)}`).digest('hex').slice(0, 24);
  return makeLayout(id, templateId, refs);
}

function storeLayout(db: Database.Database, l: Layout): void {
  prepared(db, 'INSERT OR IGNORE INTO value_layouts (id, template_id, refs) VALUES (?, ?, ?)').run(l.id, l.templateId, JSON.stringify(l.refs));
}

export interface EncodedMonth {
  layout: Layout;
  data: string;
}

/**
 * A month's figures as a row: in the template's current layout, or a grown
 * one if a ref is new to it (checkNewRef throws to refuse such a ref before
 * any layout takes it in). Values must be finite, non-negative and plain
 * (values.ts refuses the rest before calling).
 */
export function encodeMonth(db: Database.Database, templateId: string, values: Map<string, number>, checkNewRef: (ref: string) => void): EncodedMonth {
  const layout = currentLayout(db, templateId);
  const places: (number | undefined)[] = [];
  let extra: string[] | undefined;
  if (layout) {
    const index = layout.index;
    for (const [ref, v] of values) {
      const i = index.get(ref);
      if (i === undefined) (extra ??= []).push(ref);
      else places[i] = v;
    }
    if (!extra) return { layout, data: places.join(',') };
  }
  for (const ref of extra ?? values.keys()) checkNewRef(ref);
  const grown = grownLayout(templateId, layout, extra ?? [...values.keys()]);
  storeLayout(db, grown);
  const c = cacheOf(db);
  c.byId.set(grown.id, grown);
  c.current.set(templateId, grown);
  return encodeMonth(db, templateId, values, checkNewRef);
}

/** One month's row of one unit. */
export function readMonth(db: Database.Database, unitId: number, templateId: string, year: number, month: number): MonthRow | undefined {
  return prepared(db, `${SELECT_ROW} WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?`).get(unitId, templateId, year, month) as
    | MonthRow
    | undefined;
}

/** A unit's months in a range, by month. */
export function readUnitMonths(db: Database.Database, unitId: number, templateId: string, year: number, fromMonth = 1, toMonth = 12): MonthRow[] {
  return prepared(db, `${SELECT_ROW} WHERE unit_id = ? AND template_id = ? AND year = ? AND month BETWEEN ? AND ? ORDER BY month`).all(
    unitId,
    templateId,
    year,
    fromMonth,
    toMonth,
  ) as MonthRow[];
}

/**
 * The months of several units in a range, by unit then month (roll-ups rely
 * on the month order), of one template or of several sharing cells (a
 * template's family: rows name their layout, so a reader takes the refs it
 * knows from each).
 */
export function readUnitsMonths(
  db: Database.Database,
  unitIds: number[],
  templateIds: string | readonly string[],
  year: number,
  fromMonth = 1,
  toMonth = 12,
): MonthRow[] {
  if (unitIds.length === 0) return [];
  if (typeof templateIds === 'string' || templateIds.length === 1) {
    return prepared(
      db,
      `${SELECT_ROW} WHERE template_id = ? AND year = ? AND month BETWEEN ? AND ? AND unit_id IN (SELECT value FROM json_each(?))
       ORDER BY unit_id, month`,
    ).all(typeof templateIds === 'string' ? templateIds : templateIds[0], year, fromMonth, toMonth, JSON.stringify(unitIds)) as MonthRow[];
  }
  return prepared(
    db,
    `${SELECT_ROW} WHERE template_id IN (SELECT value FROM json_each(?)) AND year = ? AND month BETWEEN ? AND ?
       AND unit_id IN (SELECT value FROM json_each(?))
     ORDER BY unit_id, month`,
  ).all(JSON.stringify(templateIds), year, fromMonth, toMonth, JSON.stringify(unitIds)) as MonthRow[];
}

/**
 * A row as a level's totals read it: `unit_id month layout data` in one
 * string (levelRowKey reads the key in front of the figures). One column,
 * not four: better-sqlite3 builds an array for a row of several columns
 * through V8's generic property setter, about a tenth of a province's year
 * (perf, docs/import.md session 5). A layout id has no space (a template
 * id or a hash), the figures only digits, '.' and ','.
 */
export type LevelRow = string;

/** The key of a level row: filled in by levelRowKey. */
export interface LevelRowKey {
  unitId: number;
  month: number;
  /** Where the layout id starts and ends in the row; the figures start after it. */
  layoutStart: number;
  layoutEnd: number;
}

/** Reads a level row's unit, month and layout into `key` (reused: a province's year is 6,000 rows). */
export function levelRowKey(row: LevelRow, key: LevelRowKey): void {
  let i = 0;
  let unitId = 0;
  for (let c = row.charCodeAt(i++); c !== 32; c = row.charCodeAt(i++)) unitId = unitId * 10 + (c - 48);
  let month = 0;
  for (let c = row.charCodeAt(i++); c !== 32; c = row.charCodeAt(i++)) month = month * 10 + (c - 48);
  key.unitId = unitId;
  key.month = month;
  key.layoutStart = i;
  key.layoutEnd = row.indexOf(' ', i);
}

/**
 * The months of several units in a range, by unit, and within a unit by
 * template then month: the order of the table's key, so SQLite streams them
 * without sorting a province's 6,000 rows first (readUnitsMonths sorts a
 * family's rows by month). Readers that need a month order keep it themselves.
 * Streamed, not gathered: a row is garbage once read, where 6,000 rows held
 * at once (5 MB of text) live through every young-generation collection of
 * the pass; streaming cut the first query on a freshly opened file by about
 * a quarter of its CPU time (paired runs, docs/import.md).
 */
export function readLevelMonths(db: Database.Database, unitIds: number[], templateIds: readonly string[], year: number, fromMonth: number, toMonth: number): Iterable<LevelRow> {
  if (unitIds.length === 0 || templateIds.length === 0) return [];
  return prepared(
    db,
    `SELECT unit_id || ' ' || month || ' ' || layout || ' ' || data FROM month_values
     WHERE template_id IN (SELECT value FROM json_each(?)) AND year = ? AND month BETWEEN ? AND ? AND unit_id IN (SELECT value FROM json_each(?))
     ORDER BY unit_id, template_id, month`,
  )
    .pluck(true)
    .iterate(JSON.stringify(templateIds), year, fromMonth, toMonth, JSON.stringify(unitIds)) as IterableIterator<LevelRow>;
}

const INSERT_ROW = 'INSERT INTO month_values (unit_id, template_id, year, month, layout, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
const UPSERT_ROW = `${INSERT_ROW}
  ON CONFLICT (unit_id, template_id, year, month) DO UPDATE SET layout = excluded.layout, data = excluded.data, updated_at = excluded.updated_at`;

/**
 * Writes a month's figures, or deletes its row when none are left. `created`:
 * the caller found no row for the month in this transaction, so a plain
 * INSERT (a row there after all is a constraint error, never overwritten);
 * the upsert's conflict handling cost a tenth more per row.
 */
export function writeMonth(
  db: Database.Database,
  key: { unitId: number; templateId: string; year: number; month: number },
  month: EncodedMonth | null,
  updatedAt: string,
  created = false,
): void {
  if (month === null) {
    prepared(db, 'DELETE FROM month_values WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?').run(key.unitId, key.templateId, key.year, key.month);
    return;
  }
  const write = () => prepared(db, created ? INSERT_ROW : UPSERT_ROW).run(key.unitId, key.templateId, key.year, key.month, month.layout.id, month.data, updatedAt);
  try {
    write();
  } catch (e) {
    // A layout made in a transaction that was rolled back is still cached but no longer stored: store it and write again.
    if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e;
    storeLayout(db, month.layout);
    write();
  }
}

/** How many figures are stored in all (tests and benchmarks). */
export function countFigures(db: Database.Database): number {
  let n = 0;
  for (const row of prepared(db, SELECT_ROW).iterate() as IterableIterator<MonthRow>) forEachFigure(db, row, () => n++);
  return n;
}
