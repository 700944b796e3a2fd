import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, setUpUnit, test } from './fixtures';

async function readDownload(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path) as unknown as ExcelJS.Buffer);
  const meta: Record<string, unknown> = {};
  wb.getWorksheet('_ledger_data')!.eachRow((row, r) => r > 1 && r <= 12 && (meta[String(row.getCell(1).value)] = row.getCell(2).value));
  return { wb, meta };
}

test('export a year from the UI: the download is a valid workbook with the value entered', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByLabel('年度').fill('2017');
  const cell = page.getByRole('gridcell', { name: '主动公开政府信息总数 3月', exact: true });
  await cell.click();
  await page.keyboard.type('6407');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('6407');
  await expect(cell).toHaveAttribute('data-entry', 'saved');

  await page.getByRole('link', { name: '导出' }).click();
  await page.getByLabel('期间').selectOption('year');
  await page.getByLabel('年度').fill('2017');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出报送表' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('2017年遂宁市财政局政务公开统计_2021格式_全年.xlsx');
  await expect(page.getByText('第 1 次导出')).toBeVisible({ timeout: 30_000 });

  const { wb, meta } = await readDownload((await download.path())!);
  expect(meta).toMatchObject({ kind: 'submission', period: '2017', unit_code: 'SN-CZJ', revision: 1 });
  const ledgerSheet = wb.getWorksheet('台账')!;
  let row = 0;
  ledgerSheet.eachRow((r, i) => r.getCell(1).value === 'pub.total' && (row = i));
  expect(ledgerSheet.getCell(row, 6).value).toBe(6407); // 3月
  expect(wb.getWorksheet('分类统计图')!.getImages()).toHaveLength(1);
});

test('an empty month says so; the blank template downloads too', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await page.getByRole('link', { name: '导出' }).click();
  // It opens on the month just ended, not the one still being filled.
  const now = new Date();
  const ended = now.getMonth() === 0 ? { year: now.getFullYear() - 1, month: 12 } : { year: now.getFullYear(), month: now.getMonth() };
  await expect(page.getByLabel('年度')).toHaveValue(String(ended.year));
  await expect(page.getByLabel('月份', { exact: true })).toHaveValue(String(ended.month));
  await page.getByLabel('期间').selectOption('month');
  await page.getByLabel('年度').fill('2016');
  await page.getByLabel('月份', { exact: true }).selectOption('5');
  // Said before anything is saved: the clerk may not save, or save knowingly.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: '导出报送表' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('2016年5月没有任何数据', { timeout: 30_000 });
  await ask.getByRole('button', { name: '不保存，重新选择期间' }).click();
  await expect(ask).toBeHidden();
  expect(downloads).toBe(0);
  await page.getByRole('button', { name: '导出报送表' }).click();
  let downloading = page.waitForEvent('download');
  await page.getByRole('alertdialog').getByRole('button', { name: '仍然保存空白报送表' }).click();
  expect((await downloading).suggestedFilename()).toBe('2016年遂宁市财政局政务公开统计_2021格式_5月.xlsx');
  await expect(page.getByText('本期没有任何数据')).toBeVisible({ timeout: 30_000 });

  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出空白模板' }).click();
  const blank = await downloading;
  expect(blank.suggestedFilename()).toBe('2016年遂宁市财政局政务公开统计_2021格式_5月_空白模板.xlsx');
  const { meta } = await readDownload((await blank.path())!);
  expect(meta).toMatchObject({ kind: 'blank', period: '2016-05' });
});
