/**
 * The packed month row (migration 005): one month_values row per unit,
 * template, year and month, its figures a JSON object { "<cell ref>": value }.
 * Everything that knows this layout reads and writes it through here.
 */
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/** A month's figures by cell ref, as parsed from its row. */
export type PackedMonth = Record<string, unknown>;

export interface MonthRow {
  unit_id: number;
  month: number;
  data: string;
  updated_at: string;
}

/** The stored figure of ref, or undefined: JSON.parse gives plain objects, so inherited names must not count. */
export function figureOf(values: PackedMonth, ref: string): number | undefined {
  const v = values[ref];
  return typeof v === 'number' && Object.hasOwn(values, ref) ? v : undefined;
}

export function decodeMonth(data: string): PackedMonth {
  return JSON.parse(data) as PackedMonth;
}

/**
 * Per ref, once: its sort key and its JSON string. Refs come from a few
 * templates (hundreds of names), and an import encodes 6,000 rows of them;
 * the bound only guards against a caller inventing names without end.
 */
const sortKeyOf = new Map<string, string>();
const refOfSortKey = new Map<string, string>();
const quotedOf = new Map<string, string>();
const MEMO_LIMIT = 100_000;

/**
 * Refs in (indicator, col) order, the order the old one-row-per-value key kept
 * and that getValues still returns: the ':' between indicator and col becomes
 * '\u0000', which sorts below every code character, and the keys sort natively.
 */
const sortedOf = new Map<string, string[]>();

function sortedRefs(refs: string[]): string[] {
  // A template's months mostly carry the same cells in the same order: sort each such list once.
  const signature = refs.join('\u0001');
  const known = sortedOf.get(signature);
  if (known) return known;
  const sorted = sortRefs(refs);
  if (sortedOf.size > 1000) sortedOf.clear();
  sortedOf.set(signature, sorted);
  return sorted;
}

function sortRefs(refs: string[]): string[] {
  if (sortKeyOf.size > MEMO_LIMIT) {
    sortKeyOf.clear();
    refOfSortKey.clear();
  }
  const keys = refs.map((ref) => {
    let key = sortKeyOf.get(ref);
    if (key === undefined) {
      key = ref.replace(':', '\u0000');
      sortKeyOf.set(ref, key);
      refOfSortKey.set(key, ref);
    }
    return key;
  });
  keys.sort();
  return keys.map((key) => refOfSortKey.get(key)!);
}

/** A ref as a JSON string. */
export function jsonName(ref: string): string {
  let q = quotedOf.get(ref);
  if (q === undefined) {
    if (quotedOf.size > MEMO_LIMIT) quotedOf.clear();
    quotedOf.set(ref, (q = JSON.stringify(ref)));
  }
  return q;
}

/**
 * JSON for a month's figures (finite numbers only: the write path refuses the
 * rest); sorted only when refs were added, existing ones keep their place.
 */
export function encodeMonth(values: Map<string, number>, sort: boolean): string {
  const refs = sort ? sortedRefs([...values.keys()]) : [...values.keys()];
  let out = '{';
  for (let i = 0; i < refs.length; i++) out += `${i === 0 ? '' : ','}${jsonName(refs[i])}:${values.get(refs[i])}`;
  return `${out}}`;
}

/** One month's row of one unit. */
export function readMonth(db: Database.Database, unitId: number, templateId: string, year: number, month: number): MonthRow | undefined {
  return prepared(db, 'SELECT unit_id, month, data, updated_at FROM month_values WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?').get(
    unitId,
    templateId,
    year,
    month,
  ) as MonthRow | undefined;
}

/** A unit's months in a range, by month. */
export function readUnitMonths(db: Database.Database, unitId: number, templateId: string, year: number, fromMonth = 1, toMonth = 12): MonthRow[] {
  return prepared(
    db,
    `SELECT unit_id, month, data, updated_at FROM month_values
     WHERE unit_id = ? AND template_id = ? AND year = ? AND month BETWEEN ? AND ? ORDER BY month`,
  ).all(unitId, templateId, year, fromMonth, toMonth) as MonthRow[];
}

/** The months of several units in a range, by unit then month (roll-ups rely on the month order). */
export function readUnitsMonths(db: Database.Database, unitIds: number[], templateId: string, year: number, fromMonth = 1, toMonth = 12): MonthRow[] {
  if (unitIds.length === 0) return [];
  return prepared(
    db,
    `SELECT unit_id, month, data, updated_at FROM month_values
     WHERE template_id = ? AND year = ? AND month BETWEEN ? AND ? AND unit_id IN (SELECT value FROM json_each(?))
     ORDER BY unit_id, month`,
  ).all(templateId, year, fromMonth, toMonth, JSON.stringify(unitIds)) as MonthRow[];
}

/** Writes a month's figures, or deletes its row when none are left. */
export function writeMonth(
  db: Database.Database,
  key: { unitId: number; templateId: string; year: number; month: number },
  data: string | null,
  updatedAt: string,
): void {
  if (data === null) {
    prepared(db, 'DELETE FROM month_values WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?').run(key.unitId, key.templateId, key.year, key.month);
    return;
  }
  prepared(
    db,
    `INSERT INTO month_values (unit_id, template_id, year, month, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, template_id, year, month) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run(key.unitId, key.templateId, key.year, key.month, data, updatedAt);
}
