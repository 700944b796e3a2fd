import { expect, setUpUnit, test } from './fixtures';

test('the office opens a unit’s ledger read only, with each value’s history, from 单位名录 and from 报送汇总', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN-ZFB', role: 'aggregator' });
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '备份后载入演示数据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已载入演示数据' })).toBeVisible();

  await page.getByRole('link', { name: '单位名录' }).click();
  await page.getByRole('button', { name: '查看“遂宁市（2017年演示数据）”的台账（只读）' }).click();
  const view = page.getByTestId('unit-ledger');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('遂宁市（2017年演示数据）（DEMO-SN2017）的台账');
  await expect(view).toContainText('只读');
  // Opened on the year the unit has figures for, every month shown and the year rolled up.
  await expect(view.getByLabel('年度')).toHaveValue('2017');
  await expect(view.getByTestId('unit-ledger-count')).toContainText('2017年共有');
  const total = view.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^主动公开政府信息总数/ }) });
  await expect(total.locator('td.year')).toHaveText('76891');
  // Nothing to type into: values are buttons that show their history.
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await total.getByRole('button', { name: /^主动公开政府信息总数 3月：\d+$/ }).click();
  await expect(view.getByTestId('unit-ledger-history')).toContainText('（空） →');
  await expect(view.getByTestId('unit-ledger-history')).toContainText('演示数据');
  await view.getByRole('button', { name: '关闭' }).click();
  await expect(view).toBeHidden();

  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByRole('button', { name: '查看“遂宁市（2017年演示数据）”的台账（只读）' }).click();
  await expect(page.getByTestId('unit-ledger').getByLabel('年度')).toHaveValue('2017');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unit-ledger')).toBeHidden();
});

test('汇总数据: a failed check names the units whose own figures fail it, and the totals export on their own', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN-ZFB', role: 'aggregator' });
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '备份后载入演示数据' }).click();
  await expect(page.getByText('本数据文件中的演示数据')).toBeVisible();
  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByRole('spinbutton', { name: '年度' }).fill('2017');
  await page.getByRole('tab', { name: '汇总数据' }).click();
  // The real 2017 report's 重点信息 exceeds its itemised parts: the demo unit is named.
  const checks = page.getByTestId('level-checks');
  await expect(checks).toContainText('汇总数据有 1 项勾稽检查不通过');
  await checks.getByRole('button', { name: '查看“遂宁市（2017年演示数据）”的台账（只读）' }).click();
  await expect(page.getByTestId('unit-ledger').getByRole('heading', { level: 2 })).toHaveText('遂宁市（2017年演示数据）（DEMO-SN2017）的台账');
  await page.keyboard.press('Escape');
  await page.getByLabel('期间').selectOption('month');
  await page.getByLabel('月份', { exact: true }).selectOption('3');
  const downloading = page.waitForEvent('download');
  await page.getByRole('tabpanel').getByRole('button', { name: '导出汇总表' }).click();
  expect((await downloading).suggestedFilename()).toBe('2017年遂宁市人民政府办公室政务公开统计_2017台账_3月_汇总表.xlsx');
});
