import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, setUpUnit, test } from './fixtures';

/** The e2e files compile without DOM types; the page has a clipboard. */
type WithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
const readClipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as WithClipboard).navigator.clipboard.readText());

const demo = JSON.parse(fs.readFileSync(new URL('../resources/demo/suining-2017-totals.json', import.meta.url), 'utf8')) as { totals: Record<string, number> };

test('the report draft shows the year in words, copies a paragraph and a table, and downloads Word', async ({ page, context, ledger }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市财政局（SN-CZJ）');

  // The year's figures entered through the API, as the grid would (one month).
  const token = /token=([^&]+)/.exec(ledger.server.openUrl)![1];
  const cells = Object.entries(demo.totals).map(([indicator, value]) => ({ month: 12, indicator, raw: value }));
  const saved = await page.evaluate(
    async ({ token, cells }) => {
      const res = await fetch('/api/values.setMany', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify({ templateId: 'suining-2017', year: 2017, cells }),
      });
      return (await res.json()) as { ok: boolean };
    },
    { token, cells },
  );
  expect(saved.ok).toBe(true);

  await page.getByRole('link', { name: '年报草稿' }).click();
  // The figures are the 2017 ledger's; a new file opens on the current ledger.
  await page.getByLabel('模板').selectOption('suining-2017');
  // It opens on the latest year with figures, not on an empty last year.
  await expect(page.getByLabel('年度')).toHaveValue('2017');
  await page.getByLabel('年度').fill('2016');
  await expect(page.getByRole('alert')).toContainText('遂宁市财政局（SN-CZJ）在2016年没有');
  await page.getByLabel('年度').fill('2017');

  // The 2017 format's own headings: 收费 has its section 四, the text ends with 六、存在的问题 and 七、改进措施, then the appendix.
  await expect(page.locator('.report-section h3')).toHaveText(['一、概述', '二、主动公开政府信息情况', '三、政府信息依申请公开情况', '四、政府信息公开收费及减免情况', '五、因政府信息公开申请行政复议、提起行政诉讼情况', '六、存在的问题', '七、改进措施', '附：统计表']);
  await expect(page.locator('.report-section').filter({ hasText: '四、政府信息公开收费及减免情况' })).toContainText('本机关政府信息公开未收取任何费用。');
  const paragraph = page.getByTestId('report-paragraph-categories');
  await expect(paragraph).toContainText('2017年，本机关主动公开政府信息76891条（重点信息公开11764条）。其中，概况信息1876条，占2.44%；');
  await paragraph.getByRole('button', { name: /复制本段/ }).click();
  await expect(paragraph.getByRole('button', { name: /复制本段/ })).toHaveText('已复制');
  const copied = await readClipboard(page);
  expect(copied).toBe(await paragraph.locator('.report-paragraph-body').innerText());
  // 重点信息公开 exceeds the key-area items: the paragraph says so instead of printing silently.
  await expect(paragraph.getByRole('note')).toContainText('本段数字涉及未通过的勾稽关系：重点信息公开多于重点领域分项');
  expect(copied).toContain('其他信息17445条，占22.69%。');

  const table = page.getByTestId('report-table-pub');
  await table.getByRole('button', { name: /复制表格/ }).click();
  const tsv = await readClipboard(page);
  expect(tsv.split('\n')).toContain('主动公开政府信息总数\t76891\t条');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文档' }).click()]);
  expect(download.suggestedFilename()).toBe('遂宁市财政局2017年政府信息公开工作年度报告（草稿）.docx');
  const xml = execFileSync('unzip', ['-p', await download.path(), 'word/document.xml'], { encoding: 'utf8' });
  expect(xml.replace(/<[^>]+>/g, '')).toContain('2017年，本机关主动公开政府信息76891条');
});
