/**
 * A real spreadsheet program must agree with us: LibreOffice (headless)
 * converts exported workbooks to CSV — every sheet — and to PDF. The CSV
 * numbers must be ours; the ledger sheet must print one page wide on A4
 * landscape. LibreOffice is slow to start, so conversions are batched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellRef, templateCells } from '../../../shared/template/cells';
import { yearPeriod } from '../../../shared/values/period';
import { rollupMonths } from '../../../shared/values/rollup';
import { DATA_SHEET, LEDGER_SHEET, TABLE_COLS_MARKER, WORKBOOK_FORMAT_VERSION, type WorkbookUnit, type WorkbookValue } from '../../../shared/workbook/format';
import { unpackValueRows } from '../testing/dataRows';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { tempDir } from '../testing/tempBackend';
import { fillEveryCell, seedTotals, spreadOverMonths } from '../testing/seedValues';
import { buildWorkbook, writeWorkbookBuffer } from './buildWorkbook';
import type { WorkbookInput } from './workbookInput';
import { parseDelimited } from '../../../shared/values/delimited';

const LO_TIMEOUT = 240_000;
const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const national = templates.get('national-2021')!;
const unit: WorkbookUnit = { code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' };
const dir = tempDir('ledger-lo-');
const profile = `file://${path.join(dir, 'lo-profile')}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base = (over: Partial<WorkbookInput>): WorkbookInput => ({
  kind: 'submission', template: suining, period: yearPeriod(2017), unit, units: [unit], values: [],
  revision: 1, exportedAt: '2018-01-05T08:30:00.000Z', appVersion: 't', ...over,
});

function soffice(args: string[]) {
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args, '--outdir', dir], { cwd: dir, timeout: LO_TIMEOUT, stdio: 'pipe' });
}

const csvOf = (book: string, sheet: string) => parseDelimited(fs.readFileSync(path.join(dir, `${book}-${sheet}.csv`), 'utf8'), ',');

const suiningValues = spreadOverMonths(suining, seedTotals(), 'D01');
const nationalValues = fillEveryCell(national, 'D01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'suining.xlsx'), (await writeWorkbookBuffer(base({ values: suiningValues }))).buffer);
  fs.writeFileSync(
    path.join(dir, 'national.xlsx'),
    (await writeWorkbookBuffer(base({ template: national, period: yearPeriod(2021), values: nationalValues }))).buffer,
  );
  // The ledger sheet alone, for the print check.
  const { workbook } = buildWorkbook(base({ values: suiningValues }));
  for (const ws of [...workbook.worksheets]) if (ws.name !== LEDGER_SHEET) workbook.removeWorksheet(ws.id);
  fs.writeFileSync(path.join(dir, 'ledger-only.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
  // Every sheet to its own UTF-8 CSV (token 12 = -1), formatted as shown (token 9 = false keeps raw numbers).
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', 'suining.xlsx', 'national.xlsx']);
  soffice(['--convert-to', 'pdf', 'ledger-only.xlsx', 'national.xlsx']);
}, LO_TIMEOUT * 3);

describe('LibreOffice reads what we write', () => {
  it('the ledger sheet as CSV: every month and year figure, by the hidden code column', () => {
    const rows = csvOf('suining', LEDGER_SHEET);
    const header = rows.find((r) => r[0] === '代码')!;
    const byCode = new Map(rows.filter((r) => /^[a-z]/.test(r[0])).map((r) => [r[0], r]));
    expect(byCode.size).toBe(templateCells(suining).size);
    for (const v of suiningValues) expect(Number(byCode.get(v.indicator)![header.indexOf(`${v.month}月`)]), v.indicator).toBe(v.value);
    for (const [ref, total] of Object.entries(seedTotals())) expect(Number(byCode.get(ref)![header.indexOf('全年')]), ref).toBe(total);
    expect(byCode.get('fee.charged')![header.indexOf('1月')]).toBe('0');
  });

  it('the hidden data sheet is there and carries every value', () => {
    const rows = csvOf('suining', DATA_SHEET);
    expect(rows[0].slice(0, 2)).toEqual(['LEDGER-DATA', String(WORKBOOK_FORMAT_VERSION)]);
    const start = rows.findIndex((r) => r[0] === '[values]') + 2;
    const values = unpackValueRows(rows.slice(start));
    const key = (v: WorkbookValue) => `${v.unitCode} ${v.indicator} ${v.col} ${v.month} ${v.value}`;
    expect(values.map(key).sort()).toEqual(suiningValues.map(key).sort());
  });

  it('the national table sheets as CSV: every coded cell equals our roll-up', () => {
    const seen = new Map<string, number>();
    for (const sheet of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
      let cols: string[] = [];
      for (const r of csvOf('national', sheet)) {
        if (r[0].startsWith(TABLE_COLS_MARKER)) cols = r;
        else if (/^t\d/.test(r[0])) cols.forEach((code, c) => c > 0 && code && seen.set(`${r[0]}:${code}`, Number(r[c])));
      }
    }
    for (const cell of templateCells(national).values()) {
      const m: (number | null)[] = new Array(13).fill(null);
      for (const v of nationalValues) if (cellRef(v.indicator, v.col) === cell.ref) m[v.month] = v.value;
      expect(seen.get(cell.ref), cell.ref).toBe(rollupMonths(m, cell.rollup, cell.valueKind));
    }
  });

  it('prints the ledger sheet one page wide on A4 landscape, header and 全年 on every page', () => {
    const pdf = path.join(dir, 'ledger-only.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text, `page ${p}`).toContain('1月');
      expect(text, `page ${p}`).toContain('全年');
    }
  });

  it('prints each national table on one A4 page: cover + 二 + 三 + 四, the data sheet not at all', () => {
    const pdf = path.join(dir, 'national.pdf');
    expect(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]).toBe('4');
    const page3 = execFileSync('pdftotext', ['-f', '3', '-l', '3', '-layout', pdf, '-'], { encoding: 'utf8' });
    for (const text of ['三、收到和处理政府信息公开申请情况', '申请人情况', '一、本年新收政府信息公开申请数量', '四、结转下年度继续办理']) {
      expect(page3).toContain(text);
    }
  });
});
