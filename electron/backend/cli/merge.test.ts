import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_SHEET, type WorkbookUnit } from '../../../shared/workbook/format';
import { DETAIL_SHEET, STATUS_SHEET } from '../office/mergedExport';
import { defaultResourcesDir } from '../paths';
import { countFigures } from '../store/monthValues';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend, tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const dir = tempDir('ledger-cli-merge-');
const db = path.join(dir, 'data', 'ledger.sqlite');
const inbox = path.join(dir, 'inbox');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = (sql: string) => readOnly((d) => (d.prepare(sql).get() as { n: number }).n);

/** Every stored figure, in every month row. */
const storedValues = () => readOnly(countFigures);

function readOnly<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(db, { readonly: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}

beforeAll(async () => {
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const b = await tempBackend({ role: 'aggregator', dir: path.dirname(db) });
  await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'D02', name: '市教育局', kind: '部门', parentCode: 'TEST-01' });
  b.close();
  fs.mkdirSync(path.join(inbox, 'sub'), { recursive: true });
  for (const [code, name, file] of [
    ['D01', '市财政局', 'a.xlsx'],
    ['D02', '市教育局', 'sub/b.xlsx'],
  ]) {
    const unit: WorkbookUnit = { code, name, kind: '部门', parentCode: 'TEST-01' };
    fs.writeFileSync(path.join(inbox, file), await workbookBytes({ template: suining, unit, values: fillEveryCell(suining, code, MONTHS) }));
  }
  fs.writeFileSync(path.join(inbox, 'c.xlsx'), 'not a workbook');
});

describe('ledger merge', () => {
  it('usage errors exit 2', async () => {
    expect((await cli('merge', '--db', db)).code).toBe(2);
    expect((await cli('merge', inbox, '--db', db, '--period', '2017年')).code).toBe(2);
    expect((await cli('merge', path.join(dir, 'nowhere'), '--db', db)).code).toBe(2);
  });

  it('a dry run reports every file and writes nothing; one bad file gives exit 1', async () => {
    const r = await cli('merge', inbox, '--db', db, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.out).toContain('新增  a.xlsx  市财政局（D01）2017年 第 1 版');
    expect(r.out).toContain('拒绝  c.xlsx');
    expect(r.out).toContain('不是 Excel 工作簿');
    expect(r.out).toContain('预演（未写入）：共 3 个文件，新增 2');
    expect(storedValues()).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM import_log')).toBe(0);
  });

  it('imports, exports the merged workbook, and a second run changes nothing (exit 0 without the bad file)', async () => {
    const out = path.join(dir, '汇总.xlsx');
    const r = await cli('merge', inbox, '--db', db, '--out', out, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { summary: { counts: Record<string, number> }; merged: { unitCount: number; reportingUnits: number } };
    expect(json.summary.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(json.merged).toMatchObject({ unitCount: 3, reportingUnits: 2 });
    const values = storedValues();
    expect(values).toBe(2 * fillEveryCell(suining, 'x', MONTHS).length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([LEDGER_SHEET, DETAIL_SHEET, STATUS_SHEET]));
    const status = wb.getWorksheet(STATUS_SHEET)!;
    const rows: string[] = [];
    status.eachRow((row) => rows.push(String(row.getCell(1).value ?? '') + '|' + String(row.getCell(3).value ?? '')));
    expect(rows).toEqual(expect.arrayContaining(['市财政局|已报', '市教育局|已报']));
    // The detail sheet's total column is the sum of the two units.
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    // Title, note, then the header row (the printed layout); figures from row 4.
    const header = (detail.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['指标', '计量单位', '市财政局', '市教育局', '合计']);
    const r4 = detail.getRow(4);
    expect(Number(r4.getCell(5).value)).toBeCloseTo(Number(r4.getCell(3).value) + Number(r4.getCell(4).value), 2);
    expect(Number(r4.getCell(5).value)).toBeGreaterThan(0);

    fs.rmSync(path.join(inbox, 'c.xlsx'));
    const again = await cli('merge', inbox, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).toContain('无变化 2');
    expect(storedValues()).toBe(values);
  });

  it('prints the first rule findings of a file with how many more; --json has every one', async () => {
    const national = templates.get('national-2021')!;
    const own = path.join(dir, 'findings');
    fs.mkdirSync(path.join(own, 'data'), { recursive: true });
    const ownDb = path.join(own, 'data', 'ledger.sqlite');
    const b = await tempBackend({ role: 'aggregator', dir: path.dirname(ownDb) });
    await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
    b.close();
    const unit: WorkbookUnit = { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' };
    // Made-up figures in every cell break dozens of the national template's rules.
    fs.writeFileSync(path.join(own, 'n.xlsx'), await workbookBytes({ template: national, unit, values: fillEveryCell(national, 'D01', MONTHS) }));
    const json = await cli('merge', path.join(own, 'n.xlsx'), '--db', ownDb, '--dry-run', '--json');
    const plan = (JSON.parse(json.out) as { files: { violations: unknown[] }[] }).files[0];
    expect(plan.violations.length).toBeGreaterThan(20);
    const text = await cli('merge', path.join(own, 'n.xlsx'), '--db', ownDb, '--dry-run');
    expect(text.out).toContain(`……另有 ${plan.violations.length - 10} 条`);
  });
});
