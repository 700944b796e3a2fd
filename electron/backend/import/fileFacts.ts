/**
 * What a batch keeps of a file once its values are gone (its facts: revision,
 * units, and each unit-month's fingerprint), and the file's values grouped by
 * unit-month with those fingerprints. Worked out where the file is read: on
 * a reader thread (readPool.ts) or the caller's.
 */
import { templateCells } from '../../../shared/template/cells';
import { periodMonths } from '../../../shared/values/period';
import { packMonth } from '../../../shared/workbook/packedValues';
import { monthFingerprint } from '../workbook/monthFingerprint';
import type { ReadWorkbook } from './readWorkbook';

export interface FileFacts {
  templateId: string;
  year: number;
  revision: number;
  /** The first read took the data sheet's values and compared the visible sheets with them: they agree. */
  visibleAgreed: boolean;
  /** The file's units, in file order (their names for messages). */
  units: readonly { code: string; name: string }[];
  /** The period's months, the same for every unit. */
  fromMonth: number;
  toMonth: number;
  /**
   * Each unit-month's fingerprint (SHA-256, 32 bytes), unit by unit, months
   * in order (factPlace): a batch of 10,000 files keeps 120,000 of them, as
   * bytes a quarter of the room of hex strings.
   */
  prints: Uint8Array;
}

export const PRINT_BYTES = 32;

/** Where a unit-month's fingerprint is in the file's facts (-1: not a month of the file). */
export function factPlace(facts: FileFacts, unitIndex: number, month: number): number {
  if (month < facts.fromMonth || month > facts.toMonth) return -1;
  return unitIndex * (facts.toMonth - facts.fromMonth + 1) + (month - facts.fromMonth);
}

/** The fingerprint at a place of the file's facts, as submissions store it (hex). */
export function printAt(facts: FileFacts, place: number): string {
  return Buffer.from(facts.prints.buffer, facts.prints.byteOffset + place * PRINT_BYTES, PRINT_BYTES).toString('hex');
}

export function samePrint(a: FileFacts, aPlace: number, b: FileFacts, bPlace: number): boolean {
  const x = aPlace * PRINT_BYTES;
  const y = bPlace * PRINT_BYTES;
  for (let i = 0; i < PRINT_BYTES; i++) if (a.prints[x + i] !== b.prints[y + i]) return false;
  return true;
}

export const unitMonth = (unitCode: string, month: number) => `${unitCode}\t${month}`;

export type UnitMonths = Map<string, { values: Map<string, number>; fingerprint: string }>;
const monthsCache = new WeakMap<ReadWorkbook, UnitMonths>();

/**
 * The file's values grouped by unit and month, each group with its
 * fingerprint (what submissions compare): worked out on the first read,
 * taken from the file's facts when it is read again.
 */
export function monthsOf(r: ReadWorkbook, known?: FileFacts): UnitMonths {
  const cached = monthsCache.get(r);
  if (cached) return cached;
  const unitIndex = new Map(r.units.map((u, i) => [u.code, i]));
  const groups = new Map<string, Map<string, number>>();
  for (const u of r.units) for (const m of periodMonths(r.meta.period)) groups.set(unitMonth(u.code, m), new Map());
  for (const m of r.months) {
    const k = unitMonth(m.unitCode, m.month);
    if (groups.has(k)) groups.set(k, m.values);
  }
  // Rows read from a checked data sheet are already packed; anything else is packed here.
  const read = new Map(r.rows?.map((row) => [unitMonth(row.unitCode, row.month), row.chunks]));
  const cells = templateCells(r.template);
  const out: UnitMonths = new Map(
    [...groups].map(([k, values]) => {
      const [unitCode, month] = k.split('\t');
      const place = known ? factPlace(known, unitIndex.get(unitCode) ?? -1, Number(month)) : -1;
      if (known && place >= 0) return [k, { values, fingerprint: printAt(known, place) }];
      const chunks = r.rows ? (read.get(k) ?? []) : packMonth(cells, values);
      return [k, { values, fingerprint: monthFingerprint(r.template, r.meta.period.year, Number(month), unitCode, chunks) }];
    }),
  );
  monthsCache.set(r, out);
  return out;
}

export function factsOf(r: ReadWorkbook): FileFacts {
  const months = monthsOf(r);
  const p = r.meta.period;
  const facts: FileFacts = {
    templateId: r.template.id,
    year: p.year,
    revision: r.meta.revision,
    visibleAgreed: r.visibleAgreed,
    units: r.units,
    fromMonth: p.fromMonth,
    toMonth: p.toMonth,
    prints: new Uint8Array(r.units.length * (p.toMonth - p.fromMonth + 1) * PRINT_BYTES),
  };
  r.units.forEach((u, i) => {
    for (const m of periodMonths(p)) facts.prints.set(Buffer.from(months.get(unitMonth(u.code, m))!.fingerprint, 'hex'), factPlace(facts, i, m) * PRINT_BYTES);
  });
  return facts;
}
