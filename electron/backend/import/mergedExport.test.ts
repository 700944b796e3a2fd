import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../../shared/values/period';
import { LEDGER_SHEET, type WorkbookUnit } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { rowOfCode } from '../testing/xlsxEdit';
import { readWorkbook } from './readWorkbook';
import { DETAIL_SHEET, STATUS_SHEET } from './mergedExport';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const national = templates.get('national-2021')!;

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
  await b.invoke('units.create', { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' });
  await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
});
afterEach(() => b.dispose());

async function importOne(unit: WorkbookUnit, template = suining, values: { indicator: string; col: string; value: number }[]) {
  const bytes = await workbookBytes({ template, unit, values: values.map((v) => ({ ...v, unitCode: unit.code, month: 3 })), period: monthPeriod(2017, 3) });
  const { batchId } = await b.invoke('import.begin', {});
  await b.invoke('import.add', { batchId, files: [{ name: `${unit.code}.xlsx`, base64: Buffer.from(bytes).toString('base64') }] });
  await b.invoke('import.apply', { batchId, count: 5 });
}

describe('merged export (汇总表)', () => {
  it('totals in the template layout, per-unit detail and status; importable one level up', async () => {
    await importOne({ code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' }, suining, [{ indicator: 'pub.total', col: '', value: 7 }]);
    await importOne({ code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' }, suining, [{ indicator: 'pub.total', col: '', value: 5 }]);
    const out = await b.invoke('import.mergedExport', { templateId: 'suining-2017', year: 2017, fromMonth: 3, toMonth: 3 });
    expect(out).toMatchObject({ unitCount: 4, reportingUnits: 2 });
    const bytes = Buffer.from(out.base64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('封面')!.getCell('A1').value).toBe('测试单位2017年3月政务公开统计汇总表');
    // The ledger sheet shows the level's total in the template's layout (column D = the period's only month).
    const row = rowOfCode(new Uint8Array(bytes), LEDGER_SHEET, 'pub.total');
    expect(wb.getWorksheet(LEDGER_SHEET)!.getCell(`D${row}`).value).toBe(12);
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    expect((detail.getRow(2).values as unknown[]).slice(1)).toEqual(['指标', '计量单位', '测试单位', '船山区', '船山区教育局', '市财政局', '合计']);
    const status = wb.getWorksheet(STATUS_SHEET)!;
    expect((status.getRow(2).values as unknown[]).slice(1)).toEqual(['单位', '代码', '3月']);
    const statuses: string[] = [];
    status.eachRow((r, n) => n > 2 && statuses.push(`${String(r.getCell(2).value)}:${String(r.getCell(3).value)}`));
    expect(statuses.sort()).toEqual(['C01-D1:已报', 'C01:逾期', 'D01:已报'].sort());
    // One level up, the 汇总表 reads back as a bundle of each unit's own figures.
    const back = readWorkbook(new Uint8Array(bytes), { templates: (id) => templates.get(id) });
    expect(back.meta.kind).toBe('bundle');
    expect(back.problems).toEqual([]);
    expect(back.differences).toEqual([]);
    expect(back.values.map((v) => `${v.unitCode}=${v.value}`).sort()).toEqual(['C01-D1=7', 'D01=5']);
  });

  it('national tables carry the level totals too', async () => {
    const cell = national.sections.find((s) => s.kind === 'table')!;
    if (cell.kind !== 'table') throw new Error('no table');
    const r = cell.rows.find((x) => x.code)!;
    await importOne({ code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' }, national, [{ indicator: r.code!, col: cell.columns[0].code, value: 4 }]);
    await importOne({ code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' }, national, [{ indicator: r.code!, col: cell.columns[0].code, value: 6 }]);
    const out = await b.invoke('import.mergedExport', { templateId: 'national-2021', year: 2017, fromMonth: 3, toMonth: 3 });
    const back = readWorkbook(new Uint8Array(Buffer.from(out.base64, 'base64')), { templates: (id) => templates.get(id) });
    expect(back.differences).toEqual([]);
    expect(back.values.reduce((s, v) => s + v.value, 0)).toBe(10);
  });
});
