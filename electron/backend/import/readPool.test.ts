/**
 * Reader threads read exactly as the caller's thread does: the same values
 * (in the same order), findings, refusals, seals and fingerprints for every
 * kind of file the importer meets; a key the threads were told is registered
 * but no longer is, and a thread that dies, fall back to reading here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_SHEET } from '../../../shared/workbook/format';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { C01, C01D, D01, national, suining, templates, valuesFor } from '../testing/importHarness';
import { fillEveryCell } from '../testing/seedValues';
import { rowOfCode, setCell } from '../testing/xlsxEdit';
import { type FileFacts, monthsOf, unitMonth } from './fileFacts';
import { fileViolations, knownViolations } from './fileRules';
import { type FileRead, readFileForBatch } from './readFile';
import { defaultReaders, type PoolReadOptions, ReadPool } from './readPool';

const all = templates.all();
const opts = (keys: ReadonlyMap<string, string> = new Map(), live: ReadonlyMap<string, string> = keys, takeVisible = false): PoolReadOptions => {
  const context = { templates: all, keys };
  return { templates: (id) => templates.get(id), registeredKey: (code) => live.get(code), takeVisible, context: () => context };
};

/** Everything a read says, as plain data (Maps as their entries in order, the month fingerprints included). */
function said(fr: FileRead, known?: FileFacts) {
  const r = fr.read;
  const months = r ? monthsOf(r, known ?? fr.facts) : undefined;
  return {
    sha256: fr.sha256,
    refusal: fr.refusal ?? null,
    faulted: fr.internalError !== undefined,
    facts: fr.facts ? { ...fr.facts, prints: Buffer.from(fr.facts.prints).toString('hex') } : null,
    read: r
      ? {
          meta: r.meta,
          template: r.template.id,
          source: r.source,
          units: r.units,
          months: r.months.map((m) => ({ unitCode: m.unitCode, month: m.month, values: [...m.values] })),
          values: r.values,
          differences: r.differences,
          problems: r.problems,
          monthStates: r.monthStates,
          seal: r.seal,
          visibleAgreed: r.visibleAgreed,
          visibleSkipped: r.visibleSkipped,
          // The thread's worked out with the read; here, as the plan works them out.
          violations: r.problems.length || r.differences.length ? null : [...(knownViolations(r) ?? fileViolations(r))],
          prints: r.units.flatMap((u) => r.months.filter((m) => m.unitCode === u.code).map((m) => months!.get(unitMonth(u.code, m.month))?.fingerprint)),
        }
      : null,
  };
}

async function tamperedD01(): Promise<Uint8Array> {
  const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
  const code = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
  return setCell(bytes, LEDGER_SHEET, `E${rowOfCode(bytes, LEDGER_SHEET, code)}`, 999);
}

async function files(): Promise<[string, Uint8Array][]> {
  const fixtures = path.join(import.meta.dirname, 'fixtures');
  return [
    ['signed department', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') })],
    ['unsigned national', await workbookBytes({ template: national, unit: D01, values: fillEveryCell(national, 'D01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), signer: null })],
    ['county bundle', await workbookBytes({ template: suining, unit: C01, units: [C01, C01D], kind: 'bundle', values: [...valuesFor('C01'), ...valuesFor('C01-D1')] })],
    ['empty months', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01').filter((v) => v.month <= 3) })],
    ['tampered', await tamperedD01()],
    ...fs.readdirSync(fixtures).map((f): [string, Uint8Array] => [f, new Uint8Array(fs.readFileSync(path.join(fixtures, f)))]),
    ['not a workbook', new TextEncoder().encode('这不是工作簿')],
  ];
}

const pools: ReadPool[] = [];
function pool(size = 1): ReadPool {
  const p = new ReadPool(size);
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('reader threads', () => {
  it('read every kind of file as the caller\'s thread does, on the threads', async () => {
    const list = await files();
    const p = pool(2);
    const o = opts();
    const threaded = await Promise.all(list.map(([, bytes]) => p.read(bytes, o)));
    // The rules' findings crossed with the reads that passed the checks before them (the national file's made-up figures break some).
    expect(threaded.some((fr) => [...(fr.read ? (knownViolations(fr.read)?.values() ?? []) : [])].some((v) => v.length > 0))).toBe(true);
    for (const [i, [name, bytes]] of list.entries()) {
      expect({ name, ...said(threaded[i]) }).toEqual({ name, ...said(readFileForBatch(bytes, o)) });
    }
    expect(threaded.some((fr) => fr.refusal?.code === 'tampered' || (fr.read?.differences.length ?? 0) > 0)).toBe(true);
    expect(p.counts).toEqual({ threads: list.length, caller: 0 });
  }, 60_000);

  it('take the visible values of a tampered file when asked, as the caller does', async () => {
    const bytes = await tamperedD01();
    const o = opts(new Map(), new Map(), true);
    const p = pool();
    expect(said(await p.read(bytes, o))).toEqual(said(readFileForBatch(bytes, o)));
    expect(p.counts.threads).toBe(1);
  }, 60_000);

  it('read a file again from the dry run\'s facts (fingerprints not worked out again), as the caller does', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const o = opts();
    const first = readFileForBatch(bytes, o);
    const p = pool();
    const again = await p.read(bytes, o, first.facts, first.sha256);
    expect(said(again, first.facts)).toEqual(said(readFileForBatch(bytes, o, first.facts, first.sha256), first.facts));
    expect(again.read?.visibleSkipped).toBe(true);
    expect(p.counts.threads).toBe(1);
  }, 60_000);

  it('skip the visible sheets of a file sealed by its unit\'s registered key, and read it again here when that key has been cleared since', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const keys = new Map([['D01', unitSigner('D01').publicKey]]);
    const p = pool();
    const registered = await p.read(bytes, opts(keys));
    expect([registered.read?.visibleSkipped, p.counts]).toEqual([true, { threads: 1, caller: 0 }]);
    // The threads' snapshot still names the key; the register no longer does.
    const cleared = await p.read(bytes, opts(keys, new Map()));
    expect([cleared.read?.visibleSkipped, cleared.read?.visibleAgreed, p.counts]).toEqual([false, true, { threads: 1, caller: 1 }]);
  }, 60_000);

  it('read here what a thread held when it died, and everything after', async () => {
    const list = await files();
    const p = pool(1);
    const o = opts();
    await p.read(list[0][1], o);
    const reads = list.map(([, bytes]) => p.read(bytes, o));
    await (p as unknown as { readers: { worker: Worker }[] }).readers[0].worker.terminate();
    const done = await Promise.all(reads);
    for (const [i, [, bytes]] of list.entries()) expect(said(done[i])).toEqual(said(readFileForBatch(bytes, o)));
    expect(p.counts.caller).toBeGreaterThan(0);
    const after = await p.read(list[0][1], o);
    expect(said(after)).toEqual(said(readFileForBatch(list[0][1], o)));
    expect(p.counts.threads + p.counts.caller).toBe(list.length + 2);
  }, 60_000);

  it('start their threads when warmed, before the first file', async () => {
    const p = pool(2);
    const readers = () => (p as unknown as { readers?: { worker: Worker }[] }).readers;
    expect(readers()).toBeUndefined();
    p.warm();
    expect(readers()?.length).toBe(2);
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    expect(said(await p.read(bytes, opts()))).toEqual(said(readFileForBatch(bytes, opts())));
    expect(p.counts).toEqual({ threads: 1, caller: 0 });
  }, 60_000);

  it('read on the caller\'s thread with none asked for (LEDGER_READER_THREADS=0)', async () => {
    const before = process.env.LEDGER_READER_THREADS;
    process.env.LEDGER_READER_THREADS = '0';
    try {
      expect(defaultReaders()).toBe(0);
      const p = pool(defaultReaders());
      const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
      expect(said(await p.read(bytes, opts()))).toEqual(said(readFileForBatch(bytes, opts())));
      expect(p.counts).toEqual({ threads: 0, caller: 1 });
    } finally {
      if (before === undefined) delete process.env.LEDGER_READER_THREADS;
      else process.env.LEDGER_READER_THREADS = before;
    }
  });
});
