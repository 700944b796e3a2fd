/**
 * A batch sent by the page keeps its files as read, within a budget, so that
 * applying them does not read them again; every guarantee of applying holds
 * all the same (bytes that changed since the dry run are refused, the file is
 * planned again against the store), and a read that may have skipped the
 * visible sheets is never kept.
 */
import { describe, expect, it } from 'vitest';
import { setUnitKey, unitKeyByCode } from '../store/keys';
import { findUnitByCode } from '../store/units';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { C01, codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { readWorkbook } from './readWorkbook';
import { packedSize, packRead } from './readWire';
import { ImportBatch, KEPT_READS_BYTES } from './session';
import { ReadPool } from './readPool';
import { readerContextOf } from './readerContext';

const h = useImportBackend();
const target = () => ({ db: h.b.ctx.store.db, dataDir: h.b.ctx.store.dataDir, operator: '测试' });
const options = () => ({ templates: (id: string) => h.b.ctx.templates.get(id), registeredKey: (code: string) => unitKeyByCode(h.b.ctx.store.db, code)?.publicKey });
const d01 = () => workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
const c01 = () => workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') });

describe('reads kept for applying', () => {
  it('keeps each file as read within the budget, applies from it with the same outcome, and lets it go once applied', async () => {
    const db = h.b.ctx.store.db;
    const batch = new ImportBatch(options(), KEPT_READS_BYTES);
    const files = [batch.add('d01.xlsx', await d01(), db), batch.add('c01.xlsx', await c01(), db)];
    expect(files.map((f) => f.kept !== undefined)).toEqual([true, true]);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new', 'new']);
    const applied = batch.applyNext(target(), 2);
    expect(applied.map((p) => [p.status, p.changedValues])).toEqual([
      ['new', valuesFor('D01').length],
      ['new', valuesFor('C01').length],
    ]);
    expect(files.map((f) => [f.read, f.kept])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect((await h.storedYear('D01')).length).toBe(valuesFor('D01').length);
    expect((await h.storedYear('C01')).length).toBe(valuesFor('C01').length);
  });

  it('keeps no more than its budget: the files beyond it are read again when applied', async () => {
    const db = h.b.ctx.store.db;
    // Room for about one file.
    const one = packedSize(packRead(readWorkbook(await d01(), options())));
    const batch = new ImportBatch(options(), 1.5 * one);
    const files = [batch.add('d01.xlsx', await d01(), db), batch.add('c01.xlsx', await c01(), db)];
    expect(files.map((f) => f.kept !== undefined)).toEqual([true, false]);
    expect(batch.applyNext(target(), 2).map((p) => p.status)).toEqual(['new', 'new']);
    // Applied, the first file's share of the budget is free again.
    const later = batch.add('d01-again.xlsx', await d01(), db);
    expect(later.kept).toBeDefined();
  });

  it('still refuses held bytes that changed after the dry run, storing nothing of the file', async () => {
    const db = h.b.ctx.store.db;
    const batch = new ImportBatch(options(), KEPT_READS_BYTES);
    const f = batch.add('d01.xlsx', Uint8Array.from(await d01()), db);
    expect(f.kept).toBeDefined();
    f.bytes![f.bytes!.length - 30] ^= 1;
    const [plan] = batch.applyNext(target(), 1);
    expect([plan.status, codeOf(plan)]).toEqual(['rejected', ['changed_since_planned']]);
    expect(await h.storedYear('D01')).toEqual([]);
  });

  it('plans a kept file again against the store when it is applied (another import meanwhile: unchanged)', async () => {
    const db = h.b.ctx.store.db;
    const batch = new ImportBatch(options(), KEPT_READS_BYTES);
    batch.add('d01.xlsx', await d01(), db);
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new']);
    const other = new ImportBatch(options());
    other.add('d01-again.xlsx', await d01(), db);
    other.applyNext(target(), 1);
    expect(batch.applyNext(target(), 1).map((p) => p.status)).toEqual(['unchanged']);
  });

  it('does not keep a file sealed by the key registered for its unit (its visible sheets may not have been read)', async () => {
    const db = h.b.ctx.store.db;
    setUnitKey(db, { unitId: findUnitByCode(db, 'D01')!.id, publicKey: unitSigner('D01').publicKey, action: 'entered', reason: '测试', operator: '测试' });
    const batch = new ImportBatch(options(), KEPT_READS_BYTES);
    const [signed, other] = [batch.add('d01.xlsx', await d01(), db), batch.add('c01.xlsx', await c01(), db)];
    expect([signed.kept, other.kept !== undefined]).toEqual([undefined, true]);
    expect(batch.plan(db).map((p) => p.seal?.state)).toEqual(['signed', 'new_key']);
  });

  it('reads ahead on the reader threads what it did not keep, packed, applies from it with the same outcome, and lets it go once applied', async () => {
    const db = h.b.ctx.store.db;
    const pool = new ReadPool(1);
    try {
      const batch = new ImportBatch({ ...options(), readerContext: () => readerContextOf(h.b.ctx) });
      const files = [batch.add('d01.xlsx', await d01(), db), batch.add('c01.xlsx', await c01(), db)];
      expect(files.map((f) => f.kept)).toEqual([undefined, undefined]);
      await batch.readAhead(files, pool);
      expect([files.map((f) => f.kept?.templateId), pool.counts]).toEqual([[suining.id, suining.id], { threads: 2, caller: 0 }]);
      expect(batch.applyNext(target(), 2).map((p) => [p.status, p.changedValues])).toEqual([
        ['new', valuesFor('D01').length],
        ['new', valuesFor('C01').length],
      ]);
      expect(files.map((f) => f.kept)).toEqual([undefined, undefined]);
      expect((await h.storedYear('C01')).length).toBe(valuesFor('C01').length);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reads nothing ahead without reader threads: applying reads each file itself', async () => {
    const db = h.b.ctx.store.db;
    const pool = new ReadPool(0);
    const batch = new ImportBatch({ ...options(), readerContext: () => readerContextOf(h.b.ctx) });
    const files = [batch.add('d01.xlsx', await d01(), db)];
    await batch.readAhead(files, pool);
    expect([files[0].kept, pool.counts]).toEqual([undefined, { threads: 0, caller: 0 }]);
    expect(batch.applyNext(target(), 1).map((p) => [p.status, p.changedValues])).toEqual([['new', valuesFor('D01').length]]);
  });
});
