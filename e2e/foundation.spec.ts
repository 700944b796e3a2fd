import { expect, setUpUnit, test } from './fixtures';

test('set up a unit, enter a value, restart the server, the value is still there', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await expect(page.getByRole('heading', { name: '首次使用：设置本单位' })).toBeVisible();
  await setUpUnit(page);
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市财政局（SN-CZJ）');

  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByLabel('年度').fill('2017');
  const cell = page.getByRole('gridcell', { name: '主动公开政府信息总数 3月', exact: true });
  await cell.click();
  await page.keyboard.type('６,４０７');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('6407');
  await expect(cell).toHaveAttribute('data-entry', 'saved');

  const server = await ledger.restart();
  await page.goto(server.openUrl);
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByLabel('年度').fill('2017');
  await expect(page.getByRole('gridcell', { name: '主动公开政府信息总数 3月', exact: true })).toHaveText('6407');
});

test('a page without the token cannot read data', async ({ page, ledger }) => {
  await page.goto(ledger.server.url);
  await expect(page.getByRole('alert')).toContainText('访问令牌');
});
