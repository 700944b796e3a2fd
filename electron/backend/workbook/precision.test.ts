import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend, type TempBackend } from '../testing/tempBackend';

/** A 4-place 万元 amount through every path: typing, storage, the workbook, the office's import, its totals and the report. */
describe('a 万元 amount with four decimals goes through every path unchanged', () => {
  const open: TempBackend[] = [];
  afterEach(() => open.splice(0).forEach((b) => b.dispose()));

  it('set → store → export → import → level total → report draft', async () => {
    const dept = await tempBackend();
    open.push(dept);
    await dept.invoke('setup.init', { unitCode: 'D01', unitName: '市财政局', role: 'filer', operator: '李四' });
    const set = (month: number, raw: string) => dept.invoke('values.set', { templateId: 'ledger-2021', year: 2024, month, indicator: 't2.fees', col: 'amount', raw });
    expect(await set(3, '59237.2449')).toMatchObject({ value: 59237.2449 });
    expect(await set(4, '0.0001')).toMatchObject({ value: 0.0001 });
    expect(await set(5, '1234.5678')).toMatchObject({ value: 1234.5678 });
    await expect(set(6, '1.23456')).rejects.toMatchObject({ message: expect.stringContaining('小数超过四位') });
    const year = await dept.invoke('values.getYear', { templateId: 'ledger-2021', year: 2024 });
    expect(year.values.filter((v) => v.indicator === 't2.fees').map((v) => v.value)).toEqual([59237.2449, 0.0001, 1234.5678]);

    const wb = await dept.invoke('export.workbook', { templateId: 'ledger-2021', period: { year: 2024, fromMonth: 1, toMonth: 12 } });
    const office = await tempBackend({ role: 'aggregator' });
    open.push(office);
    await office.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
    await office.invoke('units.create', { code: 'D02', name: '市教育局', kind: '部门', parentCode: 'TEST-01' });
    await office.invoke('values.set', { templateId: 'national-2021', unitCode: 'D02', year: 2024, month: 12, indicator: 't2.fees', col: 'amount', raw: '0.0003' });
    const { batchId } = await office.invoke('import.begin', {});
    await office.invoke('import.add', { batchId, files: [{ name: 'd01.xlsx', bytes: Buffer.from(wb.base64, 'base64') }] });
    const plan = await office.invoke('import.plan', { batchId });
    expect(plan.files.map((f) => [f.status, f.problems])).toEqual([['new', []]]);
    await office.invoke('import.apply', { batchId, count: 5 });
    const stored = await office.invoke('values.getYear', { templateId: 'ledger-2021', year: 2024, unitCode: 'D01' });
    expect(stored.values.filter((v) => v.indicator === 't2.fees').map((v) => v.value)).toEqual([59237.2449, 0.0001, 1234.5678]);

    // 59237.2449 + 0.0001 + 1234.5678 (D01, on the current ledger) + 0.0003 (D02, still on the national template)
    for (const templateId of ['ledger-2021', 'national-2021']) {
      const totals = await office.invoke('office.totals', { templateId, period: { year: 2024, fromMonth: 1, toMonth: 12 } });
      expect(totals.figures['t2.fees:amount'], templateId).toBe(60471.8131);
    }
    const draft = await office.invoke('report.draft', { templateId: 'ledger-2021', year: 2024, scope: { subtree: true } });
    expect(draft.paragraphs.find((p) => p.id === 'decisions')?.text).toContain('本年收取行政事业性收费60471.8131万元。');
    const cell = draft.tables.flatMap((t) => t.rows.flat()).find((c) => c.ref === 't2.fees:amount');
    expect(cell).toMatchObject({ text: '60471.8131', value: 60471.8131 });

    // The office's own export (bundle) carries the same four places back up.
    const bundle = await office.invoke('export.workbook', { templateId: 'ledger-2021', period: { year: 2024, fromMonth: 1, toMonth: 12 }, kind: 'bundle' });
    expect(bundle.empty).toBe(false);
  });
});
