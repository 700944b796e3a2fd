/**
 * The office reads what a unit's workbook says of its months (issue 18 item
 * 3): ✔已完成 with the unit's explanations of its warnings, 无数据 for a
 * month declared 本月无数据, and a month the workbook held nothing for on the
 * 催报 list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultResourcesDir } from '../electron/backend/paths';
import { loadTemplates } from '../electron/backend/templates/registry';
import { workbookBytes } from '../electron/backend/testing/importFixtures';
import { callApi as api, expect, setUpUnit, test } from './fixtures';

const suining = loadTemplates(path.join(defaultResourcesDir(), 'templates')).get('suining-2017')!;

test('the matrix shows ✔已完成 with the unit’s explanations, 无数据, and the month a workbook held nothing for on the 催报 list', async ({ page, ledger }) => {
  // October to December of last year: over and due whatever today is.
  const year = new Date().getFullYear() - 1;
  const [m1, m2, m3] = [10, 11, 12].map((month) => ({ year, month }));
  const unit = { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' };
  const bytes = await workbookBytes({
    template: suining,
    unit,
    period: { year: m1.year, fromMonth: m1.month, toMonth: m3.month },
    values: [{ unitCode: 'SN-CZJ', indicator: 'pub.total', col: '', month: m1.month, value: 7 }],
    monthStates: [
      { unitCode: 'SN-CZJ', month: m1.month, state: 'completed', completedAt: new Date().toISOString(), explanations: [{ key: 'month:key.items_gap', explanation: '部分重点信息未逐项列明', message: '重点领域分项之和小于重点领域信息数' }] },
      { unitCode: 'SN-CZJ', month: m2.month, state: 'noData', completedAt: new Date().toISOString(), explanations: [] },
    ],
    exportedAt: new Date().toISOString(),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-status-'));
  const file = path.join(dir, '财政局.xlsx');
  fs.writeFileSync(file, bytes);

  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await expect(page.getByRole('link', { name: '导入报表' })).toBeVisible();
  await api(page, 'units.create', { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' });
  await page.getByRole('link', { name: '导入报表' }).click();
  await page.getByTestId('import-files').setInputFiles([file]);
  await expect(page.locator('tr[data-file="财政局.xlsx"] td.status')).toHaveText('新增');
  await page.getByRole('button', { name: '确认导入 1 个文件' }).click();
  await expect(page.locator('.notice')).toContainText('导入完成');

  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByLabel('报表模板').selectOption('suining-2017');
  await page.getByLabel('年度', { exact: true }).fill(String(m1.year));
  const row = page.locator('.submission-matrix tr[data-unit="SN-CZJ"]');
  const at = (m: number) => row.locator('td[data-status]').nth(m - 1);
  await expect(at(m1.month)).toHaveAttribute('data-status', 'completed');
  await expect(at(m1.month)).toContainText('✔ 已完成');
  await expect(at(m2.month)).toHaveAttribute('data-status', 'noData');
  await expect(at(m3.month)).toHaveAttribute('data-not-counted', 'empty');
  await expect(at(m3.month)).toHaveAttribute('aria-label', /该月没有数据，也未声明本月无数据，不计为已报/);

  await at(m1.month).getByRole('button', { name: `查看市财政局${m1.month}月的1条提醒说明` }).click();
  const panel = page.getByTestId('matrix-explanations');
  await expect(panel).toContainText('重点领域分项之和小于重点领域信息数');
  await expect(panel).toContainText('部分重点信息未逐项列明');

  await expect(page.getByRole('table').filter({ hasText: '未报月份' }).locator('tr', { hasText: '市财政局' })).toContainText(`${m3.month}月`);
  fs.rmSync(dir, { recursive: true, force: true });
});
