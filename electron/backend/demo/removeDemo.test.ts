import { afterEach, describe, expect, it } from 'vitest';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';
import { DEMO_UNIT_CODE } from './loadDemo';

const T = 'suining-2017';
const YEAR = { year: 2017, fromMonth: 1, toMonth: 12 };

let b: TempBackend;
afterEach(() => b.dispose());

const rowsOf = (table: string, unitId: number) => b.ctx.store.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE unit_id = ?`).pluck().get(unitId) as number;

describe('demo data in a real data file', () => {
  it('loading takes a backup first; removing deletes the demo units with every row naming them, after another backup', async () => {
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('values.set', { templateId: T, year: 2017, month: 3, indicator: 'pub.total', raw: '12' });
    const loaded = await b.invoke('demo.load', {});
    expect(loaded.backup).toMatch(/before-demo\.sqlite$/);
    expect((await b.invoke('backups.list', {})).map((x) => x.name)).toContain(loaded.backup);
    expect(await b.invoke('demo.status', {})).toEqual({ units: [{ code: DEMO_UNIT_CODE, name: loaded.unitName }] });

    const demoId = (await b.invoke('units.list', {})).find((u) => u.code === DEMO_UNIT_CODE)!.id;
    await b.invoke('comments.set', { templateId: T, year: 2017, month: 2, indicator: 'pub.total', unitCode: DEMO_UNIT_CODE, text: '演示备注' });
    await b.invoke('months.complete', { templateId: T, year: 2017, month: 1, unitCode: DEMO_UNIT_CODE, explanations: { 'month:key.items_gap': '演示' } });
    expect(rowsOf('month_values', demoId)).toBe(12);
    expect(rowsOf('value_changes', demoId)).toBeGreaterThan(0);

    const removed = await b.invoke('demo.remove', {});
    expect(removed).toMatchObject({ removedUnits: [{ code: DEMO_UNIT_CODE }], setupReset: false });
    expect(removed.backup).toMatch(/before-demo-remove\.sqlite$/);
    for (const table of ['month_values', 'value_changes', 'cell_comments', 'month_status']) expect(rowsOf(table, demoId), table).toBe(0);
    expect((await b.invoke('units.list', {})).map((u) => u.code)).toEqual(['TEST-01']);
    // The office's own figures stay, and the level is its own again.
    const own = (await b.invoke('values.getYear', { templateId: T, year: 2017 })).values;
    expect(own.map((v) => [v.indicator, v.month, v.value])).toEqual([['pub.total', 3, 12]]);
    expect((await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: { subtree: true } })).scope.unitCount).toBe(1);
    expect(await b.invoke('demo.status', {})).toEqual({ units: [] });
    expect(await b.call('demo.remove', {})).toMatchObject({ ok: false, error: { code: 'not_found', message: '本数据文件中没有演示数据' } });
  });

  it('a demo that became the file’s own unit takes the file back to first-run setup', async () => {
    b = await tempBackend({ setup: false });
    expect((await b.invoke('demo.load', {})).backup).toBeNull();
    const removed = await b.invoke('demo.remove', {});
    expect(removed.setupReset).toBe(true);
    expect(await b.invoke('app.status', {})).toMatchObject({ setupDone: false, unit: null, role: null });
    expect(await b.invoke('units.list', {})).toEqual([]);
  });

  it('refuses, changing nothing, while a real unit sits under a demo unit', async () => {
    b = await tempBackend({ setup: false });
    await b.invoke('demo.load', {});
    await b.invoke('units.create', { code: 'REAL-01', name: '真实单位', kind: '部门', parentCode: DEMO_UNIT_CODE });
    await b.invoke('values.set', { templateId: T, year: 2017, month: 1, indicator: 'pub.total', raw: '5', unitCode: 'REAL-01' });
    const before = snapshot(b);
    const r = await b.call('demo.remove', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(r.ok ? '' : r.error.message).toContain('真实单位');
    expect(snapshot(b)).toBe(before);
  });
});

describe('settings.ownUnit', () => {
  it('corrects this file’s own name and code; refuses a code another unit has, naming the field', async () => {
    b = await tempBackend();
    const fixed = await b.invoke('settings.ownUnit', { unitName: '遂宁市财政局', unitCode: 'SN-CZJ' });
    expect(fixed).toMatchObject({ name: '遂宁市财政局', code: 'SN-CZJ' });
    expect((await b.invoke('app.status', {})).unit).toMatchObject({ name: '遂宁市财政局', code: 'SN-CZJ' });

    const office = await tempBackend({ role: 'aggregator' });
    try {
      await office.invoke('units.create', { code: 'SUB-1', name: '下级', kind: '部门', parentCode: 'TEST-01' });
      const before = snapshot(office);
      const r = await office.call('settings.ownUnit', { unitName: '测试单位', unitCode: 'SUB-1' });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', where: 'unitCode' } });
      expect(r.ok ? '' : r.error.message).toBe('单位代码 SUB-1 已被名录中的“下级”使用，请换一个代码');
      expect(snapshot(office)).toBe(before);
      const blank = await office.call('settings.ownUnit', { unitName: ' ', unitCode: 'X' });
      expect(blank.ok ? '' : blank.error.message).toContain('单位名称不能为空');
    } finally {
      office.dispose();
    }
  });
});
