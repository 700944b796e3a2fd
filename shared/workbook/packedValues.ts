/**
 * Format 2 of the data sheet's [values] block: one row per unit and month,
 * its values packed as "ref=value;ref=value" (template cell order). A year of
 * a department is 12 rows instead of ~1,600, which is what lets the office
 * read hundreds of workbooks in a blink; a bundle of 500 units stays within
 * a few thousand rows. Excel caps a cell at 32,767 characters, so a long
 * month continues in the next cells of its row.
 */
import type { CellDef } from '../template/cells';
import { cellLimit, checkFigure, type FigureLimit, figureFault, roundFigure } from '../values/limits';
import { storedText } from '../values/precision';
import type { WorkbookValue } from './format';
import { groupUnitMonths, type UnitMonthValues } from './unitMonths';

/** Room below Excel's 32,767-character cell limit. */
export const PACKED_CELL_CHARS = 30000;

/** The cells of one unit-month row after unit code and month: the month's values (ref → value) in template order. */
export function packMonth(cells: Map<string, CellDef>, values: Map<string, number>): string[] {
  const out: string[] = [];
  let chunk = '';
  for (const def of cells.values()) {
    const v = values.get(def.ref);
    if (v === undefined) continue;
    const pair = `${def.ref}=${storedText(v, def)}`;
    if (chunk && chunk.length + 1 + pair.length > PACKED_CELL_CHARS) {
      out.push(chunk);
      chunk = '';
    }
    chunk = chunk ? `${chunk};${pair}` : pair;
  }
  if (chunk) out.push(chunk);
  return out;
}

/** One row of the [values] block. */
export interface PackedRow {
  unitCode: string;
  month: number;
  /** The packed cells (one unless the month is longer than PACKED_CELL_CHARS). */
  chunks: string[];
}

/** Rows of the [values] block: units in the given order (others after, by code), months ascending. */
export function packedRows(cells: Map<string, CellDef>, unitCodes: string[], values: WorkbookValue[]): PackedRow[] {
  const groups = new Map<string, UnitMonthValues[]>(unitCodes.map((c) => [c, []]));
  for (const m of groupUnitMonths(values)) {
    let list = groups.get(m.unitCode);
    if (!list) groups.set(m.unitCode, (list = []));
    list.push(m);
  }
  const rows: PackedRow[] = [];
  for (const [unitCode, list] of groups) {
    for (const m of list.sort((a, b) => a.month - b.month)) rows.push({ unitCode, month: m.month, chunks: packMonth(cells, m.values) });
  }
  return rows;
}

/**
 * The canonical text whose SHA-256 is a workbook's fingerprint (and, for a
 * single unit and month, a submission's): template and period, then one line
 * per unit and month, "unit \t month \t packed values", ordered by unit code
 * and month. Packing is canonical (template order, fixed number format), so
 * the same figures give the same text whichever file or route they came by,
 * and the reader hashes the rows as it finds them without rebuilding a line
 * per value.
 */
export function canonicalPackedText(meta: { templateId: string; templateVersion: number; period: string }, rows: PackedRow[]): string {
  const lines = rows
    .filter((r) => r.chunks.length > 0)
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.month - b.month))
    .map((r) => `${r.unitCode}\t${r.month}\t${r.chunks.join(';')}`);
  return [`${meta.templateId}@${meta.templateVersion}`, meta.period, ...lines].join('\n');
}

/** Who sent a workbook, which export it is, and whose values it carries: what the fingerprint covers besides the rows. */
export interface FingerprintIdentity {
  kind: string;
  unitCode: string;
  unitName: string;
  revision: number;
  units: readonly { code: string; name: string; kind: string; parentCode: string }[];
}

/**
 * The workbook fingerprint's text from the signed format on: a version line,
 * the identity (one JSON array per field, units in code order), then
 * canonicalPackedText. Before, the fingerprint covered the rows only, so a
 * raised revision or another unit code kept it valid. Month fingerprints
 * (submissions) stay content-only: the same figures by another file are the
 * same month.
 */
export function canonicalFingerprintText(
  meta: { templateId: string; templateVersion: number; period: string },
  identity: FingerprintIdentity,
  rows: PackedRow[],
): string {
  const units = [...identity.units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [
    JSON.stringify(['LEDGER-FINGERPRINT-2', identity.kind, identity.unitCode, identity.unitName, identity.revision]),
    ...units.map((u) => JSON.stringify([u.code, u.name, u.kind, u.parentCode])),
    canonicalPackedText(meta, rows),
  ].join('\n');
}

export type UnpackResult = { ok: true; values: Map<string, number> } | { ok: false; why: string };

/**
 * A plain non-negative decimal as the writer formats it: digits, optionally
 * one "." and digits. Read from its digits without a substring: n / 10^k is
 * the double nearest the decimal, as Number() gives, while n and 10^k are
 * exact (n below 2^53, k at most 22); longer ones go through Number().
 */
function plainNumber(s: string, from: number, to: number): number {
  let dot = -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && dot < 0 && i > from && i < to - 1) dot = i;
    else if (c < 48 || c > 57) return NaN;
    else n = n * 10 + (c - 48);
  }
  if (to <= from) return NaN;
  const decimals = dot < 0 ? 0 : to - dot - 1;
  // 10^k is exact up to 10^22.
  if (n > Number.MAX_SAFE_INTEGER || decimals > 22) return Number(s.slice(from, to));
  return decimals === 0 ? n : n / 10 ** decimals;
}

/** The template's cells in order: each ref and its limit. */
interface Order {
  refs: string[];
  limits: FigureLimit[];
}
const ORDERS = new WeakMap<Map<string, CellDef>, Order>();

function orderOf(cells: Map<string, CellDef>): Order {
  let o = ORDERS.get(cells);
  if (!o) {
    const defs = [...cells.values()];
    ORDERS.set(cells, (o = { refs: defs.map((d) => d.ref), limits: defs.map(cellLimit) }));
  }
  return o;
}

/**
 * Whether the pair at `start` is "ref=": chunk.startsWith(`${ref}=`, start),
 * but as one native comparison of the cut-out ref, after the "=" says the
 * length fits (startsWith compared here character by character, about
 * half of reading a month).
 */
const pairOf = (chunk: string, start: number, ref: string): boolean =>
  chunk.charCodeAt(start + ref.length) === 61 && chunk.slice(start, start + ref.length) === ref;

/**
 * A whole number the writer wrote as digits alone, at most `max`, or -1
 * for anything else (a dot, another character, nothing, more than `max`),
 * which the general path then reads and checks. What it returns is what
 * plainNumber, figureFault and roundFigure make of those digits.
 */
function wholeWithin(s: string, from: number, to: number, max: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
    // Stops early on a long run of digits (max is below 2^53, so n is exact up to here).
    if (n > max) return -1;
  }
  return n;
}

/**
 * The values (ref → value) of one row's packed cells (joined as written).
 * Refuses what the writer never produces: a pair without "=", a value that
 * is not a plain decimal, a ref twice. With the template's cells it also
 * refuses a ref that is not one of them and a count that is not whole, and
 * keeps amounts in hundredths, in the same pass.
 *
 * The writer packs in template order, so with the cells each pair is matched
 * against the next cells in that order, without looking its ref up (an
 * office import reads 800,000 pairs); a row in any other order, or one with
 * a fault, is read pair by pair (unpackPairs) to say what is wrong. Both
 * give the same result for any row (packedValues.test.ts holds them to it).
 * A whole-number cell's digits are read and held to its cap in one loop.
 */
export function unpackMonth(chunks: string[], cells?: Map<string, CellDef>): UnpackResult {
  if (!cells) return unpackPairs(chunks);
  const { refs, limits } = orderOf(cells);
  const values = new Map<string, number>();
  let next = 0;
  for (const chunk of chunks) {
    if (chunk === '') continue;
    let start = 0;
    while (start <= chunk.length) {
      let i = next;
      while (i < refs.length && !pairOf(chunk, start, refs[i])) i++;
      if (i === refs.length) return unpackPairs(chunks, cells);
      const from = start + refs[i].length + 1;
      let end = chunk.indexOf(';', from);
      if (end < 0) end = chunk.length;
      const limit = limits[i];
      let value = limit.decimals === 0 && limit.max <= Number.MAX_SAFE_INTEGER ? wholeWithin(chunk, from, end, limit.max) : -1;
      if (value < 0) {
        value = plainNumber(chunk, from, end);
        if (Number.isNaN(value) || figureFault(value, limit) !== null) return unpackPairs(chunks, cells);
        // Spreadsheet-safe already (the writer formats amounts with their places); rounding guards a hand-made row.
        value = roundFigure(value, limit);
      }
      values.set(refs[i], value);
      next = i + 1;
      start = end + 1;
    }
  }
  return { ok: true, values };
}

/** unpackMonth pair by pair, in any order: the slow path, exported for the test that holds the fast one to it. */
export function unpackPairs(chunks: string[], cells?: Map<string, CellDef>): UnpackResult {
  const values = new Map<string, number>();
  for (const chunk of chunks) {
    if (chunk === '') continue;
    let start = 0;
    while (start <= chunk.length) {
      let end = chunk.indexOf(';', start);
      if (end < 0) end = chunk.length;
      const eq = chunk.indexOf('=', start);
      if (eq < 0 || eq >= end) return { ok: false, why: `“${chunk.slice(start, Math.min(end, start + 40))}”缺少“=”` };
      const ref = chunk.slice(start, eq);
      let value = plainNumber(chunk, eq + 1, end);
      const shown = chunk.slice(eq + 1, Math.min(end, eq + 21)) + (end > eq + 21 ? '…' : '');
      if (Number.isNaN(value)) return { ok: false, why: `“${ref}”的值“${shown}”不是有效的数字` };
      const def = cells?.get(ref);
      if (cells && !def) return { ok: false, why: `“${ref}”不是本表的单元格` };
      if (def) {
        const checked = checkFigure(value, cellLimit(def));
        if (!checked.ok) return { ok: false, why: `${def.label} 的值“${shown}”${checked.reason}` };
        value = checked.value;
      }
      if (values.has(ref)) return { ok: false, why: `“${ref}”出现了两次` };
      values.set(def?.ref ?? ref, value);
      start = end + 1;
    }
  }
  return { ok: true, values };
}
