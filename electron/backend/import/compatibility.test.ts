/**
 * One test per row of the compatibility table in docs/import.md: an office
 * on this release imports what units on this and earlier releases send, and
 * refuses, saying which version and what to do, what it cannot read.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, VALUE_COLUMNS_V1, WORKBOOK_FORMAT_VERSION, WORKBOOK_FORMATS, type WorkbookValue } from '../../../shared/workbook/format';
import type { Template } from '../../../shared/template/schema';
import { rowsFingerprint, workbookFingerprintV1 } from '../workbook/fingerprint';
import { packedRows } from '../../../shared/workbook/packedValues';
import { templateCells } from '../../../shared/template/cells';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { D01, national, suining, templates, useImportBackend, valuesFor } from '../testing/importHarness';

const h = useImportBackend();
const ledger = templates.get('ledger-2021')!;

/** The fingerprint releases before the signed format wrote: the packed rows only. */
const rowsOnly = (template: Template, values: WorkbookValue[]) => rowsFingerprint(template, '2017', packedRows(templateCells(template), ['D01'], values));

/** The workbook as another release wrote it: its data sheet's meta rows changed (and format 1's one row per value). */
async function rewritten(bytes: Uint8Array, meta: Record<string, string | number>, v1?: { template: Template; values: WorkbookValue[] }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  if (meta.format_version !== undefined) ws.getCell('B1').value = meta.format_version;
  let valuesAt = 0;
  ws.eachRow((row, r) => {
    const key = String(row.getCell(1).value);
    if (key in meta) row.getCell(2).value = meta[key];
    if (v1 && key === 'fingerprint') row.getCell(2).value = workbookFingerprintV1(v1.template, yearPeriod(2017), v1.values);
    if (key === '[values]') valuesAt = r;
  });
  if (v1) {
    ws.getRow(valuesAt + 1).values = [...VALUE_COLUMNS_V1];
    v1.values.forEach((v, i) => (ws.getRow(valuesAt + 2 + i).values = [v.unitCode, v.indicator, v.col === '' ? null : v.col, v.month, v.value]));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const nationalValues = (amount: number): WorkbookValue[] => [
  { unitCode: 'D01', indicator: 't3.new', col: 'natural', month: 3, value: 4 },
  { unitCode: 'D01', indicator: 't3.new', col: 'total', month: 3, value: 4 },
  { unitCode: 'D01', indicator: 't2.fees', col: 'amount', month: 12, value: amount },
];

describe('compatibility (docs/import.md): this release reads', () => {
  it('the formats it knows, oldest first, and writes the last', () => {
    expect(WORKBOOK_FORMATS.map((f) => f.version)).toEqual([1, 2, 3, 4]);
    expect(WORKBOOK_FORMAT_VERSION).toBe(4);
  });

  it('format 1 (one row per value), 2017 ledger v1: imported', async () => {
    const values = valuesFor('D01');
    const old = await rewritten(await workbookBytes({ template: suining, unit: D01, values, signer: null }), { format_version: 1 }, { template: suining, values });
    const r = await h.importFiles([['格式1.xlsx', old]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', problems: [], changedValues: values.length });
  });

  it('format 2 (the previous release), national template v1 with a two-place 万元 amount: imported, and adds up with the current ledger', async () => {
    const old = await rewritten(await workbookBytes({ template: national, unit: D01, values: nationalValues(1234.56), signer: null }), {
      format_version: 2,
      fingerprint: rowsOnly(national, nationalValues(1234.56)),
    });
    const r = await h.importFiles([['格式2.xlsx', old]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', problems: [], seal: { state: 'unsigned' } });
    await h.b.invoke('values.set', { templateId: 'ledger-2021', unitCode: 'C01', year: 2017, month: 5, indicator: 't2.fees', col: 'amount', raw: '0.0001' });
    const totals = await h.b.invoke('office.totals', { templateId: 'ledger-2021', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(totals.figures['t2.fees:amount']).toBe(1234.5601);
    expect(totals.figures['t3.new:total']).toBe(4);
  });

  it('format 3 (the release before sealed submissions), four-place amounts, unsigned: imported, marked 未签名', async () => {
    const values = nationalValues(59237.2449);
    const old = await rewritten(await workbookBytes({ template: national, unit: D01, values, signer: null }), { format_version: 3, fingerprint: rowsOnly(national, values) });
    const r = await h.importFiles([['格式3.xlsx', old]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', problems: [], seal: { state: 'unsigned' } });
    // Once the unit has a key, an unsigned file from it is refused unless the office accepts it.
    await h.b.invoke('keys.set', { unitCode: 'D01', publicKey: unitSigner('D01').publicKey, reason: '电话核对' });
    const again = await h.importFiles([['格式3再报.xlsx', old]]);
    expect(again.plans[0].problems.map((p) => p.code)).toEqual(['unsigned_from_keyed_unit']);
  });

  it('format 4 (this release, signed), national v1 and the current ledger v1 with four-place amounts: imported exactly', async () => {
    const a = await workbookBytes({ template: national, unit: D01, values: nationalValues(59237.2449) });
    const c01 = { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' };
    const b = await workbookBytes({ template: ledger, unit: c01, values: nationalValues(0.0001).map((v) => ({ ...v, unitCode: 'C01' })) });
    const r = await h.importFiles([['国家格式.xlsx', a], ['现行台账.xlsx', b]]);
    expect(r.plans.map((p) => [p.status, p.problems, p.seal?.state])).toEqual([
      ['new', [], 'new_key'],
      ['new', [], 'new_key'],
    ]);
    const totals = await h.b.invoke('office.totals', { templateId: 'national-2021', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(totals.figures['t2.fees:amount']).toBe(59237.245);
  });

  it('this format with and without month states (month_state / explanation meta rows, signed with the rest): both imported, completion recorded where stated', async () => {
    const values = valuesFor('D01').filter((v) => v.month <= 2);
    const states = [{ unitCode: 'D01', month: 1, state: 'completed' as const, completedAt: '2017-02-03T02:00:00.000Z', explanations: [{ key: 'month:x', explanation: '已核实', message: '提醒' }] }];
    const withStates = await workbookBytes({ template: suining, unit: D01, values, monthStates: states });
    const without = await workbookBytes({ template: suining, unit: D01, values, revision: 2 });
    const r = await h.importFiles([
      ['有月份状态.xlsx', withStates],
      ['无月份状态.xlsx', without],
    ]);
    expect(r.plans.map((p) => [p.status, p.problems])).toEqual([
      ['new', []],
      ['unchanged', []],
    ]);
    // The later file states no completion: the record follows it.
    const m = await h.b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-01-10' });
    expect(m.rows.find((x) => x.code === 'D01')!.cells.slice(0, 3).map((c) => c.status)).toEqual(['received', 'received', 'overdue']);
    const again = await h.importFiles([['有月份状态_第3版.xlsx', await workbookBytes({ template: suining, unit: D01, values, monthStates: states, revision: 3 })]]);
    expect(again.plans[0].problems).toEqual([]);
    const m2 = await h.b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-01-10' });
    expect(m2.rows.find((x) => x.code === 'D01')!.cells[0]).toMatchObject({ status: 'completed', explanations: [{ message: '提醒', explanation: '已核实' }] });
  });

  it('a later format: refused, naming its version and asking to upgrade', async () => {
    const later = await rewritten(await workbookBytes({ template: national, unit: D01, values: nationalValues(1) }), { format_version: WORKBOOK_FORMAT_VERSION + 1 });
    const before = h.figures();
    const r = await h.importFiles([['新格式.xlsx', later]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(r.plans[0].problems[0]).toMatchObject({ code: 'newer_format' });
    expect(r.plans[0].problems[0].message).toBe(`此文件由较新版本的软件导出（工作簿格式第 ${WORKBOOK_FORMAT_VERSION + 1} 版，本软件能读第 1–${WORKBOOK_FORMAT_VERSION} 版），请升级本软件后再导入`);
    expect(h.figures()).toBe(before);
  });

  it('another version of a template: refused, saying which side must upgrade', async () => {
    const bytes = await workbookBytes({ template: national, unit: D01, values: nationalValues(1) });
    const newer = await h.importFiles([['新版模板.xlsx', await rewritten(bytes, { template_version: national.version + 1 })]]);
    expect(newer.plans[0].problems[0]).toMatchObject({ code: 'template_version' });
    expect(newer.plans[0].problems[0].message).toContain(`文件使用《${national.name}》第 ${national.version + 1} 版，本软件为第 ${national.version} 版`);
    expect(newer.plans[0].problems[0].message).toContain('请升级本软件');
    const older = await h.importFiles([['旧版模板.xlsx', await rewritten(bytes, { template_version: 0 })]]);
    expect(older.plans[0].problems[0].message).toContain('请报送单位升级软件');
  });

  it('a template this release does not have (a later release\'s): refused, naming it', async () => {
    const bytes = await workbookBytes({ template: national, unit: D01, values: nationalValues(1) });
    const r = await h.importFiles([['未知模板.xlsx', await rewritten(bytes, { template_id: 'ledger-2031' })]]);
    expect(r.plans[0].problems[0]).toMatchObject({ code: 'unknown_template', message: expect.stringContaining('报表模板“ledger-2031”不在本软件中') });
  });
});
