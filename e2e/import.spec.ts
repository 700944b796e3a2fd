import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthPeriod } from '../shared/values/period';
import { LEDGER_SHEET, type WorkbookUnit } from '../shared/workbook/format';
import { defaultResourcesDir } from '../electron/backend/paths';
import { loadTemplates } from '../electron/backend/templates/registry';
import { workbookBytes } from '../electron/backend/testing/importFixtures';
import { rowOfCode, setCell } from '../electron/backend/testing/xlsxEdit';
import { callApi as api, expect, setUpUnit, test } from './fixtures';

const suining = loadTemplates(path.join(defaultResourcesDir(), 'templates')).get('suining-2017')!;

test('an aggregator imports workbooks: truthful dry run, apply, matrix and totals change, re-import changes nothing', async ({ page, ledger }) => {
  const year = new Date().getFullYear();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-import-'));
  const unit = (code: string, name: string): WorkbookUnit => ({ code, name, kind: '部门', parentCode: 'SN' });
  const file = async (code: string, name: string, value: number) =>
    workbookBytes({ template: suining, unit: unit(code, name), values: [{ unitCode: code, indicator: 'pub.total', col: '', month: 1, value }], period: monthPeriod(year, 1) });
  const a = await file('SN-CZJ', '市财政局', 7);
  const b = await file('SN-JYJ', '市教育局', 5);
  const c = await file('SN-WJW', '市卫健委', 3);
  const tampered = setCell(c, LEDGER_SHEET, `D${rowOfCode(c, LEDGER_SHEET, 'pub.total')}`, 99);
  const files = { '财政局.xlsx': a, '教育局.xlsx': b, '卫健委.xlsx': tampered, '说明.xlsx': new TextEncoder().encode('这不是工作簿') };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  const paths = Object.keys(files).map((n) => path.join(dir, n));

  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await expect(page.getByRole('link', { name: '导入报表' })).toBeVisible();
  for (const [code, name] of [
    ['SN-CZJ', '市财政局'],
    ['SN-JYJ', '市教育局'],
    ['SN-WJW', '市卫健委'],
  ]) {
    await api(page, 'units.create', { code, name, kind: '部门', parentCode: 'SN' });
  }

  await page.getByRole('link', { name: '导入报表' }).click();
  await page.getByTestId('import-files').setInputFiles(paths);
  const row = (name: string) => page.locator(`tr[data-file="${name}"]`);
  await expect(row('财政局.xlsx').locator('td.status')).toHaveText('新增');
  await expect(row('财政局.xlsx')).toContainText('市财政局（SN-CZJ）');
  await expect(row('财政局.xlsx')).toContainText(`${year}年1月`);
  await expect(row('教育局.xlsx').locator('td.status')).toHaveText('新增');
  await expect(row('卫健委.xlsx').locator('td.status')).toHaveText('拒绝');
  await expect(row('卫健委.xlsx')).toContainText(`${LEDGER_SHEET}!D`);
  await expect(row('卫健委.xlsx')).toContainText('隐藏数据 3，表内 99');
  await expect(row('说明.xlsx').locator('td.status')).toHaveText('拒绝');
  await expect(row('说明.xlsx')).toContainText('不是 Excel 工作簿');
  await expect(page.locator('.import-summary')).toHaveText('共 4 个文件：新增 2，更新 0，无变化 0，旧版本 0，拒绝 2');
  // Rule findings never block a file: counted in its row, listed when opened.
  const findings = row('财政局.xlsx').locator('details.violations');
  await expect(findings.locator('summary')).toHaveText('勾稽检查提示 1 条（不影响导入）');
  await expect(findings.locator('li.violation')).toHaveCount(0);
  await findings.locator('summary').click();
  await expect(findings.locator('li.violation')).toContainText('主动公开政府信息总数 ≠ 八类信息之和：7 ≠ 0');

  await page.getByRole('button', { name: '确认导入 2 个文件' }).click();
  await expect(page.locator('.notice')).toContainText('导入完成');
  await expect(page.getByRole('table', { name: '导入记录' }).locator('tbody tr')).toHaveCount(4);

  await page.getByRole('link', { name: '报送汇总' }).click();
  // These units report on the 2017 ledger; new files open on the current one.
  await page.getByLabel('报表模板').selectOption('suining-2017');
  await expect(page.locator('tr[data-unit="SN-CZJ"] td[data-status]').first()).toHaveAttribute('data-status', 'received');
  await expect(page.locator('tr[data-unit="SN-JYJ"] td[data-status]').first()).toHaveAttribute('data-status', 'received');
  await expect(page.locator('tr[data-unit="SN-WJW"] td[data-status]').first()).not.toHaveAttribute('data-status', 'received');
  await page.getByRole('tab', { name: '汇总数据' }).click();
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText('12');

  // The same files again: nothing changes.
  await page.getByRole('link', { name: '导入报表' }).click();
  await page.getByTestId('import-files').setInputFiles(paths);
  await expect(row('财政局.xlsx').locator('td.status')).toHaveText('无变化');
  await expect(row('教育局.xlsx').locator('td.status')).toHaveText('无变化');
  await page.getByRole('button', { name: '确认导入 2 个文件' }).click();
  await expect(page.locator('.notice')).toContainText('无变化 2');
  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByLabel('报表模板').selectOption('suining-2017');
  await page.getByRole('tab', { name: '汇总数据' }).click();
  await expect(page.locator('[data-section="pub"] tr[data-ref="pub.total"] td.num')).toHaveText('12');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a chosen file the browser cannot read is reported by name, and nothing is read', async ({ page, ledger }) => {
  // Reading the file fails, as a file removed or locked while being read would.
  await page.addInitScript(() => {
    File.prototype.arrayBuffer = () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-import-'));
  const file = path.join(dir, '财政局.xlsx');
  fs.writeFileSync(file, await workbookBytes({ template: suining, unit: { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' } }));
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await page.getByRole('link', { name: '导入报表' }).click();
  await page.getByTestId('import-files').setInputFiles([file]);
  await expect(page.getByRole('alert')).toContainText('无法读取所选文件“财政局.xlsx”');
  await expect(page.locator('tr[data-file]')).toHaveCount(0);
});
