/**
 * What a batch keeps of each file once it is read (issue 19: a province's
 * 10,000 files in bounded memory): its unit-months' fingerprints as 32 bytes
 * each, unit by unit, which must be the very fingerprints applying stores.
 */
import { describe, expect, it } from 'vitest';
import { currentSubmissions } from '../store/submissions';
import { findUnitByCode } from '../store/units';
import { workbookBytes } from '../testing/importFixtures';
import { C01, C01D, MONTHS, suining, useImportBackend } from '../testing/importHarness';
import { fillEveryCell } from '../testing/seedValues';
import { printAt } from './fileFacts';
import { ImportBatch } from './session';

const h = useImportBackend();

describe('the facts a batch keeps of a file', () => {
  it('hold each unit-month fingerprint as 32 bytes, in unit then month order, the same as the submissions stored when applied', async () => {
    // A county's bundle: two units, every month, different figures in each.
    const values = [...fillEveryCell(suining, C01.code, MONTHS, 1), ...fillEveryCell(suining, C01D.code, MONTHS, 2)];
    const bytes = await workbookBytes({ template: suining, unit: C01, units: [C01, C01D], kind: 'bundle', values });
    const db = h.b.ctx.store.db;
    const batch = new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });
    const f = batch.add('c01.xlsx', bytes, db);
    const facts = f.facts!;
    expect(facts.units.map((u) => u.code)).toEqual([C01.code, C01D.code]);
    expect(facts.prints).toBeInstanceOf(Uint8Array);
    expect(facts.prints.length).toBe(2 * 12 * 32);
    const prints = Array.from({ length: 24 }, (_, i) => printAt(facts, i));
    expect(new Set(prints).size).toBe(24);
    expect(batch.applyNext({ db, dataDir: h.b.ctx.store.dataDir, operator: '测试' }, 1).map((p) => p.status)).toEqual(['new']);
    [C01, C01D].forEach((u, i) => {
      const stored = currentSubmissions(db, suining.id, 2017, [findUnitByCode(db, u.code)!.id]).sort((a, b) => a.month - b.month);
      expect(stored.map((s) => s.fingerprint)).toEqual(prints.slice(i * 12, i * 12 + 12));
    });
  });
});
