/**
 * Fuzzing the importer with mutants of real exports: zip-level damage
 * (flipped, cut, repeated bytes), XML mutations of the parts it reads
 * (text cut or repeated, tags left open, odd references, control
 * characters, huge numbers) and cell mutations (figures out of range written
 * by the real writer, so the fingerprint is right). Each mutant goes through
 * a dry run and, when accepted, an apply. A failure is an internal error, a
 * file that takes longer than HANG_MS, an English message, or a file the dry
 * run accepts and the apply refuses. Seeded: a failure reproduces from its
 * seed and index.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { englishWords } from '../../../shared/text/englishWords';
import type { Template } from '../../../shared/template/schema';
import { yearPeriod } from '../../../shared/values/period';
import type { WorkbookUnit } from '../../../shared/workbook/format';
import { operatorName } from '../context';
import { ImportBatch } from '../import/session';
import { workbookBytes } from './importFixtures';
import { fillEveryCell } from './seedValues';
import type { TempBackend } from './tempBackend';

export const HANG_MS = 10_000;

/** mulberry32: small, seedable, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];

export interface FuzzBase {
  name: string;
  bytes: Uint8Array;
  template: Template;
  unit: WorkbookUnit;
}

const UNIT: WorkbookUnit = { code: 'FZ01', name: '模糊测试局', kind: '部门', parentCode: 'TEST-01' };

/** Real exports to mutate: a year of each template, and a month. */
export async function fuzzBases(templates: Template[]): Promise<FuzzBase[]> {
  const out: FuzzBase[] = [];
  for (const t of templates) {
    out.push({ name: `${t.id}-year`, template: t, unit: UNIT, bytes: await workbookBytes({ template: t, unit: UNIT, values: fillEveryCell(t, UNIT.code, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), period: yearPeriod(2017) }) });
  }
  return out;
}

const XML_SNIPPETS = ['<row>', '<row r="3">', '<c r="B2">', '<c>', '<v>', '</c>', '</row>', '<si>', '</si>', '<t>', '&#99999999999;', '&#11;', '&amp;', '&bogus;', '<![CDATA[x]]>', '<!DOCTYPE x [<!ENTITY a "b">]>', '\u000b', '1e15', '1e308', '-1', 'NaN', '"', '<', '>', '=', ';'];

function mutateBytes(r: Rand, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b);
  switch (int(r, 4)) {
    case 0: // flip a few bytes
      for (let k = 1 + int(r, 8); k > 0; k--) out[int(r, out.length)] = int(r, 256);
      return out;
    case 1: // cut
      return out.slice(0, int(r, out.length));
    case 2: {
      // repeat a range
      const at = int(r, out.length);
      const end = Math.min(out.length, at + 1 + int(r, 2000));
      const chunk = out.slice(at, end);
      const res = new Uint8Array(out.length + chunk.length);
      res.set(out.subarray(0, end));
      res.set(chunk, end);
      res.set(out.subarray(end), end + chunk.length);
      return res;
    }
    default: // zero a range
      out.fill(0, int(r, out.length), int(r, out.length));
      return out;
  }
}

function mutateXml(r: Rand, xml: string): string {
  const at = int(r, xml.length + 1);
  switch (int(r, 6)) {
    case 0:
      return xml.slice(0, at) + pick(r, XML_SNIPPETS).repeat(1 + int(r, 3) * int(r, 2000)) + xml.slice(at);
    case 1:
      return xml.slice(0, at) + xml.slice(at + 1 + int(r, 500));
    case 2: {
      const len = 1 + int(r, 3000);
      return xml.slice(0, at + len) + xml.slice(at, at + len).repeat(1 + int(r, 5)) + xml.slice(at + len);
    }
    case 3: // a number changed
      return xml.replace(/\d+/g, (m) => (r() < 0.02 ? pick(r, ['1e15', '99999999999', '-1', '0.001', '', '1.5', 'x']) : m));
    case 4: // close tags dropped
      return xml.replace(/<\/(?:row|c|si|t|v)>/g, (m) => (r() < 0.3 ? '' : m));
    default:
      return xml.slice(0, at);
  }
}

/** One mutant of a base; the kind of mutation as its label. */
export async function mutant(r: Rand, base: FuzzBase): Promise<{ kind: string; bytes: Uint8Array }> {
  const k = int(r, 10);
  if (k < 3) return { kind: 'zip', bytes: mutateBytes(r, base.bytes) };
  if (k < 9) {
    const parts = unzipSync(base.bytes);
    const names = Object.keys(parts).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const name = pick(r, names);
    parts[name] = strToU8(mutateXml(r, strFromU8(parts[name])));
    return { kind: `xml:${name}`, bytes: zipSync(parts, { level: r() < 0.5 ? 0 : 6 }) };
  }
  // Cells: figures out of range or odd, written by the real writer (fingerprint right).
  const values = fillEveryCell(base.template, base.unit.code, [1, 2, 3], int(r, 100));
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const i = int(r, values.length);
    values[i] = { ...values[i], value: pick(r, [1e9, 999_999_999, 1e12, 1e15, 1e20, 0.001, 2.5, 1.005, Number.MAX_VALUE]) };
  }
  return { kind: 'cells', bytes: await workbookBytes({ template: base.template, unit: base.unit, values, period: yearPeriod(2017) }) };
}

export interface FuzzFailure {
  index: number;
  kind: string;
  why: string;
}

/**
 * Runs `count` mutants from `seed` against a backend that knows UNIT. Each
 * mutant is its own batch: dry run, then apply when accepted.
 */
export async function runFuzz(b: TempBackend, opts: { seed: number; count: number; onProgress?: (done: number) => void }): Promise<{ failures: FuzzFailure[]; statuses: Record<string, number> }> {
  if (!b.ctx.store.db.prepare('SELECT 1 FROM units WHERE code = ?').get(UNIT.code)) {
    await b.invoke('units.create', { code: UNIT.code, name: UNIT.name, kind: '部门', parentCode: UNIT.parentCode });
  }
  const bases = await fuzzBases(b.ctx.templates.all());
  const r = rng(opts.seed);
  const failures: FuzzFailure[] = [];
  const statuses: Record<string, number> = {};
  const target = { db: b.ctx.store.db, dataDir: b.ctx.store.dataDir, operator: operatorName(b.ctx) };
  const error = console.error;
  for (let index = 0; index < opts.count; index++) {
    const { kind, bytes } = await mutant(r, pick(r, bases));
    const fail = (why: string) => failures.push({ index, kind, why });
    // Reader faults are logged by the importer; the fuzzer reports them itself.
    console.error = () => {};
    try {
      const started = performance.now();
      const batch = new ImportBatch({ templates: (id) => b.ctx.templates.get(id) });
      const file = batch.add(`fuzz-${index}.xlsx`, bytes);
      const [plan] = batch.plan(target.db);
      const ms = performance.now() - started;
      if (ms > HANG_MS) fail(`reading and planning took ${Math.round(ms)} ms`);
      if (file.internalError !== undefined) fail(`internal error: ${String((file.internalError as Error).stack ?? file.internalError)}`);
      for (const p of plan.problems) if (englishWords(p.message).length) fail(`English message: ${p.message}`);
      statuses[plan.status] = (statuses[plan.status] ?? 0) + 1;
      if (plan.status !== 'rejected') {
        const [applied] = batch.applyNext(target, 1);
        if (applied.status === 'rejected') fail(`dry run ${plan.status}, apply refused: ${applied.problems.map((p) => p.message).join('；')}`);
      }
    } catch (e) {
      fail(`threw: ${String((e as Error).stack ?? e)}`);
    } finally {
      console.error = error;
    }
    opts.onProgress?.(index + 1);
  }
  return { failures, statuses };
}
