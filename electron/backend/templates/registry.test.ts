import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../paths';
import { tempBackend, tempDir, type TempBackend } from '../testing/tempBackend';
import { loadTemplates } from './registry';

const builtin = path.join(defaultResourcesDir(), 'templates');

describe('template registry: the default and templates sharing cells', () => {
  it('new data files start on the current ledger; the national template and the ledger are one family', () => {
    const r = loadTemplates(builtin);
    expect(r.defaultId()).toBe('ledger-2021');
    expect(r.family('national-2021')).toEqual(['national-2021', 'ledger-2021']);
    expect(r.family('ledger-2021')).toEqual(['ledger-2021', 'national-2021']);
    expect(r.family('suining-2017')).toEqual(['suining-2017']);
  });

  it('a user template whose shared cells disagree with the template it names is reported and skipped', () => {
    const dir = tempDir();
    const json = JSON.parse(fs.readFileSync(path.join(builtin, 'ledger-2021.json'), 'utf8')) as { id: string; default: boolean; sections: { code: string; decimals?: number; columns: { decimals?: number }[] }[] };
    json.id = 'my-ledger';
    json.default = false;
    const fees = json.sections.find((s) => s.code === 't2_8')!;
    fees.decimals = 2;
    fees.columns[0].decimals = 2;
    fs.writeFileSync(path.join(dir, 'my-ledger.json'), JSON.stringify(json));
    const r = loadTemplates(builtin, dir);
    expect(r.get('my-ledger')).toBeUndefined();
    expect(r.problems.join('\n')).toContain('单元格 t2.fees:amount 与模板 national-2021 的小数位数不同（2 ≠ 4）');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the template a data file works in', () => {
  let b: TempBackend;
  afterEach(() => b.dispose());

  it('is the current ledger for a new file, the template of its figures for an older file, the chosen one once chosen', async () => {
    b = await tempBackend();
    expect((await b.invoke('app.status', {})).settings.defaultTemplateId).toBe('ledger-2021');
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '5' });
    expect((await b.invoke('app.status', {})).settings.defaultTemplateId).toBe('suining-2017');
    await b.invoke('settings.update', { defaultTemplateId: 'national-2021' });
    expect((await b.invoke('app.status', {})).settings.defaultTemplateId).toBe('national-2021');
  });
});

describe('office totals and report drafts count units on either template of a family (the first year of use)', () => {
  let b: TempBackend;
  afterEach(() => b.dispose());

  it('a unit still on national-2021 and one on ledger-2021 add up in the national tables of both', async () => {
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('units.update', { code: 'TEST-01', kind: '市', name: '示例市' });
    await b.invoke('units.create', { code: 'OLD', name: '未升级的部门', kind: '部门', parentCode: 'TEST-01' });
    await b.invoke('units.create', { code: 'NEW', name: '已升级的部门', kind: '部门', parentCode: 'TEST-01' });
    const set = (templateId: string, unitCode: string, month: number, indicator: string, col: string, raw: string) =>
      b.invoke('values.set', { templateId, unitCode, year: 2023, month, indicator, col, raw });
    await set('national-2021', 'OLD', 12, 't3.new', 'natural', '7');
    await set('national-2021', 'OLD', 12, 't3.new', 'total', '7');
    await set('national-2021', 'OLD', 12, 't3.carried_out', 'total', '2');
    await set('ledger-2021', 'NEW', 3, 't3.new', 'natural', '4');
    await set('ledger-2021', 'NEW', 3, 't3.new', 'total', '4');
    await set('ledger-2021', 'NEW', 3, 't3.carried_out', 'total', '1');
    await set('ledger-2021', 'NEW', 3, 'pub.total', '', '30');
    for (const templateId of ['national-2021', 'ledger-2021']) {
      const t = await b.invoke('office.totals', { templateId, period: { year: 2023, fromMonth: 1, toMonth: 12 } });
      expect(t.figures['t3.new:total'], templateId).toBe(11);
      expect(t.figures['t3.carried_out:total'], templateId).toBe(3);
      expect(t.reportingUnits, templateId).toBe(2);
    }
    const national = await b.invoke('office.totals', { templateId: 'national-2021', period: { year: 2023, fromMonth: 1, toMonth: 12 } });
    expect(national.figures['pub.total']).toBeUndefined();
    const draft = await b.invoke('report.draft', { templateId: 'ledger-2021', year: 2023, scope: { subtree: true } });
    expect(draft.paragraphs.find((p) => p.id === 'received')?.text).toContain('新收政府信息公开申请11件');
    expect(draft.paragraphs.find((p) => p.id === 'categories')?.text).toContain('主动公开政府信息30条');
  });
});
