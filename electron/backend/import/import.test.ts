import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { sharedReadPool } from './readPool';

// The shared pool is made with the first batch: this file's has a reader thread whatever the machine's cores (readPool.ts defaultReaders).
process.env.LEDGER_READER_THREADS = '1';

const h = useImportBackend();

describe('import: clean files, revisions, the same file twice', () => {
  it('reads the files the page sends on the reader threads (readPool.ts), as the dry run shows', async () => {
    const before = { ...sharedReadPool().counts };
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const { plans } = await h.dryRun([['财政局.xlsx', bytes]]);
    expect(plans[0]).toMatchObject({ status: 'new', changedValues: valuesFor('D01').length });
    expect(sharedReadPool().counts.threads - before.threads).toBe(1);
  }, 60_000);

  it('imports a department workbook: dry run writes nothing, apply stores values, submission, log and the original', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = h.figures();
    const { batchId, plans } = await h.dryRun([['财政局.xlsx', bytes]]);
    expect(h.figures()).toBe(before);
    expect(plans[0]).toMatchObject({ status: 'new', unitCode: 'D01', templateId: 'suining-2017', period: '2017', revision: 1, source: 'data' });
    expect(plans[0].changedValues).toBe(valuesFor('D01').length);

    const applied = await h.applyAll(batchId);
    expect(applied[0].status).toBe('new');
    const stored = await h.storedYear('D01');
    expect(stored.length).toBe(valuesFor('D01').length);
    // Every imported figure's history: one entry, set from empty by the import.
    for (const v of stored) {
      const history = await h.b.invoke('values.history', { unitCode: 'D01', templateId: 'suining-2017', year: 2017, month: v.month, indicator: v.indicator, col: v.col });
      expect(history.map((x) => [x.oldValue, x.newValue, x.source])).toEqual([[null, v.value, 'import']]);
    }
    const matrix = await h.b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-03-01' });
    expect(matrix.rows.find((r) => r.code === 'D01')!.cells.every((c) => c.status === 'received')).toBe(true);
    const log = await h.b.invoke('import.log', {});
    expect(log.entries[0]).toMatchObject({ fileName: '财政局.xlsx', outcome: 'applied', unitCode: 'D01', operator: expect.stringContaining('张三') });
    // The log names the unit and the period as people write them.
    const d01 = (await h.b.invoke('units.list', {})).find((u) => u.code === 'D01')!;
    expect(log.entries[0]).toMatchObject({ unitName: d01.name, period: '2017', periodLabel: '2017年' });
    const kept = path.join(h.b.dir, log.entries[0].storedPath!);
    expect(fs.readFileSync(kept).equals(Buffer.from(bytes))).toBe(true);
    expect(h.b.ctx.store.backups().some((x) => x.reason === 'before-import')).toBe(true);

    // The same file again changes nothing.
    const again = h.figures();
    const second = await h.importFiles([['财政局.xlsx', bytes]]);
    expect(second.plans[0].status).toBe('unchanged');
    expect(second.applied[0].status).toBe('unchanged');
    expect(h.figures()).toBe(again);
  });

  it('a newer revision replaces (history keeps the old numbers); an older one is reported and ignored', async () => {
    const v1 = valuesFor('D01');
    const v2 = v1.map((v, i) => (i < 5 ? { ...v, value: v.value + 1 } : v));
    const rev1 = await workbookBytes({ template: suining, unit: D01, values: v1, revision: 1 });
    const rev2 = await workbookBytes({ template: suining, unit: D01, values: v2, revision: 2 });
    await h.importFiles([['r1.xlsx', rev1]]);
    const r2 = await h.importFiles([['r2.xlsx', rev2]]);
    expect(r2.plans[0]).toMatchObject({ status: 'updated', changedValues: 5 });
    const changed = v2[0];
    const stored = (await h.storedYear('D01')).find((v) => v.indicator === changed.indicator && v.col === changed.col && v.month === changed.month)!;
    expect(stored.value).toBe(changed.value);
    const hist = await h.b.invoke('values.history', { unitCode: 'D01', templateId: 'suining-2017', year: 2017, month: changed.month, indicator: changed.indicator, col: changed.col });
    expect(hist.map((e) => [e.oldValue, e.newValue])).toEqual([
      [v1[0].value, changed.value],
      [null, v1[0].value],
    ]);

    const before = h.figures();
    const old = await h.importFiles([['r1.xlsx', rev1]]);
    expect(old.plans[0].status).toBe('superseded');
    expect(old.applied[0].status).toBe('superseded');
    expect(h.figures()).toBe(before);
    const matrix = await h.b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-03-01' });
    expect(matrix.rows.find((r) => r.code === 'D01')!.cells[0]).toMatchObject({ status: 'corrected', revision: 2 });
  });

  it('within one batch the newer revision wins whatever the order', async () => {
    const v2 = valuesFor('D01', 3);
    const rev1 = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), revision: 1 });
    const rev2 = await workbookBytes({ template: suining, unit: D01, values: v2, revision: 2 });
    const r = await h.importFiles([['r2.xlsx', rev2], ['r1.xlsx', rev1]]);
    expect(r.plans.map((p) => p.status)).toEqual(['new', 'superseded']);
    const stored = await h.storedYear('D01');
    expect(stored.find((v) => v.indicator === v2[0].indicator && v.month === v2[0].month)!.value).toBe(v2[0].value);
  });
});

describe('import: rule checks (勾稽) in the preview and the outcome', () => {
  it('lists each unit\'s rule violations with their reason, without blocking, in the dry run and in what was applied', async () => {
    // 主动公开总数 one more than its eight categories: the error rule pub.categories_sum fails for the year.
    const values = [
      { indicator: 'pub.total', value: 9 },
      { indicator: 'pub.cat.work', value: 8 },
    ].map((v) => ({ unitCode: 'D01', col: '', month: 3, ...v }));
    const bytes = await workbookBytes({ template: suining, unit: D01, values });
    const { batchId, plans } = await h.dryRun([['不平.xlsx', bytes]]);
    expect(plans[0].status).toBe('new');
    const violation = { unitCode: 'D01', unitName: '市财政局', severity: 'error', message: expect.stringMatching(/主动公开政府信息总数 ≠ 八类信息之和：9 ≠ 8/) };
    expect(plans[0].violations).toContainEqual(violation);
    const applied = await h.applyAll(batchId);
    expect(applied[0].status).toBe('new');
    expect(applied[0].violations).toContainEqual(violation);
  });
});
