/**
 * Monthly figures and their history. A unit-month's figures are one packed
 * row (monthValues.ts); every write records what it changed in value_changes
 * in the same transaction, so any number can be traced.
 *
 * A value's updatedAt is its month row's updated_at: the last time any figure
 * of that unit-month changed (the packed row keeps no time per value).
 */
import type Database from 'better-sqlite3';
import { cellRef, splitRef } from '../../../shared/template/cells';
import type { CellValue, HistoryEntry } from '../../../shared/domain';
import { performance } from 'node:perf_hooks';
import { addCallTime } from './callTiming';
import { decodeMonth, encodeMonth, readMonth, readUnitMonths, writeMonth } from './monthValues';
import { prepared } from './prepared';
import { figureFault, figureFaultText, type FigureLimit, MAX_FIGURE } from '../../../shared/values/limits';

export interface CellKey {
  unitId: number;
  templateId: string;
  year: number;
  month: number;
  indicator: string;
  col: string;
}

export interface ValueChange extends CellKey {
  /** null clears the cell. */
  value: number | null;
}

export interface AppliedChange extends ValueChange {
  oldValue: number | null;
  updatedAt: string;
}

export interface ChangeAuthor {
  operator: string;
  source: string;
}

/** A unit's figures in a range of months, by month then (indicator, col). */
export function getValues(
  db: Database.Database,
  unitId: number,
  templateId: string,
  year: number,
  fromMonth = 1,
  toMonth = 12,
): CellValue[] {
  const out: CellValue[] = [];
  for (const row of readUnitMonths(db, unitId, templateId, year, fromMonth, toMonth)) {
    for (const [ref, value] of decodeMonth(db, row)) {
      // Object literals, not spreads: spreading costs microseconds per value, and a city has 800,000.
      const { indicator, col } = splitRef(ref);
      out.push({ indicator, col, month: row.month, value, updatedAt: row.updated_at });
    }
  }
  return out;
}

export function getValue(db: Database.Database, k: CellKey): CellValue | undefined {
  const row = readMonth(db, k.unitId, k.templateId, k.year, k.month);
  const value = row && decodeMonth(db, row).get(cellRef(k.indicator, k.col));
  return value === undefined ? undefined : { indicator: k.indicator, col: k.col, month: k.month, value, updatedAt: row!.updated_at };
}

/** Names the cell as people know it: the unit's code, not its row id. */
function where(db: Database.Database, c: ValueChange): string {
  const unit = prepared(db, 'SELECT code, name FROM units WHERE id = ?').get(c.unitId) as { code: string; name: string } | undefined;
  const who = unit ? `${unit.name}（${unit.code}）` : '未知单位';
  return `${who}、模板 ${c.templateId}、${c.year}年${c.month}月、指标 ${cellRef(c.indicator, c.col)}`;
}

/**
 * What a month row can hold: the limits every reader and typing apply
 * (shared/values/limits.ts), at most six decimals, so that String() writes
 * it plainly (no exponent) as the row's CHECK (digits and '.') requires.
 */
const STORE_LIMIT: FigureLimit = { max: MAX_FIGURE, decimals: 6 };
/**
 * A whole number from 0 to MAX_FIGURE is storable without figureFault's
 * decimal arithmetic (it has no decimals to count): the common figure, a
 * count. Everything else takes figureFault's full test. An import checks
 * 430,000 figures here; figureFault for each was a tenth of a second of
 * the CLI merge's main thread (docs/import.md).
 */
const storable = (v: number) => (Number.isInteger(v) && v >= 0 && v <= MAX_FIGURE) || figureFault(v, STORE_LIMIT) === null;

/**
 * The last line of defence behind every parser: the write path refuses
 * negatives, NaN, infinities and values out of range. A ref must split back
 * into indicator and col, so an indicator never contains ':', and no code
 * contains the NUL that monthValues.ts sorts refs by.
 */
function refuseInvalid(db: Database.Database, c: ValueChange): void {
  if (c.value !== null) {
    const fault = typeof c.value === 'number' && Number.isFinite(c.value) ? figureFault(c.value, STORE_LIMIT) : 'not_finite';
    if (fault === 'not_finite') throw new RangeError(`${where(db, c)}：数值无效（不是数字）；本次修改均未保存`);
    if (fault !== null) throw new RangeError(`${where(db, c)}：数值 ${String(c.value)} ${figureFaultText(fault, STORE_LIMIT)}；本次修改均未保存`);
  }
  if (!validRef(c.indicator, c.col)) throw new RangeError(`${where(db, c)}：指标代码“${c.indicator}”无效；本次修改均未保存`);
  if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) {
    throw new RangeError(`${where(db, c)}：月份 ${c.month} 无效；本次修改均未保存`);
  }
}

const validRef = (indicator: string, col: string) => indicator !== '' && !indicator.includes(':') && !indicator.includes('\u0000') && !col.includes('\u0000');

/**
 * replaceMonths' refusals of values, without a change object per value. Its
 * refs are checked as they are laid out (refuseNewRef): a ref already in
 * the template's layout was checked when the layout took it in.
 */
function refuseInvalidMonth(db: Database.Database, m: MonthReplacement): void {
  if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) refuseInvalid(db, { ...m, indicator: 'x', col: '', value: null });
  // Values only, no [ref, value] pair per figure: the refs are walked only to name a refused one.
  for (const value of m.values.values()) {
    if (typeof value === 'number' && storable(value)) continue;
    for (const [ref, v] of m.values) {
      if (!(typeof v === 'number' && storable(v))) refuseInvalid(db, { unitId: m.unitId, templateId: m.templateId, year: m.year, month: m.month, ...splitRef(ref), value: v });
    }
  }
}

function refuseNewRef(db: Database.Database, key: MonthWork['key'], ref: string): void {
  const { indicator, col } = splitRef(ref);
  if (!validRef(indicator, col)) refuseInvalid(db, { ...key, indicator, col, value: null });
}

/** One unit-month touched by a call: its figures, read once, and what the call changed. */
interface MonthWork {
  key: { unitId: number; templateId: string; year: number; month: number };
  values: Map<string, number>;
  /** ref → its value before this call: a change set records each ref once, old → final (replaceMonths leaves it empty for a created month). */
  before: Map<string, number | null>;
  /** The month had no row before this call. */
  created: boolean;
}

function loadMonth(db: Database.Database, c: ValueChange): MonthWork {
  const key = { unitId: c.unitId, templateId: c.templateId, year: c.year, month: c.month };
  const row = readMonth(db, c.unitId, c.templateId, c.year, c.month);
  return { key, values: row ? decodeMonth(db, row) : new Map(), before: new Map(), created: !row };
}

/**
 * A change set that created its month's row, as value_changes stores it:
 * every change was from empty, and each new value is what the next set
 * touching the ref found (its old value), or the row's value if none did.
 * Writing the month's figures a second time as [ref, null, new] triples
 * doubled what an import writes (every month of a first import is new).
 */
export const CREATED_SET = '"created"';

/** Writes a touched month and its change set. */
function saveMonth(db: Database.Database, work: MonthWork, author: ChangeAuthor, now: string): void {
  // A created month's set names no figures, so replaceMonths does not list them in before.
  if (work.before.size === 0 && !(work.created && work.values.size > 0)) return;
  writeMonth(db, work.key, work.values.size === 0 ? null : encodeMonth(db, work.key.templateId, work.values, (ref) => refuseNewRef(db, work.key, ref)), now, work.created);
  let set = '';
  if (work.created) {
    // Nothing stored before, so nothing to keep: changed and changed back within one call leaves no row and no set.
    if (work.values.size > 0) set = CREATED_SET;
  } else {
    // [[ref, old, new], …], written out directly: an import writes 6,000 of these sets.
    for (const [ref, old] of work.before) {
      const after = work.values.get(ref) ?? null;
      // A cell changed and changed back within one call is no change to record.
      if (after !== old) set += `${set === '' ? '' : ','}[${JSON.stringify(ref)},${old},${after}]`;
    }
    if (set !== '') set = `[${set}]`;
  }
  if (set === '') return;
  const { unitId, templateId, year, month } = work.key;
  prepared(
    db,
    `INSERT INTO value_changes (unit_id, template_id, year, month, changed_at, operator, source, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(unitId, templateId, year, month, now, author.operator, author.source, set);
}

/**
 * Applies changes atomically; unchanged values are skipped and not returned.
 * Changes are applied in order (a cell named twice ends with the later value);
 * each unit-month's row is read once and written once, and gets one change set.
 * No SQL per value: an office import applies 800,000 of them.
 */
export function applyChanges(db: Database.Database, changes: ValueChange[], author: ChangeAuthor): AppliedChange[] {
  for (const c of changes) refuseInvalid(db, c);
  const run = db.transaction((list: ValueChange[]) => {
    const now = new Date().toISOString();
    // unit|template|year → its touched months by number; an import names one unit, months interleaved.
    const touched = new Map<string, MonthWork[]>();
    let months: MonthWork[] = [];
    let prev: ValueChange | undefined;
    const applied: AppliedChange[] = [];
    for (const c of list) {
      if (prev === undefined || c.unitId !== prev.unitId || c.templateId !== prev.templateId || c.year !== prev.year) {
        const id = `${c.unitId}|${c.year}|${c.templateId}`;
        const found = touched.get(id);
        if (found) months = found;
        else touched.set(id, (months = []));
        prev = c;
      }
      let work = months[c.month];
      if (work === undefined) months[c.month] = work = loadMonth(db, c);
      const ref = cellRef(c.indicator, c.col);
      const old = work.values.get(ref) ?? null;
      if (old === c.value) continue;
      if (c.value === null) work.values.delete(ref);
      else work.values.set(ref, c.value);
      if (!work.before.has(ref)) work.before.set(ref, old);
      applied.push({
        unitId: c.unitId,
        templateId: c.templateId,
        year: c.year,
        month: c.month,
        indicator: c.indicator,
        col: c.col,
        value: c.value,
        oldValue: old,
        updatedAt: now,
      });
    }
    for (const byMonth of touched.values()) for (const work of byMonth) if (work) saveMonth(db, work, author, now);
    bodyEnd = performance.now();
    return applied;
  });
  let bodyEnd = 0;
  // Inside a caller's transaction this ends a savepoint, not the commit.
  const outermost = !db.inTransaction;
  const applied = run.immediate(changes);
  // The COMMIT, with the WAL's fsync: what an acknowledged edit waits for (browser mode's Server-Timing).
  if (outermost) addCallTime('commit', performance.now() - bodyEnd);
  return applied;
}

/** A unit-month's complete figures (ref → value): what an import stores for each month it carries. */
export interface MonthReplacement {
  unitId: number;
  templateId: string;
  year: number;
  month: number;
  values: Map<string, number>;
}

/**
 * Sets whole unit-months to exactly the given figures (stored refs that are
 * absent are cleared), each month read once and written once with one change
 * set, in one transaction; the same refusals as applyChanges. Returns how
 * many values changed. An import works in months: this spares it a change
 * object per value (an office applies 800,000 of them).
 */
export function replaceMonths(db: Database.Database, months: MonthReplacement[], author: ChangeAuthor): number {
  for (const m of months) refuseInvalidMonth(db, m);
  const run = db.transaction(() => {
    const now = new Date().toISOString();
    let changed = 0;
    for (const m of months) {
      const stored = loadMonth(db, { unitId: m.unitId, templateId: m.templateId, year: m.year, month: m.month, indicator: '', col: '', value: null });
      const work: MonthWork = { key: stored.key, values: m.values, before: new Map(), created: stored.created };
      if (stored.created) changed += m.values.size;
      else {
        for (const [ref, value] of m.values) {
          const old = stored.values.get(ref) ?? null;
          if (old !== value) work.before.set(ref, old);
        }
        for (const [ref, old] of stored.values) if (!m.values.has(ref)) work.before.set(ref, old);
        changed += work.before.size;
      }
      saveMonth(db, work, author, now);
    }
    return changed;
  });
  return run.immediate();
}

interface SetRow {
  id: number;
  unit_code: string;
  template_id: string;
  year: number;
  month: number;
  changed_at: string;
  operator: string;
  source: string;
  created: number;
  /** JSON [old, new] of the ref in an ordinary set; null when the set did not touch it. */
  entry: string | null;
}

/**
 * The changes of one cell, newest first: one entry per change set that
 * touched its ref (the set's id). A set that created the month's row
 * (CREATED_SET) set the ref if the next set touching it found a value, or,
 * when none did, if the row holds one now.
 */
export function getHistory(db: Database.Database, k: CellKey, limit = 200): HistoryEntry[] {
  const rows = prepared(
    db,
    `SELECT c.id, u.code AS unit_code, c.template_id, c.year, c.month, c.changed_at, c.operator, c.source,
       c.changes = '${CREATED_SET}' AS created,
       CASE WHEN c.changes = '${CREATED_SET}' THEN NULL
         ELSE (SELECT json_array(e.value ->> 1, e.value ->> 2) FROM json_each(c.changes) e WHERE e.value ->> 0 = @ref) END AS entry
     FROM value_changes c JOIN units u ON u.id = c.unit_id
     WHERE c.unit_id = @unitId AND c.template_id = @templateId AND c.year = @year AND c.month = @month
     ORDER BY c.id`,
  ).all({ unitId: k.unitId, templateId: k.templateId, year: k.year, month: k.month, ref: cellRef(k.indicator, k.col) }) as SetRow[];
  const entry = (r: SetRow, oldValue: number | null, newValue: number | null): HistoryEntry => ({
    id: r.id,
    unitCode: r.unit_code,
    templateId: r.template_id,
    indicator: k.indicator,
    col: k.col,
    year: r.year,
    month: r.month,
    oldValue,
    newValue,
    changedAt: r.changed_at,
    operator: r.operator,
    source: r.source,
  });
  const out: HistoryEntry[] = [];
  let created: SetRow | null = null;
  for (const r of rows) {
    if (r.created) {
      created = r;
      continue;
    }
    if (r.entry === null) continue;
    const [oldValue, newValue] = JSON.parse(r.entry) as [number | null, number | null];
    if (created && oldValue !== null) out.push(entry(created, null, oldValue));
    created = null;
    out.push(entry(r, oldValue, newValue));
  }
  if (created) {
    const now = getValue(db, k);
    if (now) out.push(entry(created, null, now.value));
  }
  return out.reverse().slice(0, limit);
}
