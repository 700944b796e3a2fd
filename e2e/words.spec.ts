/** Every message a user meets is a Chinese sentence: forms check themselves instead of the browser's bubbles. */
import { expect, test } from './fixtures';

const ENGLISH = /[A-Za-z]{3,}/;

test('the set-up and unit forms say in Chinese what is missing or wrong, and put the cursor there', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await page.getByRole('button', { name: '开始使用' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('单位代码不能为空；单位名称不能为空。');
  await expect(page.getByLabel('单位代码')).toBeFocused();
  await page.getByLabel('单位名称').fill('遂宁市人民政府办公室');
  await page.getByLabel('单位代码').fill('遂宁 市');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(alert).toHaveText('单位代码只能使用字母、数字、点、横线和下划线。');
  await expect(page.getByLabel('单位代码')).toBeFocused();
  await page.getByLabel('单位代码').fill('SN');
  await page.getByLabel('汇总单位（市/县政府办公室）').check();
  await page.getByRole('button', { name: '开始使用' }).click();

  await page.getByRole('link', { name: '单位名录' }).click();
  const form = page.getByRole('form', { name: '新增单位' });
  await form.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByRole('alert')).toHaveText('单位代码不能为空；单位名称不能为空。');
  await expect(form.getByLabel('单位代码', { exact: true })).toBeFocused();
  await form.getByLabel('单位代码', { exact: true }).fill('SN-CZJ');
  await form.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByRole('alert')).toHaveText('单位名称不能为空。');
  await expect(form.getByLabel('单位名称', { exact: true })).toBeFocused();
  await expect(page.getByRole('alert')).not.toHaveText(ENGLISH);

  // The list import's file button is ours, in Chinese (the browser's would say "Choose File").
  await expect(page.getByRole('button', { name: '选择名录文件（.xlsx）' })).toBeVisible();
  await expect(page.getByText('未选择文件')).toBeVisible();
});
