/**
 * A batch in constant memory (issue 19): files are planned as they are read
 * and keep only their plan and facts; files named on disk are read again
 * when applied, and refused if they changed meanwhile; a unit-month stated
 * twice in one batch is compared with the earlier file read again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookBytes } from '../testing/importFixtures';
import { C01, codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { tempDir } from '../testing/tempBackend';
import { ImportBatch } from './session';

const h = useImportBackend();
const dir = tempDir('ledger-stream-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function onDisk(name: string, bytes: Promise<Uint8Array>): Promise<{ file: string; bytes: Uint8Array }> {
  const file = path.join(dir, name);
  const b = await bytes;
  fs.writeFileSync(file, b);
  return { file, bytes: b };
}

const target = () => ({ db: h.b.ctx.store.db, dataDir: h.b.ctx.store.dataDir, operator: '测试' });
const newBatch = () => new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });

describe('a streamed batch', () => {
  it('keeps neither the values nor the bytes of files on disk, and applies them in chunks', async () => {
    const files = [await onDisk('d01.xlsx', workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') })), await onDisk('c01.xlsx', workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') }))];
    const db = h.b.ctx.store.db;
    const batch = newBatch();
    for (const f of files) batch.add(path.basename(f.file), f.bytes, db, { path: f.file });
    expect(batch.files.map((f) => [f.read, f.bytes])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new', 'new']);
    expect(batch.applyNext(target(), 1).map((p) => p.status)).toEqual(['new']);
    expect(batch.applyNext(target(), 1).map((p) => p.status)).toEqual(['new']);
    expect(batch.pending()).toEqual([]);
    expect((await h.storedYear('D01')).length).toBe(valuesFor('D01').length);
    expect((await h.storedYear('C01')).length).toBe(valuesFor('C01').length);
  });

  it('refuses a file that changed on disk after its dry run, storing nothing of it', async () => {
    const a = await onDisk('a.xlsx', workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
    const c = await onDisk('c.xlsx', workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') }));
    const db = h.b.ctx.store.db;
    const batch = newBatch();
    for (const f of [a, c]) batch.add(path.basename(f.file), f.bytes, db, { path: f.file });
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new', 'new']);
    fs.writeFileSync(c.file, await workbookBytes({ template: suining, unit: C01, values: valuesFor('C01', 7) }));
    const plans = batch.applyNext(target(), 2);
    expect(plans.map((p) => p.status)).toEqual(['new', 'rejected']);
    expect(codeOf(plans[1])).toEqual(['changed_since_planned']);
    expect(plans[1].problems[0].message).toMatch(/预演之后被改动/);
    expect(await h.storedYear('C01')).toEqual([]);
    const log = (await h.b.invoke('import.log', {})).entries.find((e) => e.fileName === 'c.xlsx')!;
    expect([log.outcome, log.storedPath]).toEqual(['rejected', null]);
  });

  it('refuses held bytes that changed after the dry run (reading them again skips the checks it passed)', async () => {
    const db = h.b.ctx.store.db;
    const batch = newBatch();
    const f = batch.add('d01.xlsx', Uint8Array.from(await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') })), db);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new']);
    f.bytes![f.bytes!.length - 30] ^= 1;
    const [plan] = batch.applyNext(target(), 1);
    expect([plan.status, codeOf(plan)]).toEqual(['rejected', ['changed_since_planned']]);
    expect(await h.storedYear('D01')).toEqual([]);
  });

  it('plans a later revision of the same unit against the earlier file read again, as a batch planned afterwards does', async () => {
    const first = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), revision: 1 });
    const changed = valuesFor('D01').map((v, i) => (i < 5 ? { ...v, value: v.value + 1 } : v));
    const second = await workbookBytes({ template: suining, unit: D01, values: changed, revision: 2 });
    const db = h.b.ctx.store.db;
    const streamed = newBatch();
    streamed.add('1.xlsx', first, db);
    streamed.add('2.xlsx', second, db);
    const afterwards = newBatch();
    afterwards.add('1.xlsx', first);
    afterwards.add('2.xlsx', second);
    const plans = streamed.plan(db);
    expect(plans.map((p) => [p.status, p.changedValues])).toEqual([
      ['new', valuesFor('D01').length],
      ['updated', 5],
    ]);
    expect(afterwards.plan(db)).toEqual(plans);
    // Applied, the store holds the second file's figures.
    streamed.applyNext(target(), 2);
    const stored = await h.storedYear('D01');
    expect(stored.find((v) => v.indicator === changed[0].indicator && v.col === changed[0].col && v.month === changed[0].month)?.value).toBe(changed[0].value);
  });

  it('plans the whole batch again when the store changed after files came in', async () => {
    const db = h.b.ctx.store.db;
    const batch = newBatch();
    batch.add('d01.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }), db);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new']);
    // Another import stores the same figures meanwhile: the dry run now says nothing changes.
    const other = newBatch();
    other.add('d01-again.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }), db);
    other.applyNext(target(), 1);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['unchanged']);
  });
});
