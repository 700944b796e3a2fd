import { expect, setUpUnit, test } from './fixtures';

test('a year and months chosen on one page are where the other pages open, also after a reload', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByLabel('年度').fill('2018');
  await expect(page.getByTestId('ledger-grid')).toBeVisible();

  await page.getByRole('link', { name: '统计图表' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2018');
  await expect(page.getByLabel('期间')).toHaveValue('year');
  await page.getByLabel('期间').selectOption('month');
  await page.getByLabel('月份', { exact: true }).selectOption('3');

  await page.getByRole('link', { name: '导出' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2018');
  await expect(page.getByLabel('期间')).toHaveValue('month');
  await expect(page.getByLabel('月份', { exact: true })).toHaveValue('3');

  await page.getByRole('link', { name: '年报草稿' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2018');
  await page.getByLabel('年度').fill('2016');

  await page.reload();
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2016');
  await page.getByRole('link', { name: '台账录入' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2016');
});
