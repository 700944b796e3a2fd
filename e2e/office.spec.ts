import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, setUpUnit, test } from './fixtures';

async function writeUnitList(file: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** Stores figures for another unit through the same API the UI uses (the importer will do this later). */
async function putValue(page: Page, args: Record<string, unknown>) {
  const r = await page.evaluate(async (body) => {
    const token = sessionStorage.getItem('ledger.token') ?? '';
    const res = await fetch('/api/values.set', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ledger-token': token }, body: JSON.stringify(body) });
    return (await res.json()) as { ok: boolean };
  }, args);
  expect(r.ok).toBe(true);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The status the office should see today, worked out independently of the app. */
function expectedStatus(year: number, month: number, dueDay: number, now: Date): string {
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  if (today < `${next.y}-${pad(next.m)}-01`) return 'notDue';
  return today > `${next.y}-${pad(next.m)}-${pad(dueDay)}` ? 'overdue' : 'missing';
}

test('an aggregator sets up the directory, sees who has not reported, copies the 催报 list and sees merged totals', async ({ page, ledger }) => {
  const now = new Date();
  // The last month that is over: its figures are being collected now.
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const collecting = now.getMonth() === 0 ? 12 : now.getMonth();

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await page.getByRole('link', { name: '单位名录' }).click();

  // Add units with the form (the form starts under the office's own unit).
  const form = page.getByRole('form', { name: '新增单位' });
  await form.getByLabel('单位代码', { exact: true }).fill('SN-CZJ');
  await form.getByLabel('单位名称', { exact: true }).fill('市财政局');
  await form.getByLabel('单位类型').selectOption('部门');
  await form.getByLabel('单位名称', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toHaveText('已添加“市财政局”');
  await expect(page.locator('tr[data-unit="SN-CZJ"]')).toHaveAttribute('aria-level', '2');

  await form.getByLabel('单位代码', { exact: true }).fill('CS');
  await form.getByLabel('单位名称', { exact: true }).fill('船山区');
  await form.getByLabel('单位类型').selectOption('县区');
  await form.getByLabel(/每月报送截止日/).fill('28');
  await form.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByRole('status')).toHaveText('已添加“船山区”');
  await expect(page.locator('tr[data-unit="CS"]')).toContainText('次月28日');

  // A bad value is refused with a Chinese message.
  await form.getByLabel('单位代码', { exact: true }).fill('SN-CZJ');
  await form.getByLabel('单位名称', { exact: true }).fill('重复的局');
  await form.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByRole('alert')).toHaveText('单位代码 SN-CZJ 已被“市财政局”使用');

  // Import a unit list: a bad file is previewed with its reasons and cannot be applied.
  const dir = ledger.server.dir;
  const bad = path.join(dir, '有误名录.xlsx');
  await writeUnitList(bad, [
    ['单位代码', '单位名称', '上级代码', '类型'],
    ['CS-JYJ', '船山区教育局', 'CS', '部门'],
    ['CS-X', '无名上级', 'NOWHERE', '部门'],
  ]);
  const picker = page.getByLabel('选择名录文件（.xlsx）');
  await picker.setInputFiles(bad);
  await expect(page.getByText('新增 1 个，修改 0 个，不变 0 个，有误 1 行')).toBeVisible();
  await expect(page.getByRole('cell', { name: '上级代码 NOWHERE 既不在单位名录中，也不在本表中' })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  const good = path.join(dir, '名录.xlsx');
  await writeUnitList(good, [
    ['代码', '名称', '上级代码', '类型'],
    ['CS-JYJ', '船山区教育局', 'CS', '县区部门'],
    ['CS-WJW', '船山区卫健委', 'CS', '部门'],
    ['SN-CZJ', '遂宁市财政局', 'SN', '部门'],
  ]);
  await picker.setInputFiles(good);
  await expect(page.getByText('新增 2 个，修改 1 个，不变 0 个，有误 0 行')).toBeVisible();
  await expect(page.getByRole('cell', { name: '名称：市财政局 → 遂宁市财政局', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成：新增 2 个，修改 1 个，不变 0 个，跳过 0 行')).toHaveAttribute('role', 'status');
  await expect(page.locator('tr[data-unit="CS-JYJ"]')).toHaveAttribute('aria-level', '3');

  // Figures for the level totals: the county's own, one of its departments', a city department's.
  await putValue(page, { templateId: 'suining-2017', year, month: 1, indicator: 'pub.total', raw: '10', unitCode: 'CS' });
  await putValue(page, { templateId: 'suining-2017', year, month: 1, indicator: 'pub.total', raw: '5', unitCode: 'CS-JYJ' });
  await putValue(page, { templateId: 'suining-2017', year, month: 1, indicator: 'pub.total', raw: '100', unitCode: 'SN-CZJ' });

  // The matrix: nothing received yet, so every month that is over is 未报 or 逾期 by each unit's due day.
  await page.getByRole('link', { name: '报送汇总' }).click();
  // These units report on the 2017 ledger; new files open on the current one.
  await page.getByLabel('报表模板').selectOption('suining-2017');
  await page.getByLabel('年度', { exact: true }).fill(String(year));
  for (const [code, dueDay] of [['SN-CZJ', 5], ['CS', 28], ['CS-JYJ', 5]] as const) {
    const row = page.locator(`.submission-matrix tr[data-unit="${code}"]`);
    const expected = Array.from({ length: 12 }, (_, i) => expectedStatus(year, i + 1, dueDay, now));
    await expect(row.locator('td.status-cell')).toHaveCount(12);
    const cells = row.locator('td.status-cell');
    for (let i = 0; i < 12; i++) await expect(cells.nth(i), `${code} ${i + 1}月`).toHaveAttribute('data-status', expected[i]);
  }
  const label = { missing: '未报', overdue: '逾期' } as Record<string, string>;
  const cs = expectedStatus(year, collecting, 28, now);
  await expect(page.getByRole('cell', { name: new RegExp(`^船山区 ${collecting}月：${label[cs]}`) })).toContainText(label[cs]);
  const czj = expectedStatus(year, collecting, 5, now);
  await expect(page.getByRole('cell', { name: new RegExp(`^遂宁市财政局 ${collecting}月：${label[czj]}`) })).toContainText(label[czj]);

  // The 催报 list, copied as tab-separated text.
  await page.getByRole('button', { name: '复制催报名单' }).click();
  await expect(page.getByRole('status')).toHaveText('已复制 4 个单位的催报名单，可直接粘贴到 Excel、WPS 或聊天窗口');
  // e2e is compiled without the DOM library: name the one browser API used.
  type WithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
  const copied: string = await page.evaluate(() => (globalThis as unknown as WithClipboard).navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines[0]).toBe('单位名称\t单位代码\t未报月份\t其中逾期\t报送截止日');
  expect(lines.find((l) => l.startsWith('遂宁市财政局\tSN-CZJ\t'))).toContain(`${collecting}月`);
  expect(lines.find((l) => l.startsWith('船山区\tCS\t'))?.split('\t')[4]).toBe(`${year}年2月28日`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^催报名单-SN-${year}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const saved = path.join(dir, 'reminders.xlsx');
  await file.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.getWorksheet('催报名单')?.getCell('B4').value).toBeTruthy();
  fs.rmSync(saved);

  // Merged totals: the county level, then the whole city; never the county twice.
  await page.getByRole('tab', { name: '汇总数据' }).click();
  await expect(page.getByTestId('totals-caption')).toContainText(`遂宁市人民政府办公室 ${year}年汇总`);
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText('115');
  await page.getByLabel('汇总到').selectOption('CS');
  await expect(page.getByTestId('totals-caption')).toHaveText(`船山区 ${year}年汇总（含本级及下属 3 个单位，其中 2 个有数据）`);
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText('15');
  await page.getByLabel('期间').selectOption('month');
  await page.getByRole('combobox', { name: '月份', exact: true }).selectOption('2');
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText('');

  // One unit beside its parent's total.
  await page.getByRole('tab', { name: '单位与上级对比' }).click();
  await page.getByLabel('对比单位').selectOption('CS');
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText(['15', '115', '13.04%']);
});

test('the directory and the office pages are for aggregators only', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await expect(page.getByRole('link', { name: '台账录入' })).toBeVisible();
  await expect(page.getByRole('link', { name: '单位名录' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '报送汇总' })).toHaveCount(0);
});
