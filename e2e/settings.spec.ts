import { expect, setUpUnit, test } from './fixtures';

test('demo data in a real data file: asked first, backed up, removed again from 设置', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN-ZFB', role: 'aggregator' });
  await page.getByRole('link', { name: '设置' }).click();
  const demo = page.getByRole('region', { name: '演示数据' });
  await demo.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  const ask = demo.getByRole('alertdialog');
  await expect(ask).toContainText('“遂宁市人民政府办公室”的正式数据');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByText(/before-demo/)).toHaveCount(0);

  await demo.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await demo.getByRole('alertdialog').getByRole('button', { name: '备份后载入演示数据' }).click();
  await expect(demo.getByRole('status')).toContainText(/已载入演示数据：遂宁市（2017年演示数据），2017年（载入前已备份为 .*before-demo\.sqlite）/);
  await expect(page.locator('.backup-list')).toContainText('before-demo.sqlite');
  await expect(demo).toContainText('本数据文件中的演示数据：“遂宁市（2017年演示数据）”（DEMO-SN2017）');

  await demo.getByRole('button', { name: '移除演示数据' }).click();
  await demo.getByRole('alertdialog').getByRole('button', { name: '备份后移除' }).click();
  await expect(demo.getByRole('status')).toContainText('已移除演示数据（遂宁市（2017年演示数据））');
  await expect(page.locator('.backup-list')).toContainText('before-demo-remove.sqlite');
  await expect(demo.getByRole('button', { name: '载入演示数据（2017年遂宁市）' })).toBeVisible();
  // Gone from the directory too.
  await page.getByRole('link', { name: '单位名录' }).click();
  await expect(page.getByText('SN-ZFB').first()).toBeVisible();
  await expect(page.getByText('DEMO-SN2017')).toHaveCount(0);
});

test('a department corrects its own unit name and code in 设置, told in Chinese what is wrong', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市材政局', code: 'SN-CZ' });
  await page.getByRole('link', { name: '设置' }).click();
  const form = page.getByRole('form', { name: '本单位' });
  await form.getByLabel('单位代码').fill('SN CZJ');
  await form.getByRole('button', { name: '保存本单位信息' }).click();
  await expect(form.getByRole('alert')).toHaveText('单位代码只能使用字母、数字、点、横线和下划线。');
  await expect(form.getByLabel('单位代码')).toBeFocused();
  await form.getByLabel('单位名称').fill('遂宁市财政局');
  await form.getByLabel('单位代码').fill('SN-CZJ');
  await form.getByRole('button', { name: '保存本单位信息' }).click();
  await expect(form.getByRole('status')).toHaveText('本单位已更正为：遂宁市财政局（SN-CZJ）');
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市财政局（SN-CZJ）');
  await page.reload();
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市财政局（SN-CZJ）');
});
