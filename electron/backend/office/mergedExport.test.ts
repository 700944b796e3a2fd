import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../../shared/values/period';
import { templateCells } from '../../../shared/template/cells';
import { LEDGER_SHEET, type WorkbookUnit } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { rowOfCode } from '../testing/xlsxEdit';
import { readWorkbook } from '../import/readWorkbook';
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
  await b.invoke('import.add', { batchId, files: [{ name: `${unit.code}.xlsx`, bytes }] });
  await b.invoke('import.apply', { batchId, count: 5 });
}

describe('merged export (汇总表)', () => {
  it('totals in the template layout, per-unit detail of the reporting units and status; refused if imported', async () => {
    await importOne({ code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' }, suining, [{ indicator: 'pub.total', col: '', value: 7 }]);
    await importOne({ code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' }, suining, [{ indicator: 'pub.total', col: '', value: 5 }]);
    const out = await b.invoke('office.totalsXlsx', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 3, toMonth: 3 } });
    expect(out).toMatchObject({ unitCount: 4, reportingUnits: 2 });
    const bytes = Buffer.from(out.base64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('封面')!.getCell('A1').value).toBe('测试单位2017年3月政务公开统计汇总表');
    // The ledger sheet shows the level's total in the template's layout (column D = the period's only month).
    const row = rowOfCode(new Uint8Array(bytes), LEDGER_SHEET, 'pub.total');
    expect(wb.getWorksheet(LEDGER_SHEET)!.getCell(`D${row}`).value).toBe(12);
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    expect((detail.getRow(3).values as unknown[]).slice(1)).toEqual(['指标', '计量单位', '船山区教育局', '市财政局', '合计']);
    const detailRow = [...templateCells(suining).keys()].indexOf('pub.total') + 4;
    expect((detail.getRow(detailRow).values as unknown[]).slice(3)).toEqual([7, 5, 12]);
    const status = wb.getWorksheet(STATUS_SHEET)!;
    expect((status.getRow(3).values as unknown[]).slice(1)).toEqual(['单位', '代码', '3月']);
    const statuses: string[] = [];
    status.eachRow((r, n) => n > 3 && statuses.push(`${String(r.getCell(2).value)}:${String(r.getCell(3).value)}`));
    expect(statuses.sort()).toEqual(['C01-D1:已报', 'C01:逾期', 'D01:已报'].sort());
    // Ruled like a printed table: every cell bordered, statuses centred.
    expect(status.getCell('A4').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(detail.getCell(`C${detailRow + 1}`).border).toMatchObject({ left: { style: 'thin' }, right: { style: 'thin' } });
    expect(status.getCell('C4')).toMatchObject({ alignment: { horizontal: 'center' }, font: { size: 10 }, border: { left: { style: 'thin' } } });
    // Printed A4 landscape, one page across for two units, header row and label columns on every page.
    for (const ws of [detail, status]) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', printTitlesColumn: 'A:B' });
    }
    expect(detail.getCell('A1').value).toBe('测试单位2017年3月政务公开统计分单位明细');
    // It has only totals: importing it one level up would count the units twice, so it is refused.
    expect(() => readWorkbook(new Uint8Array(bytes), { templates: (id) => templates.get(id) })).toThrow(/汇总表.*不能导入.*汇总报送表/);
    const { batchId } = await b.invoke('import.begin', {});
    await b.invoke('import.add', { batchId, files: [{ name: '汇总表.xlsx', bytes: Buffer.from(out.base64, 'base64') }] });
    const plan = await b.invoke('import.plan', { batchId });
    expect(plan.files[0]).toMatchObject({ status: 'rejected', problems: [{ code: 'summary_not_importable' }] });
  });

  it('national tables carry the level totals too', async () => {
    const cell = national.sections.find((s) => s.kind === 'table')!;
    if (cell.kind !== 'table') throw new Error('no table');
    const r = cell.rows.find((x) => x.code)!;
    await importOne({ code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' }, national, [{ indicator: r.code!, col: cell.columns[0].code, value: 4 }]);
    await importOne({ code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' }, national, [{ indicator: r.code!, col: cell.columns[0].code, value: 6 }]);
    const out = await b.invoke('office.totalsXlsx', { templateId: 'national-2021', period: { year: 2017, fromMonth: 3, toMonth: 3 } });
    const bytes = new Uint8Array(Buffer.from(out.base64, 'base64'));
    const sheet = r.code!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const tableSheet = wb.worksheets.find((ws) => ws.name !== '封面' && ws.getColumn(1).values.includes(sheet))!;
    const row = tableSheet.getColumn(1).values.indexOf(sheet);
    // The column under the table's hidden [cols] code row that names the column code holds the level total.
    let col = 0;
    tableSheet.eachRow((x, n) => {
      if (n < row && String(x.getCell(1).value ?? '').startsWith('[cols]')) x.eachCell((c, i) => c.value === cell.columns[0].code && (col = i));
    });
    expect(tableSheet.getRow(row).getCell(col).value).toBe(10);
  });
});
