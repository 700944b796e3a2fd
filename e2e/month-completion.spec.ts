/// <reference lib="dom" />
/**
 * The completion flow (issue 21 item 2) on an office screen (1366×768):
 * 标记本月完成 opens a dialog with the warnings to explain, each with a
 * labelled 说明 field; a refusal is shown inside the window, not under the
 * grid; explanations written before come back when a reopened month is
 * completed again. And 本月无数据 (issue 18 item 3).
 */
import type { Page } from '@playwright/test';
import { expect, setUpUnit, test } from './fixtures';

const T = 'suining-2017';
const CATS = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];
const cell = (page: Page, ref: string, period: number) => page.getByTestId(`cell-${ref}-${period}`);

async function api<T>(page: Page, method: string, body: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, b]) => {
      const token = sessionStorage.getItem('ledger.token') ?? '';
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ledger-token': token }, body: JSON.stringify(b) });
      return (await res.json()) as { ok: boolean; data: unknown };
    },
    [method, body] as const,
  );
  expect(r.ok).toBe(true);
  return r.data as T;
}

/** The whole element inside the window: what the clerk sees without scrolling. */
async function expectInView(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
}

test.beforeEach(async ({ page, ledger }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await expect(page.getByTestId('current-unit')).toBeVisible();
  const month = (m: number, total: number) => [
    { month: m, indicator: 'pub.total', raw: String(total) },
    ...CATS.map((c) => ({ month: m, indicator: `pub.cat.${c}`, raw: '1' })),
  ];
  // May adds up but its 重点领域 items fall short of their total (a warning); June's categories do not add up (an error).
  await api(page, 'values.setMany', {
    templateId: T,
    year: 2017,
    cells: [...month(5, 8), { month: 5, indicator: 'pub.key', raw: '5' }, { month: 5, indicator: 'key.growth.ppp', raw: '2' }, ...month(6, 9)],
  });
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByLabel('模板').selectOption(T);
  await page.getByLabel('年度').fill('2017');
  await expect(page.getByTestId('ledger-grid')).toBeVisible();
});

test('标记本月完成 asks for a 说明 of each warning in a dialog, and a reopened month offers them again', async ({ page }) => {
  await cell(page, 'pub.total', 5).click();
  await page.getByRole('button', { name: '标记本月完成' }).click();
  const dialog = page.getByTestId('completion-dialog');
  await expect(dialog).toBeVisible();
  await expectInView(page, 'completion-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('标记5月完成');
  await expect(dialog.getByRole('alert')).toHaveText('以下提醒需要填写说明后才能标记完成：');
  const field = dialog.getByRole('textbox');
  await expect(field).toHaveCount(1);
  await expect(field).toBeFocused();
  await expect(dialog.getByText('说明', { exact: true })).toBeVisible();
  // Too short: refused, and said inside the dialog.
  await field.fill('是');
  await dialog.getByRole('button', { name: '填写说明并标记完成' }).click();
  await expect(dialog.getByRole('alert')).toContainText('说明不足2个字');
  await expectInView(page, 'completion-dialog');
  await field.fill('部分重点信息未逐项列明');
  await dialog.getByRole('button', { name: '填写说明并标记完成' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('month-header-5')).toHaveAttribute('data-completed', 'true');

  // Reopened with a reason, then completed again: the explanation written before is taken without asking.
  await page.getByRole('button', { name: '撤销完成' }).click();
  await page.getByTestId('reopen-dialog').getByLabel('撤销原因').fill('核对重点领域分项');
  await page.getByRole('button', { name: '确认撤销完成' }).click();
  await expect(page.getByTestId('month-header-5')).toHaveAttribute('data-completed', 'false');
  await page.getByRole('button', { name: '标记本月完成' }).click();
  await expect(page.getByTestId('month-header-5')).toHaveAttribute('data-completed', 'true');
  const status = await api<{ warnings: { explanation: string }[] }[]>(page, 'months.status', { templateId: T, year: 2017 });
  expect(status[4].warnings.map((w) => w.explanation)).toEqual(['部分重点信息未逐项列明']);
});

test('an error refuses completion in a dialog in view, listing it; 本月无数据 is refused for a month with figures and declared for an empty one; 导出 says what is still open', async ({ page }) => {
  // Scrolled as far down as the page goes: the dialog still opens in the middle of the window.
  await cell(page, 'pub.total', 6).click();
  await page.mouse.wheel(0, 5000);
  await page.getByRole('button', { name: '标记本月完成' }).click();
  const dialog = page.getByTestId('completion-dialog');
  await expect(dialog.getByRole('alert')).toContainText('2017年6月不能标记完成');
  await expect(dialog.getByRole('listitem')).toContainText(['主动公开政府信息总数 ≠ 八类信息之和：9 ≠ 8']);
  await expectInView(page, 'completion-dialog');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByTestId('month-header-6')).toHaveAttribute('data-completed', 'false');

  await page.getByRole('button', { name: '本月无数据' }).click();
  await expect(dialog.getByRole('alert')).toContainText('2017年6月已经填写了数据，不能声明本月无数据');
  await page.getByRole('button', { name: '知道了' }).click();

  await cell(page, 'pub.total', 7).click();
  await page.getByRole('button', { name: '本月无数据' }).click();
  await expect(page.getByTestId('month-header-7')).toHaveAttribute('data-completed', 'true');
  await expect(page.getByTestId('month-state')).toContainText('7月：本月无数据');

  // 导出 says, before anything is saved, what the office will find open.
  await page.getByRole('link', { name: '导出' }).click();
  await page.getByLabel('年度', { exact: true }).fill('2017');
  await page.getByLabel('期间', { exact: true }).selectOption('range');
  await page.getByLabel('起始月', { exact: true }).selectOption('5');
  await page.getByLabel('结束月', { exact: true }).selectOption('7');
  await expect(page.getByTestId('export-check')).toHaveText('导出前请注意：1个勾稽错误未解决；1个提醒未填写说明；5—6月未标记完成。');
});
