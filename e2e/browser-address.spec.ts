import { expect, test } from './fixtures';

test('a bookmark from an earlier start shows where to find the right address; the new address works', async ({ page, ledger }) => {
  const oldToken = ledger.server.openUrl.split('#token=')[1];
  const server = await ledger.restart();
  // The bookmark: this address (browser mode keeps its port across starts) with the last start's token.
  await page.goto(`${server.url}/#token=${oldToken}`);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('这个访问地址已失效');
  await expect(alert).toContainText('请在浏览器中打开：');
  await expect(alert).toContainText('npm start');

  await page.goto('about:blank');
  await page.goto(server.openUrl);
  await expect(page.getByRole('button', { name: '开始使用' })).toBeVisible();
});

test('the page has an icon', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, ledger.server.url + '/').toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});
