import path from 'node:path';
import ExcelJS from 'exceljs';
import { unpackValueRows } from '../testing/dataRows';
import { describe, expect, it } from 'vitest';
import { cellRef, templateCells } from '../../../shared/template/cells';
import { monthPeriod, yearPeriod, type Period } from '../../../shared/values/period';
import { rollupMonths } from '../../../shared/values/rollup';
import {
  CHART_SHEET,
  COVER_SHEET,
  DATA_MARKER,
  DATA_SHEET,
  LEDGER_SHEET,
  META_KEYS,
  TABLE_COLS_MARKER,
  UNITS_MARKER,
  VALUES_MARKER,
  WORKBOOK_FORMAT_VERSION,
  workbookSheets,
  type WorkbookUnit,
  type WorkbookValue,
} from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { fillEveryCell, seedTotals, spreadOverMonths } from '../testing/seedValues';
import { EMPTY_NOTICE, writeWorkbookBuffer } from './buildWorkbook';
import { identityFingerprint } from '../workbook/fingerprint';
import { shortFingerprint } from '../../../shared/text/readableCode';
import { packedRows } from '../../../shared/workbook/packedValues';
import { canonicalSealText } from '../../../shared/workbook/sealText';
import { groupUnitMonths } from '../../../shared/workbook/unitMonths';
import { unitSigner } from '../testing/importFixtures';
import { publicKeyCode, verifyText } from '../workbook/seal';
import type { WorkbookInput } from './workbookInput';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const national = templates.get('national-2021')!;
const unit: WorkbookUnit = { code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' };
const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function input(over: Partial<WorkbookInput>): WorkbookInput {
  return {
    kind: 'submission',
    template: suining,
    period: yearPeriod(2017),
    unit,
    units: [unit],
    values: [],
    revision: 3,
    exportedAt: '2018-01-05T08:30:00.000Z',
    appVersion: '0.1.0-test',
    contact: { person: '李四', phone: '0825-2222222' },
    signer: unitSigner('D01'),
    ...over,
  };
}

async function readBack(i: WorkbookInput) {
  const out = await writeWorkbookBuffer(i);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.buffer as unknown as ExcelJS.Buffer);
  return { wb, out };
}

/** The data sheet parsed as format.ts describes it. */
function parseDataSheet(ws: ExcelJS.Worksheet) {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  const meta = Object.fromEntries(rows.slice(1, 1 + META_KEYS.length).map((r) => [r[0], r[1]]));
  const unitsAt = rows.findIndex((r) => r[0] === UNITS_MARKER);
  const valuesAt = rows.findIndex((r) => r[0] === VALUES_MARKER);
  const units = rows.slice(unitsAt + 2, valuesAt - 1).filter((r) => r.length > 0);
  const values = unpackValueRows(rows.slice(valuesAt + 2));
  return { head: rows[0], meta, units, values, keys: rows.slice(1, 1 + META_KEYS.length).map((r) => r[0]) };
}

/** code in hidden column A → { header text → cell value } for the ledger sheet. */
function ledgerRows(ws: ExcelJS.Worksheet) {
  const header = ws.getRow(3).values as unknown[];
  const out = new Map<string, Record<string, unknown>>();
  ws.eachRow((row, r) => {
    if (r <= 3) return;
    const code = row.getCell(1).value;
    if (typeof code !== 'string' || code === '') return;
    const rec: Record<string, unknown> = {};
    header.forEach((h, c) => typeof h === 'string' && (rec[h] = row.getCell(c).value));
    out.set(code, rec);
  });
  return out;
}

const sortValues = (vs: WorkbookValue[]) => [...vs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('submission workbook: Suining ledger, whole year', async () => {
  const values = spreadOverMonths(suining, seedTotals(), 'D01');
  const { wb, out } = await readBack(input({ values }));

  it('has the cover, the ledger, the hidden data sheet, in that order', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe(COVER_SHEET);
    expect(names[1]).toBe(LEDGER_SHEET);
    expect(names[names.length - 1]).toBe(DATA_SHEET);
    expect(wb.getWorksheet(DATA_SHEET)!.state).toBe('veryHidden');
    expect(wb.getWorksheet(LEDGER_SHEET)!.state).not.toBe('hidden');
    expect(names).not.toContain(CHART_SHEET); // no picture given
  });

  it('writes the data sheet exactly as format.ts says', () => {
    const d = parseDataSheet(wb.getWorksheet(DATA_SHEET)!);
    expect(d.head).toEqual([DATA_MARKER, WORKBOOK_FORMAT_VERSION]);
    expect(d.keys).toEqual([...META_KEYS]);
    expect(d.meta).toMatchObject({
      format_version: WORKBOOK_FORMAT_VERSION,
      kind: 'submission',
      template_id: 'suining-2017',
      template_version: 1,
      unit_code: 'D01',
      unit_name: '遂宁市财政局',
      period: '2017',
      revision: 3,
      exported_at: '2018-01-05T08:30:00.000Z',
      app_version: '0.1.0-test',
      fingerprint: out.fingerprint,
    });
    expect(d.units).toEqual([['D01', '遂宁市财政局', '部门', '']]);
    expect(sortValues(d.values)).toEqual(sortValues(values));
    // The fingerprint covers who sent it and the revision, not only the rows.
    const rows = packedRows(templateCells(suining), ['D01'], d.values);
    const identity = { kind: 'submission', unitCode: 'D01', unitName: '遂宁市财政局', revision: 3, units: [unit] };
    expect(out.fingerprint).toBe(identityFingerprint(suining, '2017', identity, rows));
    expect(out.fingerprint).not.toBe(identityFingerprint(suining, '2017', { ...identity, revision: 4 }, rows));
    // Signed by the exporting file's key over every meta row but the signature, the units and the values.
    expect(d.meta.public_key).toBe(unitSigner('D01').publicKey);
    const signed = (meta: Record<string, unknown>) =>
      canonicalSealText({
        meta: [[DATA_MARKER, WORKBOOK_FORMAT_VERSION], ...Object.entries(meta).map(([k, v]) => [k, v as string | number])],
        units: [unit],
        cells: templateCells(suining),
        months: groupUnitMonths(d.values),
      });
    expect(verifyText(String(d.meta.public_key), signed(d.meta), String(d.meta.signature))).toBe(true);
    expect(verifyText(String(d.meta.public_key), signed({ ...d.meta, revision: 4 }), String(d.meta.signature))).toBe(false);
    expect(out.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows every month and the year roll-up on the ledger sheet, agreeing with the data sheet', () => {
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.getColumn(1).hidden).toBe(true);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['代码', '指标', '单位', ...ALL_MONTHS.map((m) => `${m}月`), '全年']);
    const rows = ledgerRows(ws);
    expect(rows.size).toBe([...templateCells(suining).values()].length);
    const totals = seedTotals();
    for (const [ref, total] of Object.entries(totals)) expect(rows.get(ref)!['全年'], ref).toBe(total);
    for (const v of values) expect(rows.get(v.indicator)![`${v.month}月`]).toBe(v.value);
    expect(rows.get('pub.total')!['单位']).toBe('条');
    expect(rows.get('pub.total')!['指标']).toBe('主动公开政府信息总数');
  });

  it('is laid out for print: frozen header, A4 landscape fit to width, header row repeated, CJK font, amounts 0.00', () => {
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.getCell('B1').font.name).toBe('宋体');
    const feeRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'fee.charged')!;
    expect(feeRow.getCell(4).numFmt).toBe('0.00');
    const titles: unknown[] = [];
    ws.eachRow((row) => row.getCell(1).value === null && titles.push(row.getCell(2).value));
    expect(titles).toContain('一、主动公开政府信息');
    expect(titles).toContain('按信息类别');
  });

  it('puts contact, revision and fingerprint on the cover', () => {
    const text: string[] = [];
    wb.getWorksheet(COVER_SHEET)!.eachRow((row) => text.push((row.values as unknown[]).slice(1).join('|')));
    const all = text.join('\n');
    for (const s of ['单位名称|遂宁市财政局', '单位代码|D01', '统计期间|2017年', '联系人|李四', '联系电话|0825-2222222', '修订号|第 3 次导出', `内容指纹|${shortFingerprint(out.fingerprint)}`, `完整指纹|${out.fingerprint}`, '软件版本|政务公开台账 0.1.0-test', `签名密钥|${publicKeyCode(unitSigner('D01').publicKey)}`]) {
      expect(all).toContain(s);
    }
    expect(all).toContain('政务公开月度台账（2017年遂宁口径）（suining-2017，第 1 版）');
    expect(out.empty).toBe(false);
    expect(out.notice).toBeNull();
  });
});

describe('submission workbook: national tables', async () => {
  const values = fillEveryCell(national, 'D01', ALL_MONTHS);
  const { wb } = await readBack(input({ template: national, period: yearPeriod(2021), values }));
  const cells = templateCells(national);
  const expected = (ref: string) => {
    const months: (number | null)[] = new Array(13).fill(null);
    for (const v of values) if (cellRef(v.indicator, v.col) === ref) months[v.month] = v.value;
    const c = cells.get(ref)!;
    return rollupMonths(months, c.rollup, c.valueKind);
  };

  /** Every coded value cell of a table sheet: ref → value, read by the hidden codes. */
  function tableValues(ws: ExcelJS.Worksheet) {
    const out = new Map<string, unknown>();
    let colCodes = new Map<number, string>();
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a !== 'string') return;
      if (a.startsWith(TABLE_COLS_MARKER)) {
        expect(row.hidden).toBe(true);
        colCodes = new Map();
        row.eachCell((cell, c) => c > 1 && colCodes.set(c, String(cell.value)));
        return;
      }
      for (const [c, code] of colCodes) out.set(`${a}:${code}`, row.getCell(c).value);
    });
    return out;
  }

  it('puts the four small tables of 二 on one sheet, then 三 and 四', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([COVER_SHEET, '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', DATA_SHEET]);
    expect(workbookSheets(national).map((s) => s.sections.map((x) => x.code))).toEqual([['t2_1', 't2_5', 't2_6', 't2_8'], ['t3'], ['t4']]);
  });

  it('every value cell on the table sheets equals the roll-up of the data sheet', () => {
    const seen = new Map<string, unknown>();
    for (const ws of wb.worksheets.slice(1, 4)) {
      expect(ws.getRow(1).hidden).toBe(true);
      expect(ws.getColumn(1).hidden).toBe(true);
      for (const [k, v] of tableValues(ws)) seen.set(k, v);
    }
    expect(seen.size).toBe(cells.size);
    for (const ref of cells.keys()) expect(seen.get(ref), ref).toBe(expected(ref));
  });

  it('lays out table 三 like the official table: merged headers, verbatim labels, the corner note', () => {
    const ws = wb.getWorksheet('三、收到和处理政府信息公开申请情况')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(ws.getCell('A1').value).toBe(`${TABLE_COLS_MARKER} t3`);
    expect(ws.getCell('B4').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(merges).toContain('B4:D6'); // corner over three label columns and three header rows
    expect(ws.getCell('E4').value).toBe('申请人情况');
    expect(merges).toContain('E4:K4');
    expect(ws.getCell('F5').value).toBe('法人或其他组织');
    expect(merges).toContain('F5:J5');
    expect(ws.getCell('E5').value).toBe('自然人');
    expect(merges).toContain('E5:E6');
    expect(ws.getCell('K5').value).toBe('总计');
    expect((ws.getRow(6).values as unknown[]).slice(6, 11)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const labels: unknown[] = [];
    ws.eachRow((row) => labels.push(row.getCell(2).value, row.getCell(3).value, row.getCell(4).value));
    for (const l of ['三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”', '（七）总计', '四、结转下年度继续办理']) expect(labels).toContain(l);
    expect(ws.pageSetup.printTitlesRow).toBe('4:6');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
  });

  it('lays out table 四 with its three header levels: 行政复议 | 行政诉讼 → 未经复议直接起诉, 复议后起诉', () => {
    const ws = wb.getWorksheet('四、政府信息公开行政复议、行政诉讼情况')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(ws.getCell('C4').value).toBe('行政复议');
    expect(merges).toContain('C4:G4');
    expect(ws.getCell('C5').value).toBe('结果维持');
    expect(merges).toContain('C5:C6');
    expect(ws.getCell('H4').value).toBe('行政诉讼');
    expect(merges).toContain('H4:Q4');
    expect(ws.getCell('H5').value).toBe('未经复议直接起诉');
    expect(merges).toContain('H5:L5');
    expect(ws.getCell('M5').value).toBe('复议后起诉');
    expect(merges).toContain('M5:Q5');
    expect((ws.getRow(6).values as unknown[]).slice(8, 18)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });

  it('formats the fee amount (万元) with its four decimals and widens the one-column tables', () => {
    const ws = wb.getWorksheet('二、主动公开政府信息情况')!;
    let feeRow = 0;
    ws.eachRow((row, r) => row.getCell(1).value === 't2.fees' && (feeRow = r));
    expect(ws.getCell(feeRow, 3).numFmt).toBe('0.0000');
    expect((ws.model as unknown as { merges: string[] }).merges).toContain(`C${feeRow}:E${feeRow}`);
  });
});

describe('periods, bundles, blanks and empty periods', () => {
  it('a range has its months and a roll-up headed 1-6月; stocks take the last month', async () => {
    const period: Period = { year: 2017, fromMonth: 1, toMonth: 6 };
    const values = spreadOverMonths(suining, seedTotals(), 'D01').filter((v) => v.month <= 6);
    const { wb } = await readBack(input({ period, values }));
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect((ws.getRow(3).values as unknown[]).slice(4)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '1-6月']);
    const rows = ledgerRows(ws);
    const cum = values.filter((v) => v.indicator === 'pub.cumulative');
    expect(rows.get('pub.cumulative')!['1-6月']).toBe(cum.find((v) => v.month === 6)!.value);
    expect(rows.get('pub.total')!['1-6月']).toBe(values.filter((v) => v.indicator === 'pub.total').reduce((s, v) => s + v.value, 0));
    expect(parseDataSheet(wb.getWorksheet(DATA_SHEET)!).meta.period).toBe('2017-01..2017-06');
  });

  it('a single month has no roll-up column', async () => {
    const values = spreadOverMonths(suining, seedTotals(), 'D01').filter((v) => v.month === 3);
    const { wb } = await readBack(input({ period: monthPeriod(2017, 3), values }));
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['代码', '指标', '单位', '3月']);
    expect(parseDataSheet(wb.getWorksheet(DATA_SHEET)!).meta.period).toBe('2017-03');
  });

  it('a bundle carries each unit with its own values; visible sheets show their sum', async () => {
    const child: WorkbookUnit = { code: 'T01', name: '某某镇人民政府', kind: '乡镇', parentCode: 'D01' };
    const own = [
      { unitCode: 'D01', indicator: 'pub.total', col: '', month: 1, value: 5 },
      { unitCode: 'D01', indicator: 'pub.cumulative', col: '', month: 12, value: 100 },
      { unitCode: 'D01', indicator: 'fee.charged', col: '', month: 1, value: 0.1 },
    ];
    const theirs = [
      { unitCode: 'T01', indicator: 'pub.total', col: '', month: 1, value: 7 },
      { unitCode: 'T01', indicator: 'pub.cumulative', col: '', month: 11, value: 40 },
      { unitCode: 'T01', indicator: 'fee.charged', col: '', month: 1, value: 0.2 },
    ];
    const { wb } = await readBack(input({ kind: 'bundle', units: [unit, child], values: [...own, ...theirs] }));
    const d = parseDataSheet(wb.getWorksheet(DATA_SHEET)!);
    expect(d.meta.kind).toBe('bundle');
    expect(d.units).toEqual([
      ['D01', '遂宁市财政局', '部门', ''],
      ['T01', '某某镇人民政府', '乡镇', 'D01'],
    ]);
    expect(sortValues(d.values)).toEqual(sortValues([...own, ...theirs]));
    const rows = ledgerRows(wb.getWorksheet(LEDGER_SHEET)!);
    expect(rows.get('pub.total')!['1月']).toBe(12);
    expect(rows.get('fee.charged')!['1月']).toBe(0.3);
    // Each unit's stock rolled up on its own: 100 (December) + 40 (November).
    expect(rows.get('pub.cumulative')!['全年']).toBe(140);
  });

  it('a blank template: kind blank, no values, inputs unlocked and validated, the rest protected', async () => {
    const { wb, out } = await readBack(input({ kind: 'blank', values: spreadOverMonths(suining, seedTotals(), 'D01') }));
    const d = parseDataSheet(wb.getWorksheet(DATA_SHEET)!);
    expect(d.meta.kind).toBe('blank');
    expect(d.values).toEqual([]);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const rows = ledgerRows(ws);
    expect(rows.get('pub.total')!['5月']).toBeNull();
    let totalRow = 0;
    ws.eachRow((row, r) => row.getCell(1).value === 'pub.total' && (totalRow = r));
    const input5 = ws.getCell(totalRow, 8);
    expect(input5.protection?.locked).toBe(false);
    expect(input5.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(ws.getCell(totalRow, 2).protection?.locked).not.toBe(false);
    expect(ws.getCell(totalRow, 16).value).toMatchObject({ formula: expect.stringContaining('SUM(D') });
    let feeRow = 0;
    ws.eachRow((row, r) => row.getCell(1).value === 'fee.charged' && (feeRow = r));
    expect(ws.getCell(feeRow, 4).dataValidation).toMatchObject({ type: 'custom' });
    const cover: string[] = [];
    wb.getWorksheet(COVER_SHEET)!.eachRow((row) => cover.push(String(row.getCell(1).value)));
    expect(cover).toContain('填写说明');
    expect(out.empty).toBe(true);
  });

  it('a blank national template unlocks every table value cell', async () => {
    const { wb } = await readBack(input({ kind: 'blank', template: national, period: yearPeriod(2021) }));
    const ws = wb.getWorksheet('四、政府信息公开行政复议、行政诉讼情况')!;
    let row = 0;
    ws.eachRow((r, i) => r.getCell(1).value === 't4.cases' && (row = i));
    for (let c = 3; c <= 17; c++) {
      expect(ws.getCell(row, c).protection?.locked).toBe(false);
      expect(ws.getCell(row, c).value).toBeNull();
    }
  });

  it('an empty period gives blanks, not zeros, and says so', async () => {
    const { wb, out } = await readBack(input({ values: [] }));
    expect(out.empty).toBe(true);
    expect(out.notice).toBe(EMPTY_NOTICE);
    const rows = ledgerRows(wb.getWorksheet(LEDGER_SHEET)!);
    for (const rec of rows.values()) for (const h of ['1月', '12月', '全年']) expect(rec[h]).toBeNull();
    const cover: string[] = [];
    wb.getWorksheet(COVER_SHEET)!.eachRow((row) => cover.push(String(row.getCell(1).value)));
    expect(cover).toContain(EMPTY_NOTICE);
  });

  it('values outside the period or the template are not shown', async () => {
    const values = [
      { unitCode: 'D01', indicator: 'pub.total', col: '', month: 2, value: 9 },
      { unitCode: 'D01', indicator: 'pub.total', col: '', month: 5, value: 4 },
      { unitCode: 'D01', indicator: 'no.such', col: '', month: 2, value: 4 },
    ];
    const { wb } = await readBack(input({ period: { year: 2017, fromMonth: 1, toMonth: 3 }, values }));
    expect(ledgerRows(wb.getWorksheet(LEDGER_SHEET)!).get('pub.total')!['1-3月']).toBe(9);
    expect(parseDataSheet(wb.getWorksheet(DATA_SHEET)!).values).toEqual([values[0]]);
  });
});
