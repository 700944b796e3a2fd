import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthPeriod } from '../shared/values/period';
import type { WorkbookUnit } from '../shared/workbook/format';
import { defaultResourcesDir } from '../electron/backend/paths';
import { loadTemplates } from '../electron/backend/templates/registry';
import { unitSigner, workbookBytes } from '../electron/backend/testing/importFixtures';
import { publicKeyCode } from '../electron/backend/workbook/seal';
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
