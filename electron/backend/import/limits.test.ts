import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../testing/importFixtures';
import { C01, C01D, codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { IMPORTS_DIR } from './originals';
import { readAgain } from './batch';
import { ImportBatch } from './session';

const h = useImportBackend();

describe('import: figures beyond the limits', () => {
  for (const huge of [1e12, 1e15, 1e20]) {
    it(`refuses a data sheet carrying ${huge} in the dry run, and the good file still imports`, async () => {
      const values = valuesFor('C01-D1');
      values[0] = { ...values[0], value: huge };
      const bad = await workbookBytes({ template: suining, unit: C01D, values });
      const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
      const { batchId, plans } = await h.dryRun([['大数.xlsx', bad], ['good.xlsx', good]]);
      expect(plans.map((p) => p.status)).toEqual(['rejected', 'new']);
      expect(codeOf(plans[0])).toEqual(['bad_meta']);
      expect(plans[0].problems[0].message).toMatch(/超过上限 999999999/);
      const applied = await h.applyAll(batchId);
      expect(applied.map((p) => p.status)).toEqual(['rejected', 'new']);
      expect((await h.storedYear('C01-D1')).length).toBe(0);
      expect((await h.storedYear('D01')).length).toBeGreaterThan(0);
    });
  }
});

describe('import: a file that fails while being written', () => {
  it('rolls back alone, is logged as refused with its kept original, and the rest of the call goes on', async () => {
    const db = h.b.ctx.store.db;
    const dataDir = h.b.ctx.store.dataDir;
    const batch = new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });
    batch.add('first.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
    batch.add('breaks.xlsx', await workbookBytes({ template: suining, unit: C01D, values: valuesFor('C01-D1') }));
    batch.add('last.xlsx', await workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') }));
    expect(batch.plan(db).map((p) => p.status)).toEqual(['new', 'new', 'new']);
    // What no reader lets through any more, as if one had: the store refuses it while the file is written.
    // Held for applying (a batch keeps no values between reads).
    const held = (batch.files[1].read = readAgain(batch.files[1], batch.opts)!);
    const [first] = held.months;
    first.values.set([...first.values.keys()][0], 1e12);
    const plans = batch.applyNext({ db, dataDir, operator: '测试' }, 3);
    expect(plans.map((p) => p.status)).toEqual(['new', 'rejected', 'new']);
    expect(plans[1].problems).toEqual([expect.objectContaining({ code: 'apply_failed' })]);
    expect(plans[1].problems[0].message).toMatch(/已整体撤销.*船山区教育局（C01-D1）.*超过上限 999999999/);
    expect(plans[1].problems[0].message).not.toMatch(/单位 \d/);
    expect((await h.storedYear('C01-D1')).length).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'C01-D1'").get()).toEqual({ n: 0 });
    expect((await h.storedYear('D01')).length).toBeGreaterThan(0);
    expect((await h.storedYear('C01')).length).toBeGreaterThan(0);
    // Every original kept in imports/ has its log entry.
    const logged = new Set((await h.b.invoke('import.log', {})).entries.map((e) => e.storedPath));
    for (const name of fs.readdirSync(path.join(dataDir, IMPORTS_DIR))) expect(logged).toContain(`${IMPORTS_DIR}/${name}`);
    expect(logged.size).toBe(3);
  });

  it('removes the originals no log entry names when the whole call is rolled back', async () => {
    const db = h.b.ctx.store.db;
    const dataDir = h.b.ctx.store.dataDir;
    const batch = new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });
    batch.add('a.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
    batch.plan(db);
    // The call fails after its originals are written (the commit waits for them): a trigger refuses the log entry.
    db.exec("CREATE TEMP TRIGGER no_log BEFORE INSERT ON import_log BEGIN SELECT RAISE(ABORT, '测试：拒绝写入日志'); END");
    expect(() => batch.applyNext({ db, dataDir, operator: '测试' }, 1, { originalsThread: 'caller' })).toThrow();
    db.exec('DROP TRIGGER no_log');
    const dir = path.join(dataDir, IMPORTS_DIR);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });
});
