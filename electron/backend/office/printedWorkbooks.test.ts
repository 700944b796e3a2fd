/**
 * What people print at month end, printed by a real spreadsheet program:
 * LibreOffice converts the 催报 list, the 汇总表 and a one-month submission
 * workbook to PDF in one start. Every page is A4 in the expected
 * orientation, carries its page number, the header rows (and label columns)
 * on every page of a long table, and every cell's text stands whole on a
 * page: nothing clipped by a neighbour, nothing past the paper's edge.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTHS, monthPeriod } from '../../../shared/values/period';
import { DATA_SHEET } from '../../../shared/workbook/format';
import { writeWorkbookBuffer } from '../export/buildWorkbook';
import { applyChanges, type ValueChange } from '../store/values';
import { recordSubmission } from '../store/submissions';
import { insertUnit } from '../store/units';
import { cutCells, isA4Landscape, isA4Portrait, LO_TIMEOUT, PAGE_NUMBER, printToPdf, readPdf, type PrintedPage } from '../testing/printCheck';
import { seedSuiningCity } from '../testing/reportData';
import { seedTotals, spreadOverMonths } from '../testing/seedValues';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { DETAIL_SHEET, STATUS_SHEET } from './mergedExport';

const T = 'suining-2017';
/** Names as long as real ones get, so that wrapping is needed. */
const NAMES = [
  '遂宁市发展和改革委员会',
  '遂宁市经济和信息化局',
  '遂宁市教育和体育局',
  '遂宁市人力资源和社会保障局',
  '遂宁市自然资源和规划局',
  '遂宁市住房和城乡建设局',
  '遂宁市文化广播电视和旅游局',
  '遂宁市卫生健康委员会',
  '遂宁市退役军人事务局',
  '遂宁市市场监督管理局',
  '遂宁市行政审批和数据局',
  '遂宁经济技术开发区管理委员会政务服务和大数据管理局',
  '遂宁市河东新区管理委员会',
  '射洪市人民政府',
  '蓬溪县人民政府',
  '大英县人民政府',
  '安居区人民政府',
];
const UNITS = [...NAMES, ...NAMES.map((n) => `${n}（二）`)];

let b: TempBackend;
const book: Record<'reminders' | 'merged' | 'month', { wb: ExcelJS.Workbook; pages: PrintedPage[] }> = {} as never;

beforeAll(async () => {
  b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市' });
  seedSuiningCity(b, 'SN');
  const db = b.ctx.store.db;
  const city = db.prepare("SELECT id FROM units WHERE code = 'SN'").get() as { id: number };
  const changes: ValueChange[] = [];
  UNITS.forEach((name, i) => {
    const u = insertUnit(db, { code: `SN-${String(i + 1).padStart(3, '0')}`, name, kind: name.endsWith('政府') ? '县区' : '部门', parentId: city.id });
    // Gaps of every shape in the 催报 list: none, one, runs, every other month.
    for (const m of MONTHS) {
      if ((m + i) % (2 + (i % 4)) === 0) recordSubmission(db, { unitId: u.id, templateId: T, year: 2017, month: m, revision: 1, fingerprint: `f${i}-${m}` });
      if (m <= 1 + (i % 3)) for (const ind of ['pub.total', 'pub.key', 'pub.overview']) changes.push({ unitId: u.id, templateId: T, year: 2017, month: m, indicator: ind, col: '', value: 100 * i + m });
    }
  });
  applyChanges(db, changes, { operator: '测试', source: 'entry' });

  const files: Record<keyof typeof book, Buffer> = {
    reminders: Buffer.from((await b.invoke('office.remindersXlsx', { templateId: T, year: 2017, today: '2018-01-20' })).base64, 'base64'),
    merged: Buffer.from((await b.invoke('office.totalsXlsx', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 } })).base64, 'base64'),
    month: (
      await writeWorkbookBuffer({
        kind: 'submission',
        template: b.ctx.templates.get(T)!,
        period: monthPeriod(2017, 3),
        unit: { code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' },
        units: [{ code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' }],
        values: spreadOverMonths(b.ctx.templates.get(T)!, seedTotals(), 'D01').filter((v) => v.month === 3),
        revision: 1,
        exportedAt: '2017-04-03T08:30:00.000Z',
        appVersion: 't',
      })
    ).buffer,
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(b.dir, `${name}.xlsx`), bytes);
  printToPdf(b.dir, Object.keys(files).map((n) => `${n}.xlsx`));
  for (const [name, bytes] of Object.entries(files) as [keyof typeof book, Buffer][]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    book[name] = { wb, pages: readPdf(path.join(b.dir, `${name}.pdf`)) };
  }
}, LO_TIMEOUT * 2);
afterAll(() => b?.dispose());

/** The cells of a header row are all on the page (pdftotext's content order need not keep them side by side). */
function expectHeader(p: PrintedPage, cells: string[], what: string) {
  for (const c of cells) expect(p.text, `${what}: ${c}`).toContain(c);
}

function expectWholeOnA4(name: keyof typeof book) {
  const { wb, pages } = book[name];
  for (const ws of wb.worksheets) expect(ws.state === 'visible' ? ws.pageSetup.paperSize : 9, `${name} ${ws.name} paper`).toBe(9);
  expect(cutCells(wb, pages).map((c) => `${c.sheet}!${c.address} ${c.text}`)).toEqual([]);
  pages.forEach((p, i) => {
    expect(isA4Portrait(p) || isA4Landscape(p), `${name} page ${i + 1} is A4`).toBe(true);
    expect(p.overflow, `${name} page ${i + 1} past the edge`).toEqual([]);
    expect(p.text, `${name} page ${i + 1} numbered`).toMatch(PAGE_NUMBER);
  });
}

describe('printed on A4 by LibreOffice, nothing cut', () => {
  it('the 催报 list: portrait, ruled, each unit’s months whole, the header on every page', () => {
    expectWholeOnA4('reminders');
    const { pages, wb } = book.reminders;
    expect(pages.length).toBe(2);
    for (const p of pages) {
      expect(isA4Portrait(p)).toBe(true);
      expectHeader(p, ['序号', '单位名称', '单位代码', '未报月份', '其中逾期', '报送截止日'], '催报名单');
    }
    expect(pages[0].text).toContain('遂宁市人民政府2017年政务公开统计报表催报名单');
    // Every unit with a gap is listed, the long names and the month runs whole (checked above).
    expect(wb.getWorksheet('催报名单')!.rowCount).toBe(3 + UNITS.length + 2);
  });

  it('the 汇总表: detail and status sheets landscape, labels and header on every page, title whole', () => {
    expectWholeOnA4('merged');
    const { pages } = book.merged;
    const detail = pages.filter((p) => p.text.includes('遂宁市人民政府2017年政务公开统计分单位明细'));
    const status = pages.filter((p) => p.text.includes('遂宁市人民政府2017年各单位报送情况'));
    // 36 reporting units and the total: 12 columns a page, four pages across, each band as tall as the template's cells.
    expect(detail.length % 4).toBe(0);
    expect(detail.length).toBeGreaterThanOrEqual(4);
    expect(detail.length).toBeLessThanOrEqual(12);
    for (const p of [...detail, ...status]) expect(isA4Landscape(p)).toBe(true);
    for (const p of detail) expectHeader(p, ['指标', '计量单位'], DETAIL_SHEET);
    for (const p of status) expectHeader(p, ['单位', '代码', ...MONTHS.map((m) => `${m}月`)], STATUS_SHEET);
    expect(status.length).toBeGreaterThanOrEqual(1);
    expect(status.length).toBeLessThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(1 + 4 + detail.length + status.length);
    const sheets = book.merged.wb.worksheets.map((ws) => ws.name);
    expect(sheets).toEqual(expect.arrayContaining([DETAIL_SHEET, STATUS_SHEET]));
  });

  it('one month’s submission: portrait, the line under the title clear of the table header', () => {
    expectWholeOnA4('month');
    const { pages, wb } = book.month;
    expect(wb.getWorksheet(DATA_SHEET)?.state).not.toBe('visible');
    // The cover, then the ledger on a few portrait pages (it was five landscape pages of a narrow table).
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(5);
    for (const p of pages) expect(isA4Portrait(p)).toBe(true);
    for (const p of pages.slice(1)) expectHeader(p, ['指标', '单位', '3月'], '台账');
  });
});
