import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/api/contract';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';
import { handlers } from './handlers';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend();
});
afterEach(() => b.dispose());

describe('API boundary', () => {
  it('has exactly one handler for every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });

  it('refuses unknown methods and malformed arguments without changing anything', async () => {
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '10' });
    const before = snapshot(b);
    const cases: [unknown, unknown][] = [
      ['values.drop', {}],
      ['__proto__', {}],
      ['values.set', { templateId: 'suining-2017', year: 2017, month: 13, indicator: 'pub.total', raw: '5' }],
      ['values.set', { templateId: 'suining-2017', year: '2017', month: 3, indicator: 'pub.total', raw: '5' }],
      ['values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '5', extra: true }],
      ['values.set', 'not an object'],
      ['values.setMany', { templateId: 'suining-2017', year: 2017, cells: [] }],
      ['setup.init', { unitCode: 'bad code with spaces', unitName: 'x', role: 'filer' }],
      ['setup.init', { unitCode: 'A1', unitName: '', role: 'filer' }],
      ['setup.init', { unitCode: 'A1', unitName: 'x', role: 'admin' }],
    ];
    for (const [method, args] of cases) {
      const r = await b.call(method, args);
      expect(r.ok, `${String(method)} ${JSON.stringify(args)}`).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(snapshot(b)).toBe(before);
  });

  it('names the field that is wrong', async () => {
    const r = await b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 0, indicator: 'pub.total', raw: '5' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', where: 'month' } });
  });

  it('refuses text, negatives and fractions in count cells with a Chinese message, storing nothing', async () => {
    const before = snapshot(b);
    for (const raw of ['abc', '-5', '1.5', '1,000,000,000']) {
      const r = await b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_value');
        expect(r.error.message).toContain('主动公开政府信息总数');
        expect(r.error.message).toContain('3月');
      }
    }
    expect(snapshot(b)).toBe(before);
  });

  it('refuses an unknown indicator, template or unit', async () => {
    const before = snapshot(b);
    expect(await b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'nope', raw: '1' })).toMatchObject({ ok: false, error: { code: 'invalid_value' } });
    expect(await b.call('values.set', { templateId: 'nope', year: 2017, month: 3, indicator: 'pub.total', raw: '1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '1', unitCode: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(b)).toBe(before);
  });

  it('refuses office-only calls from a filer’s data file, and allows them for an office', async () => {
    const before = snapshot(b);
    for (const [method, args] of [
      ['units.create', { code: 'D9', name: '某局', kind: '部门' }],
      ['office.matrix', { templateId: 'suining-2017', year: 2017 }],
      ['import.begin', {}],
    ] as const) {
      const r = await b.call(method, args);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!r.ok) expect(r.error.message).toContain('汇总单位');
    }
    expect(snapshot(b)).toBe(before);
    const office = await tempBackend({ role: 'aggregator' });
    try {
      expect(await office.call('office.matrix', { templateId: 'suining-2017', year: 2017 })).toMatchObject({ ok: true });
    } finally {
      office.dispose();
    }
  });

  it('asks for set-up before values can be entered', async () => {
    const fresh = await tempBackend({ setup: false });
    try {
      const r = await fresh.call('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '1' });
      expect(r).toMatchObject({ ok: false, error: { code: 'not_setup' } });
    } finally {
      fresh.dispose();
    }
  });
});

describe('values', () => {
  it('stores a value, traces every change in the history, and reads the year back', async () => {
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '１,２００' });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '1212' });
    const same = await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '1212' });
    expect(same.changed).toBe(false);
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '' });
    const hist = await b.invoke('values.history', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total' });
    expect(hist.map((h) => [h.oldValue, h.newValue])).toEqual([
      [1212, null],
      [1200, 1212],
      [null, 1200],
    ]);
    expect(hist[0].operator).toBe('张三（TEST-01）');
    await b.invoke('values.set', { templateId: 'national-2021', year: 2021, month: 1, indicator: 't2.fees', col: 'amount', raw: '12.5' });
    const year = await b.invoke('values.getYear', { templateId: 'national-2021', year: 2021 });
    expect(year.values).toMatchObject([{ indicator: 't2.fees', col: 'amount', month: 1, value: 12.5 }]);
  });

  it('saves the valid cells of a batch and refuses the invalid ones with their reason', async () => {
    const r = await b.invoke('values.setMany', {
      templateId: 'suining-2017',
      year: 2017,
      source: 'paste',
      cells: [
        { month: 1, indicator: 'pub.total', raw: '10' },
        { month: 2, indicator: 'pub.total', raw: 'x' },
        { month: 3, indicator: 'pub.total', raw: '30' },
      ],
    });
    expect(r.saved.map((s) => s.month)).toEqual([1, 3]);
    expect(r.refused).toMatchObject([{ month: 2, indicator: 'pub.total' }]);
    expect(r.refused[0].message).toContain('不是数字');
    const year = await b.invoke('values.getYear', { templateId: 'suining-2017', year: 2017 });
    expect(year.values.map((v) => v.value).sort()).toEqual([10, 30]);
  });
});

describe('backups', () => {
  it('restores a backup, keeping a safety copy of the current state', async () => {
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '1' });
    const backup = await b.invoke('backups.create', {});
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '99' });
    const r = await b.invoke('backups.restore', { name: backup.name });
    expect(r.safetyBackup).toMatch(/before-restore/);
    const year = await b.invoke('values.getYear', { templateId: 'suining-2017', year: 2017 });
    expect(year.values[0].value).toBe(1);
    expect((await b.invoke('backups.list', {})).map((x) => x.name)).toContain(r.safetyBackup);
  });

  it('refuses to restore a name that is not a backup', async () => {
    expect(await b.call('backups.restore', { name: '../ledger.sqlite' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await b.call('backups.restore', { name: 'ledger-20200101-000000-000-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
