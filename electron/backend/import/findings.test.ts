/**
 * The dry run's answer lists the first few findings of each kind per file
 * with their counts; the rest come on request (issue 19: 500 files' full rule
 * findings made the answer megabytes).
 */
import { describe, expect, it } from 'vitest';
import { FINDINGS_SHOWN } from '../../../shared/api/methods/import';
import { workbookBytes } from '../testing/importFixtures';
import { D01, MONTHS, national, useImportBackend } from '../testing/importHarness';
import { fillEveryCell } from '../testing/seedValues';
import { ImportBatch } from './session';

const h = useImportBackend();

describe('findings in the dry run', () => {
  it('lists the first of each kind and counts them all; import.findings sends every one', async () => {
    // Every cell filled with made-up numbers breaks dozens of the national template's rules.
    const bytes = await workbookBytes({ template: national, unit: D01, values: fillEveryCell(national, D01.code, MONTHS, 0) });
    const { batchId, plans } = await h.dryRun([['d01.xlsx', bytes]]);
    const [p] = plans;
    expect(p.status).toBe('new');
    expect(p.findingCounts!.violations).toBeGreaterThan(FINDINGS_SHOWN);
    expect(p.violations).toHaveLength(FINDINGS_SHOWN);
    const all = await h.b.invoke('import.findings', { batchId, index: 0 });
    expect(all.violations).toHaveLength(p.findingCounts!.violations);
    expect(all.violations.slice(0, FINDINGS_SHOWN)).toEqual(p.violations);
    const missing = await h.b.call('import.findings', { batchId, index: 5 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: '导入批次中没有这个文件' } });
  });

  it('keeps only the first of each kind in the batch, before and after applying; the rest are worked out again from the file', async () => {
    const bytes = await workbookBytes({ template: national, unit: D01, values: fillEveryCell(national, D01.code, MONTHS, 0) });
    const db = h.b.ctx.store.db;
    const batch = new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });
    batch.add('d01.xlsx', bytes, db);
    const [planned] = batch.plan(db);
    expect(planned.violations).toHaveLength(FINDINGS_SHOWN);
    const total = planned.findingCounts!.violations;
    expect(total).toBeGreaterThan(FINDINGS_SHOWN);
    const all = batch.findings(0)!;
    expect(all.violations).toHaveLength(total);
    expect(all.violations.slice(0, FINDINGS_SHOWN)).toEqual(planned.violations);
    expect(new Set(all.violations.map((v) => v.message)).size).toBeGreaterThan(FINDINGS_SHOWN);

    const [applied] = batch.applyNext({ db, dataDir: h.b.ctx.store.dataDir, operator: '测试' }, 1);
    expect(applied.status).toBe('new');
    expect(applied.violations).toEqual(planned.violations);
    expect(applied.findingCounts).toEqual({ problems: 0, differences: 0, violations: total });
    expect(batch.files[0].applied!.violations).toHaveLength(FINDINGS_SHOWN);
    expect(batch.findings(0)!.violations).toEqual(all.violations);
  });
});
