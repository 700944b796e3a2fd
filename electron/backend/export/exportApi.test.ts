import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHART_SHEET, DATA_SHEET, LEDGER_SHEET, META_KEYS } from '../../../shared/workbook/format';
import { tempBackend, snapshot, type TempBackend } from '../testing/tempBackend';
import { seedTotals, spreadOverMonths } from '../testing/seedValues';
import { insertUnit } from '../store/units';

let b: TempBackend;
afterEach(() => b.dispose());

async function seed(backend: TempBackend) {
  const template = backend.ctx.templates.get('suining-2017')!;
  const values = spreadOverMonths(template, seedTotals(), 'TEST-01');
  await backend.invoke('values.setMany', {
    templateId: 'suining-2017',
    year: 2017,
    cells: values.map((v) => ({ month: v.month, indicator: v.indicator, col: v.col, raw: v.value })),
  });
}

async function open(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

function meta(wb: ExcelJS.Workbook) {
  const out: Record<string, unknown> = {};
  wb.getWorksheet(DATA_SHEET)!.eachRow((row, r) => r > 1 && r <= 1 + META_KEYS.length && (out[String(row.getCell(1).value)] = row.getCell(2).value));
  return out;
}

// Drawing the breakdown picture shapes CJK text: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('export.workbook', () => {
  it('exports the year with contact details and the breakdown picture; the revision grows with each export', async () => {
    b = await tempBackend();
    await seed(b);
    await b.invoke('settings.update', { contactPerson: '王五', contactPhone: '0825-1111111' });
    const first = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(first.fileName).toBe('2017年测试单位政务公开统计_2017台账_全年.xlsx');
    expect(first.revision).toBe(1);
    expect(first.empty).toBe(false);
    expect(first.notice).toBeNull();
    const wb = await open(first.base64);
    expect(meta(wb)).toMatchObject({ revision: 1, period: '2017', unit_code: 'TEST-01', fingerprint: first.fingerprint, app_version: '0.0.0-test' });
    const chart = wb.getWorksheet(CHART_SHEET)!;
    expect(chart.getImages()).toHaveLength(1);
    const cover: string[] = [];
    wb.worksheets[0].eachRow((row) => cover.push((row.values as unknown[]).slice(1).join('|')));
    expect(cover).toContain('联系人|王五');
    expect(cover).toContain('联系电话|0825-1111111');
    // Signed with this data file's own key, its code on the cover.
    const own = await b.invoke('keys.own', {});
    expect(meta(wb).public_key).toBe(own.publicKey);
    expect(cover).toContain(`签名密钥|${own.keyCode}`);

    const second = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(second.revision).toBe(2);
    // The fingerprint covers the revision: each export is told apart.
    expect(second.fingerprint).not.toBe(first.fingerprint);
    // Another period counts on its own.
    const march = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 3, toMonth: 3 } });
    expect(march.revision).toBe(1);
    expect(march.fileName).toBe('2017年测试单位政务公开统计_2017台账_3月.xlsx');
    expect(march.fingerprint).not.toBe(first.fingerprint);
    const log = b.ctx.store.db.prepare('SELECT period_key, revision, fingerprint, file_name FROM export_log ORDER BY id').all();
    expect(log).toEqual([
      { period_key: '2017', revision: 1, fingerprint: first.fingerprint, file_name: first.fileName },
      { period_key: '2017', revision: 2, fingerprint: second.fingerprint, file_name: first.fileName },
      { period_key: '2017-03', revision: 1, fingerprint: march.fingerprint, file_name: march.fileName },
    ]);
  });

  it('an empty period gives a valid workbook with blanks and says so', async () => {
    b = await tempBackend();
    const r = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2019, fromMonth: 1, toMonth: 6 } });
    expect(r.empty).toBe(true);
    expect(r.notice).toContain('没有任何数据');
    expect(r.fileName).toBe('2019年测试单位政务公开统计_2017台账_1-6月.xlsx');
    const wb = await open(r.base64);
    let row = 0;
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    ws.eachRow((x, i) => x.getCell(1).value === 'pub.total' && (row = i));
    for (let c = 4; c <= 10; c++) expect(ws.getCell(row, c).value).toBeNull();
    expect(wb.getWorksheet(CHART_SHEET)!.getImages()).toHaveLength(1);
  });

  it('a blank template has revision 0, kind blank, and is not logged', async () => {
    b = await tempBackend();
    await seed(b);
    const r = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 }, kind: 'blank' });
    expect(r.revision).toBe(0);
    expect(r.fileName).toBe('2017年测试单位政务公开统计_2017台账_全年_空白模板.xlsx');
    const wb = await open(r.base64);
    expect(meta(wb)).toMatchObject({ kind: 'blank', revision: 0 });
    expect(wb.getWorksheet(CHART_SHEET)).toBeUndefined();
    expect(b.ctx.store.db.prepare('SELECT count(*) AS n FROM export_log').get()).toEqual({ n: 0 });
  });

  it('a bundle carries the units below', async () => {
    b = await tempBackend({ role: 'aggregator' });
    const self = b.ctx.store.db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number };
    insertUnit(b.ctx.store.db, { code: 'T01', name: '某镇', kind: '乡镇', parentId: self.id });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 2, indicator: 'pub.total', raw: '4', unitCode: 'T01' });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 2, indicator: 'pub.total', raw: '6' });
    const r = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 2, toMonth: 2 }, kind: 'bundle' });
    const wb = await open(r.base64);
    expect(meta(wb)).toMatchObject({ kind: 'bundle', unit_code: 'TEST-01' });
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    let row = 0;
    ws.eachRow((x, i) => x.getCell(1).value === 'pub.total' && (row = i));
    expect(ws.getCell(row, 4).value).toBe(10);
    expect(r.fileName).toBe('2017年测试单位政务公开统计_2017台账_2月_汇总.xlsx');
  });

  it('refuses, changing nothing: no unit set up, a bad period, an unknown template', async () => {
    b = await tempBackend({ setup: false });
    const before = snapshot(b);
    const notSetUp = await b.call('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(notSetUp).toMatchObject({ ok: false, error: { code: 'not_setup' } });
    expect(notSetUp.ok ? '' : notSetUp.error.message).toContain('本单位名称和代码');
    const badPeriod = await b.call('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 13, toMonth: 13 } });
    // The field is named as people call it; its path is for the form to focus.
    expect(badPeriod).toMatchObject({ ok: false, error: { code: 'bad_request', where: 'period.fromMonth' } });
    expect(badPeriod.ok ? '' : badPeriod.error.message).toContain('起始月份');
    const noTemplate = await b.call('export.workbook', { templateId: 'nope', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(noTemplate).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(b)).toBe(before);
  });
});

describe('charts.breakdownPng', () => {
  it('renders the breakdown as a PNG; an empty period still gives a picture; templates without categories are refused', async () => {
    b = await tempBackend();
    await seed(b);
    const full = await b.invoke('charts.breakdownPng', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 }, scope: { subtree: true } });
    const png = Buffer.from(full.base64, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(full.width);
    expect(png.readUInt32BE(20)).toBe(full.height);
    const empty = await b.invoke('charts.breakdownPng', { templateId: 'suining-2017', period: { year: 2018, fromMonth: 1, toMonth: 12 }, scope: { subtree: true } });
    expect(empty.base64).not.toBe(full.base64);
    const refused = await b.call('charts.breakdownPng', { templateId: 'national-2021', period: { year: 2021, fromMonth: 1, toMonth: 12 }, scope: { subtree: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
