/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setUpUnit, test } from './fixtures';

const cell = (page: Page, ref: string, period: number | 'year') => page.getByTestId(`cell-${ref}-${period}`);

async function openLedger(page: Page, url: string, year = '2017') {
  await page.goto(url);
  await page.getByRole('link', { name: '台账录入' }).click();
  // These tests type the 2017 ledger's indicators; a new file opens on the current ledger.
  await page.getByLabel('模板').selectOption('suining-2017');
  await page.getByLabel('年度').fill(year);
  await expect(page.getByTestId('ledger-grid')).toBeVisible();
}

/** What Excel/WPS does on Ctrl+V: a paste event carrying the copied block as text. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.beforeEach(async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await expect(page.getByTestId('current-unit')).toBeVisible();
});

test('types through a month with the keyboard only, and the figures add up', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  // From the year field, Tab reaches the grid; the cursor starts on the first cell.
  await page.getByLabel('年度').focus();
  for (let i = 0; i < 4 && !(await page.getByTestId('cell-sink').evaluate((el) => el === document.activeElement).catch(() => false)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('cell-sink')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // 3月: total, key, the eight categories, cumulative — Enter moves down.
  const figures = ['100', '20', '10', '10', '10', '10', '10', '10', '10', '30', '100'];
  for (const f of figures) {
    await page.keyboard.type(f);
    await page.keyboard.press('Enter');
  }
  const refs = ['pub.total', 'pub.key', 'pub.cat.overview', 'pub.cat.plans', 'pub.cat.normative', 'pub.cat.work', 'pub.cat.personnel', 'pub.cat.finance', 'pub.cat.enforcement', 'pub.cat.other', 'pub.cumulative'];
  for (const [i, ref] of refs.entries()) {
    await expect(cell(page, ref, 3)).toHaveText(figures[i]);
    await expect(cell(page, ref, 3)).toHaveAttribute('data-entry', 'saved');
  }
  await expect(cell(page, 'pub.total', 'year')).toHaveText('100');
  await expect(page.getByTestId('grid-status')).toContainText('全部已保存');
  // Only the 重点领域 warnings remain (those items were not typed): no rule errors.
  await expect(page.getByTestId('count-errors')).toHaveText('规则错误 0 条');
  await expect(page.locator('[data-testid="rule-violation"][data-severity="error"]')).toHaveCount(0);
  // The cursor ended below the last row typed: 重点领域 section's first indicator, 3月.
  await expect(page.locator('[data-active="true"]')).toHaveAttribute('data-testid', /-3$/);

  // F2 edits in place, Escape cancels, Delete clears.
  await cell(page, 'pub.key', 3).click();
  await page.keyboard.press('F2');
  await page.keyboard.type('5');
  await page.keyboard.press('Escape');
  await expect(cell(page, 'pub.key', 3)).toHaveText('20');
  await page.keyboard.press('Delete');
  await expect(cell(page, 'pub.key', 3)).toHaveText('');
  await expect(cell(page, 'pub.key', 3)).toHaveAttribute('data-entry', 'saved');
});

test('pastes a 5×3 block from Excel, marks the invalid cell, refuses a block too big, and undoes the paste as one step', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  await cell(page, 'pub.cat.overview', 1).click();
  await paste(page, '1\t２\t3\r\n1,200\t５，０００\t6\r\n7\tabc\t9\r\n10\t11\t12\r\n13\t14\t15\r\n');
  const rows = ['pub.cat.overview', 'pub.cat.plans', 'pub.cat.normative', 'pub.cat.work', 'pub.cat.personnel'];
  const expected = [
    ['1', '2', '3'],
    ['1200', '5000', '6'],
    ['7', 'abc', '9'],
    ['10', '11', '12'],
    ['13', '14', '15'],
  ];
  for (const [r, ref] of rows.entries()) for (let m = 1; m <= 3; m++) await expect(cell(page, ref, m)).toHaveText(expected[r][m - 1]);
  const bad = cell(page, 'pub.cat.normative', 2);
  await expect(bad).toHaveAttribute('data-entry', 'invalid');
  await expect(bad).toHaveAttribute('title', /不是数字/);
  await expect(page.getByTestId('count-invalid')).toHaveText('无效 1 个');
  await expect(cell(page, 'pub.cat.plans', 2)).toHaveAttribute('data-entry', 'saved');
  await expect(page.getByTestId('grid-status')).toContainText('未保存 1 个');

  // Too big for the room left from 11月: refused whole.
  await cell(page, 'pub.total', 11).click();
  await paste(page, '1\t2\t3\t4\r\n');
  const rowsLeft = await page.locator('tr[aria-rowindex]').count();
  await expect(page.getByTestId('grid-notice')).toHaveText(`粘贴的数据有 1 行 4 列，从当前单元格起只能容纳 ${rowsLeft} 行 3 列，超出表格范围，未粘贴任何数据`);
  await expect(cell(page, 'pub.total', 11)).toHaveText('');
  await expect(cell(page, 'pub.total', 12)).toHaveText('');

  // One Ctrl+Z takes the whole paste back; Ctrl+Y puts it back.
  await page.keyboard.press('Control+z');
  for (const [r, ref] of rows.entries()) for (let m = 1; m <= 3; m++) if (!(r === 2 && m === 2)) await expect(cell(page, ref, m)).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(cell(page, 'pub.cat.personnel', 3)).toHaveText('15');
  await expect(cell(page, 'pub.cat.work', 1)).toHaveText('10');

  await page.reload();
  await page.getByLabel('年度').fill('2017');
  await expect(cell(page, 'pub.cat.plans', 2)).toHaveText('5000');
  await expect(cell(page, 'pub.cat.normative', 2)).toHaveText('');
});

test('refuses an invalid value, flags a broken rule then clears it, completes and locks a month, reopens it, and keeps it all after reload', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  const total = cell(page, 'pub.total', 4);
  await total.click();
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(total).toHaveAttribute('data-entry', 'invalid');
  await expect(total).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('count-invalid')).toHaveText('无效 1 个');
  await total.click();
  await expect(page.getByTestId('details-invalid')).toContainText('主动公开政府信息总数（4月）：“-5”是负数，统计数不能为负');

  // Retyped: saved. Then the categories don't add up.
  await page.keyboard.type('76891');
  await page.keyboard.press('Enter');
  await expect(total).toHaveAttribute('data-entry', 'saved');
  await expect(page.getByTestId('count-invalid')).toHaveText('无效 0 个');
  await cell(page, 'pub.cat.overview', 4).click();
  await paste(page, '1\r\n1\r\n1\r\n1\r\n1\r\n1\r\n1\r\n76883\r\n');
  const violation = page.getByTestId('rule-violation').filter({ hasText: /^4月主动公开政府信息总数 ≠ 八类信息之和：76891 ≠ 76890/ });
  await expect(violation).toHaveAttribute('data-severity', 'error');
  await expect(page.getByTestId('rule-violation').filter({ hasText: /^全年主动公开政府信息总数 ≠ 八类信息之和：76891 ≠ 76890/ })).toBeVisible();
  await expect(total).toHaveAttribute('data-rule', 'error');
  await expect(cell(page, 'pub.total', 'year')).toHaveAttribute('data-rule', 'error');

  // Completing is refused while the error stands.
  await total.click();
  await page.getByRole('button', { name: '标记本月完成' }).click();
  await expect(page.getByTestId('completion-refusal')).toContainText('2017年4月不能标记完成');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByTestId('month-header-4')).toHaveAttribute('data-completed', 'false');

  // Clicking the rule goes to its cells; fixing the figure clears it.
  await page.getByTestId('cell-pub.cumulative-1').click();
  await violation.click();
  await expect(page.locator('[data-active="true"]')).toHaveAttribute('data-testid', /-4$/);
  await cell(page, 'pub.cat.other', 4).click();
  await page.keyboard.type('76884');
  await page.keyboard.press('Enter');
  await expect(violation).toHaveCount(0);
  await expect(page.getByTestId('count-errors')).toHaveText('规则错误 0 条');
  await expect(total).not.toHaveAttribute('data-rule', /.+/);

  // Complete April: locked, visible in the header, typing refused.
  await total.click();
  await page.getByRole('button', { name: '标记本月完成' }).click();
  await expect(page.getByTestId('month-header-4')).toHaveAttribute('data-completed', 'true');
  await expect(total).toHaveAttribute('data-locked', 'true');
  await page.keyboard.type('1');
  await expect(page.getByTestId('grid-notice')).toContainText('4月已标记完成，数据已锁定');
  await expect(total).toHaveText('76891');

  // A comment on the cell, and its history.
  await page.getByLabel('备注').fill('含3月补录');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(total).toHaveAttribute('data-comment', 'true');
  await expect(page.getByTestId('cell-history')).toContainText('（空） → 76891');

  await page.reload();
  await page.getByLabel('年度').fill('2017');
  await expect(page.getByTestId('month-header-4')).toHaveAttribute('data-completed', 'true');
  await expect(cell(page, 'pub.total', 4)).toHaveText('76891');
  await expect(cell(page, 'pub.total', 4)).toHaveAttribute('data-comment', 'true');
  await expect(cell(page, 'pub.cat.other', 4)).toHaveText('76884');

  // Reopening needs a reason; then the month takes edits again.
  await cell(page, 'pub.total', 4).click();
  await page.getByRole('button', { name: '撤销完成' }).click();
  await page.getByRole('button', { name: '确认撤销完成' }).click();
  await expect(page.getByTestId('reopen-dialog').getByRole('alert')).toContainText('原因');
  await page.getByLabel('撤销原因').fill('财政信息漏报一条');
  await page.getByRole('button', { name: '确认撤销完成' }).click();
  await expect(page.getByTestId('month-header-4')).toHaveAttribute('data-completed', 'false');
  await cell(page, 'pub.key', 4).click();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'pub.key', 4)).toHaveAttribute('data-entry', 'saved');
  // Undo the last edit.
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'pub.key', 4)).toHaveText('');
});

test('typing fast loses nothing: 200 keystrokes at 20 ms', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  await cell(page, 'pub.total', 1).click();
  // 40 cells × (4 digits + Enter) = 200 keystrokes down the 1月 column.
  const figures = Array.from({ length: 40 }, (_, i) => String(1000 + i * 7));
  await page.keyboard.type(figures.map((f) => `${f}\n`).join(''), { delay: 20 });
  await expect(page.getByTestId('grid-status')).toContainText('全部已保存');
  const rows = page.locator('tr[aria-rowindex]');
  for (let i = 0; i < figures.length; i++) await expect(rows.nth(i).locator('td[role="gridcell"]').first()).toHaveText(figures[i]);
  await page.reload();
  await page.getByLabel('年度').fill('2017');
  for (let i = 0; i < figures.length; i++) await expect(rows.nth(i).locator('td[role="gridcell"]').first()).toHaveText(figures[i]);
});

test('the national tables: laid out like the official table, entered by month, rolled up for the year', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl, '2021');
  await page.getByLabel('模板').selectOption('national-2021');
  await page.getByLabel('年度').fill('2021');
  await page.getByLabel('栏目').selectOption('t3');
  await page.getByLabel('期间').selectOption('3');
  await expect(page.getByRole('rowheader', { name: '三、本年度办理结果' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '申请人情况' })).toBeVisible();
  const natural = page.getByTestId('cell-t3.new:natural-3');
  await natural.click();
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(natural).toHaveText('4');
  await expect(page.getByTestId('cell-t3.new:commercial-3')).toHaveText('5');
  await page.getByTestId('cell-t3.new:total-3').click();
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rule-violation').filter({ hasText: '总计 ≠ 自然人' }).first()).toContainText('8 ≠ 9');
  await page.getByLabel('期间').selectOption('year');
  await expect(page.getByTestId('cell-t3.new:natural-year')).toHaveText('4');
  await expect(page.getByTestId('cell-t3.new:natural-year')).toHaveAttribute('aria-readonly', 'true');
});

test('the grid renders Chinese text (screenshot)', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  await expect(page.getByRole('rowheader', { name: '主动公开政府信息总数' })).toBeVisible();
  await expect(page.getByRole('button', { name: '▾ 主动公开政府信息' })).toBeVisible();
  const dir = path.join('test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ledger-grid-cjk.png');
  await page.getByTestId('ledger-grid').screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(20_000);
  // Glyphs, not tofu: CJK labels are as wide as their text, far wider than a missing-glyph box row would be.
  const width = await page.getByRole('rowheader', { name: '主动公开政府信息总数' }).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getBoundingClientRect().width;
  });
  expect(width).toBeGreaterThan(100);
});

test('Home/End and Ctrl+Home/Ctrl+End move as in Excel, Shift extends, and F1 or ? lists the keys', async ({ page, ledger }) => {
  await openLedger(page, ledger.server.openUrl);
  const active = page.locator('[data-active="true"]');
  const selected = page.locator('td[aria-selected="true"]');
  await cell(page, 'pub.key', 3).click();
  await page.keyboard.press('End');
  await expect(active).toHaveAttribute('data-testid', 'cell-pub.key-year');
  await page.keyboard.press('Home');
  await expect(active).toHaveAttribute('data-testid', 'cell-pub.key-1');
  await page.keyboard.press('Control+End');
  const lastRow = page.locator('tr[aria-rowindex]').last();
  const lastCell = await lastRow.locator('td[role="gridcell"]').last().getAttribute('data-testid');
  await expect(active).toHaveAttribute('data-testid', lastCell!);
  await page.keyboard.press('Control+Home');
  await expect(active).toHaveAttribute('data-testid', 'cell-pub.total-1');
  // Shift extends from the anchor: the whole first row, then the whole grid.
  await page.keyboard.press('Shift+End');
  await expect(selected).toHaveCount(13);
  await expect(active).toHaveAttribute('data-testid', 'cell-pub.total-year');
  await page.keyboard.press('Control+Shift+End');
  await expect(selected).toHaveCount((await page.locator('tr[aria-rowindex]').count()) * 13);
  await page.keyboard.press('Control+Home');
  await expect(selected).toHaveCount(1);

  // While editing, Home/End move the caret, not the cell.
  await cell(page, 'pub.total', 2).click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await cell(page, 'pub.total', 2).click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Home');
  await page.keyboard.type('3');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'pub.total', 2)).toHaveText('312');
  await expect(active).toHaveAttribute('data-testid', 'cell-pub.key-2');

  // F1 opens the list of keys; Esc closes it and the grid takes typing again.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row').filter({ hasText: 'Ctrl + Home / Ctrl + End' })).toContainText('移到表格第一个 / 最后一个单元格');
  await expect(help.getByRole('row').filter({ hasText: 'Home / End' }).first()).toContainText('移到本行第一个 / 最后一个单元格');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'pub.key', 2)).toHaveText('7');
  // "?" opens it too (it is never a figure), and 关闭 closes it.
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: '关闭' }).click();
  await expect(help).toBeHidden();
  await expect(page.getByTestId('cell-sink')).toBeFocused();
  // The status line offers it to those who do not know the key.
  await page.getByRole('button', { name: '快捷键（F1）' }).click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('section and group labels stay in view when the grid scrolls right (office screen)', async ({ page, ledger }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLedger(page, ledger.server.openUrl);
  const grid = page.getByTestId('ledger-grid');
  await expect(cell(page, 'pub.total', 'year')).toBeVisible();
  const labels = [
    page.getByRole('button', { name: '▾ 主动公开政府信息' }),
    page.locator('.group-row .sticky-label').filter({ hasText: '按信息类别' }),
    page.getByRole('rowheader', { name: '主动公开政府信息总数' }),
  ];
  const x = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!.x;
  const before = await Promise.all(labels.map(x));
  const month1 = await x(cell(page, 'pub.total', 1));
  const scrolled = await grid.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollLeft;
  });
  // At 1366 px the year does not fit: the grid scrolls…
  expect(scrolled).toBeGreaterThan(50);
  // …the months move left with it…
  expect(await x(cell(page, 'pub.total', 1))).toBeCloseTo(month1 - scrolled, 0);
  // …and the section, group and row labels stay where they were.
  expect(await Promise.all(labels.map(x))).toEqual(before);
  const box = (await grid.boundingBox())!;
  for (const l of labels) expect(await x(l)).toBeGreaterThanOrEqual(box.x);
});
