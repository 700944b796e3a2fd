import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthPeriod } from '../shared/values/period';
import type { WorkbookUnit } from '../shared/workbook/format';
import { defaultResourcesDir } from '../electron/backend/paths';
import { loadTemplates } from '../electron/backend/templates/registry';
import { unitSigner, workbookBytes } from '../electron/backend/testing/importFixtures';
import { newKeyPair, publicKeyCode } from '../electron/backend/workbook/seal';
import { callApi as api, expect, setUpUnit, test } from './fixtures';

const suining = loadTemplates(path.join(defaultResourcesDir(), 'templates')).get('suining-2017')!;

test('the office\'s first import shows the key codes, accepting registers them, a forged file is refused on screen with the reason', async ({ page, ledger }) => {
  const year = new Date().getFullYear();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-sealed-'));
  const unit: WorkbookUnit = { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' };
  const file = (month: number, value: number, salt = '') =>
    workbookBytes({ template: suining, unit, values: [{ unitCode: 'SN-CZJ', indicator: 'pub.total', col: '', month, value }], period: monthPeriod(year, month), signer: unitSigner('SN-CZJ', salt) });
  fs.writeFileSync(path.join(dir, '一月.xlsx'), await file(1, 7));
  fs.writeFileSync(path.join(dir, '伪造.xlsx'), await file(2, 999, 'forger'));

  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await api(page, 'units.create', { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' });
  await page.getByRole('link', { name: '导入报表' }).click();
  const row = (name: string) => page.locator(`tr[data-file="${name}"]`);

  await page.getByTestId('import-files').setInputFiles([path.join(dir, '一月.xlsx')]);
  const genuine = publicKeyCode(unitSigner('SN-CZJ').publicKey);
  await expect(row('一月.xlsx').locator('[data-seal]')).toHaveAttribute('data-seal', 'new_key');
  await expect(row('一月.xlsx')).toContainText('新密钥（未核验）');
  await expect(row('一月.xlsx')).toContainText(genuine);
  await page.getByRole('button', { name: '接受全部 1 个新密钥' }).click();
  await expect(row('一月.xlsx').locator('[data-seal]')).toHaveAttribute('data-seal', 'signed');
  await page.getByRole('button', { name: /确认导入 1 个文件/ }).click();
  await expect(page.getByText(/导入完成/)).toBeVisible();

  await page.getByTestId('import-files').setInputFiles([path.join(dir, '伪造.xlsx')]);
  await expect(row('伪造.xlsx').locator('td.status')).toHaveText('拒绝');
  await expect(row('伪造.xlsx')).toContainText('签名密钥变更');
  await expect(row('伪造.xlsx')).toContainText(genuine);
  await expect(row('伪造.xlsx')).toContainText(publicKeyCode(unitSigner('SN-CZJ', 'forger').publicKey));
});

test('单位名录: the office enters a unit\'s key ahead of its first import and clears it after a reinstall, each with a reason in the key log', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await expect(page.getByTestId('current-unit')).toBeVisible();
  await api(page, 'units.create', { code: 'SN-CZJ', name: '市财政局', kind: '部门', parentCode: 'SN' });
  const { publicKey } = newKeyPair();

  await page.getByRole('link', { name: '单位名录' }).click();
  const keys = page.getByRole('region', { name: '签名密钥' });
  await keys.getByLabel('单位').selectOption('SN-CZJ');
  await expect(keys.getByTestId('unit-key-current')).toHaveText('该单位尚未登记密钥');
  // A mistyped key and a missing reason are refused in Chinese, naming what is wrong.
  await keys.getByLabel('公钥（44 个字符）').fill(publicKey.slice(0, 40));
  await keys.getByLabel('原因').fill('电话核对');
  await keys.getByRole('button', { name: '登记密钥' }).click();
  await expect(keys.getByRole('alert')).toContainText('密钥格式不对');
  await keys.getByLabel('公钥（44 个字符）').fill(publicKey);
  await keys.getByLabel('原因').fill('');
  await keys.getByRole('button', { name: '登记密钥' }).click();
  await expect(keys.getByRole('alert')).toContainText('请写明原因');

  await keys.getByLabel('原因').fill('电话核对');
  await keys.getByRole('button', { name: '登记密钥' }).click();
  const code = publicKeyCode(publicKey);
  await expect(keys.getByRole('status')).toHaveText(`已登记“市财政局”的密钥 ${code}`);
  await expect(keys.getByTestId('unit-key-current')).toContainText(code);
  await expect(keys.getByTestId('key-log').getByRole('row', { name: /手工登记/ })).toContainText('电话核对');

  await keys.getByLabel('原因').fill('对方重装软件');
  await keys.getByRole('button', { name: '清除密钥' }).click();
  await expect(keys.getByRole('status')).toHaveText('已清除“市财政局”的密钥，下次导入时作为新密钥确认');
  await expect(keys.getByTestId('unit-key-current')).toHaveText('该单位尚未登记密钥');
  await expect(keys.getByTestId('key-log').getByRole('row', { name: /清除/ })).toContainText('对方重装软件');
});
