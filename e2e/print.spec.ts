/**
 * 打印 on the pages people print: the ledger, the submission matrix and the
 * 催报 list, the charts and the report preview. Chromium prints each to PDF
 * as the print dialog would: A4 in the page's orientation, no navigation,
 * the title and "第 N 页，共 M 页" on every page, a table's header on every page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-print-'));
test.afterAll(() => {
  if (!process.env.KEEP_PRINTS) fs.rmSync(dir, { recursive: true, force: true });
});

interface Printed {
  width: number;
  height: number;
  pages: string[];
}

/** Click 打印 (the dialog itself stubbed), then print the page as the dialog would. */
async function print(page: Page, button: string, name: string): Promise<Printed> {
  await page.evaluate(() => {
    (globalThis as unknown as { print(): void }).print = () => undefined;
  });
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  // -raw: in content order, so that a table cell's wrapped lines stay together.
  const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  // Printing over: the page is whole again.
  await page.evaluate(() => (globalThis as unknown as { dispatchEvent(e: unknown): void; Event: new (t: string) => unknown }).dispatchEvent(new (globalThis as unknown as { Event: new (t: string) => unknown }).Event('afterprint')));
  return { width: Number(width), height: Number(height), pages: pages.map((p) => p.replace(/\s+/g, '')) };
}

function expectPrinted(p: Printed, o: { landscape: boolean; title: string; everyPage: string[] }) {
  const [w, h] = o.landscape ? [841.9, 595.3] : [595.3, 841.9];
  expect(Math.abs(p.width - w)).toBeLessThan(1);
  expect(Math.abs(p.height - h)).toBeLessThan(1);
  expect(p.pages.length).toBeGreaterThan(0);
  p.pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(o.title.replace(/\s+/g, ''));
    expect(text, `page ${i + 1}`).toContain(`第${i + 1}页，共${p.pages.length}页`);
    for (const s of o.everyPage) expect(text, `page ${i + 1}`).toContain(s);
    // No navigation.
    expect(text, `page ${i + 1}`).not.toContain('单位名录');
    expect(text, `page ${i + 1}`).not.toContain('导入报表');
  });
}

test('打印 prints the ledger, the matrix, the 催报 list, the charts and the draft on A4 without the app around them', async ({ page, ledger }) => {
  test.setTimeout(120_000);
  await page.goto(ledger.server.openUrl);
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市（2017年演示数据）（DEMO-SN2017）');
  const token = /token=([^&]+)/.exec(ledger.server.openUrl)![1];
  for (const [code, name] of [['SN-CZJ', '遂宁市财政局'], ['SN-JYJ', '遂宁市教育和体育局'], ['CS', '船山区人民政府']]) {
    const ok = await page.evaluate(
      async ({ token, code, name }) => {
        const res = await fetch('/api/units.create', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-ledger-token': token },
          body: JSON.stringify({ code, name, kind: '部门', parentCode: 'DEMO-SN2017' }),
        });
        return ((await res.json()) as { ok: boolean }).ok;
      },
      { token, code, name },
    );
    expect(ok).toBe(true);
  }

  // The ledger: the year's monthly figures, landscape, the column header on every page.
  await page.getByRole('link', { name: '台账录入' }).click();
  await expect(page.getByTestId('cell-pub.total-year')).toHaveText('76891');
  const ledgerPdf = await print(page, '打印', 'ledger');
  expectPrinted(ledgerPdf, { landscape: true, title: '遂宁市（2017年演示数据） 2017年 全部月度指标', everyPage: ['1月', '12月'] });
  expect(ledgerPdf.pages.join('')).toContain('76891');
  await expect(page.locator('html')).not.toHaveAttribute('data-printing');
  await expect(page.locator('[data-print-target]')).toHaveCount(0);

  // The matrix (landscape) and the 催报 list (portrait).
  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByLabel('年度', { exact: true }).fill('2017');
  await expect(page.locator('.submission-matrix tr[data-unit="CS"]')).toBeVisible();
  const matrix = await print(page, '打印报送情况', 'matrix');
  expectPrinted(matrix, { landscape: true, title: '遂宁市（2017年演示数据） 2017年各单位逐月报送情况', everyPage: ['1月', '12月'] });
  expect(matrix.pages.join('')).toContain('船山区人民政府');
  expect(matrix.pages.join('')).not.toContain('催报名单');
  const reminders = await print(page, '打印催报名单', 'reminders');
  expectPrinted(reminders, { landscape: false, title: '遂宁市（2017年演示数据） 2017年催报名单', everyPage: ['未报月份'] });
  expect(reminders.pages.join('')).toContain('遂宁市教育和体育局');
  expect(reminders.pages.join('')).not.toContain('报送情况');

  // The charts, landscape, without their buttons.
  await page.getByRole('link', { name: '统计图表' }).click();
  await expect(page.getByTestId('chart-bar')).toBeVisible();
  const charts = await print(page, '打印', 'charts');
  expectPrinted(charts, { landscape: true, title: '统计图表', everyPage: [] });
  expect(charts.pages.join('')).toContain('工作动态信息');

  // The draft, portrait, as the preview shows it.
  await page.getByRole('link', { name: '年报草稿' }).click();
  await page.getByLabel('年度').fill('2017');
  await expect(page.getByTestId('report-paragraph-categories')).toBeVisible();
  const draft = await print(page, '打印', 'draft');
  expectPrinted(draft, { landscape: false, title: '遂宁市（2017年演示数据）2017年政府信息公开工作年度报告', everyPage: [] });
  expect(draft.pages.join('')).toContain('二、主动公开政府信息情况');
  expect(draft.pages.join('')).not.toContain('下载Word');
});
