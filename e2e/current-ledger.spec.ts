/// <reference lib="dom" />
import { expect, setUpUnit, test } from './fixtures';

test('a clerk fills one month of the current ledger: the category chart, the national table and the report draft show it', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await expect(page.getByTestId('current-unit')).toBeVisible();

  // A new file opens on the current ledger.
  await page.getByRole('link', { name: '台账录入' }).click();
  await expect(page.getByLabel('模板')).toHaveValue('ledger-2021');
  await page.getByLabel('年度').fill('2025');
  await expect(page.getByTestId('ledger-grid')).toBeVisible();

  const type = async (ref: string, month: number, text: string) => {
    await page.getByTestId(`cell-${ref}-${month}`).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`cell-${ref}-${month}`)).toHaveText(text);
  };
  // March: the category breakdown of 主动公开 …
  await type('pub.cat.work', 3, '30');
  await type('pub.cat.finance', 3, '10');
  await type('pub.total', 3, '40');
  // … and, in the same ledger, table 三 of the national format.
  await page.getByLabel('栏目').selectOption('t3');
  await page.getByLabel('期间').selectOption('3');
  await type('t3.new:natural', 3, '4');
  await type('t3.new:total', 3, '4');
  await type('t3.disclosed:natural', 3, '3');
  await type('t3.disclosed:total', 3, '3');
  await type('t3.handled_total:natural', 3, '3');
  await type('t3.handled_total:total', 3, '3');

  // The category chart.
  await page.getByRole('link', { name: '统计图表' }).click();
  await page.getByLabel('年度').fill('2025');
  const legend = page.getByTestId('chart-donut').getByTestId('breakdown-legend');
  await expect(legend.locator('[data-category="工作动态信息"] .share')).toHaveText('75.00%');
  await expect(legend.locator('[data-category="财政信息"] .share')).toHaveText('25.00%');

  // The national table and the text of the report draft, from the same entry.
  await page.getByRole('link', { name: '年报草稿' }).click();
  await expect(page.getByLabel('模板')).toHaveValue('ledger-2021');
  await page.getByRole('spinbutton', { name: '年度' }).fill('2025');
  const t3 = page.getByTestId('report-table-t3');
  await expect(t3.locator('td[data-ref="t3.new:natural"]')).toHaveText('4');
  await expect(t3.locator('td[data-ref="t3.disclosed:total"]')).toHaveText('3');
  await expect(page.getByTestId('report-paragraph-received')).toContainText('新收政府信息公开申请4件');
  await expect(page.getByTestId('report-paragraph-categories')).toContainText('主动公开政府信息40条');
  await expect(page.getByTestId('report-paragraph-categories')).toContainText('工作动态信息30条，占75.00%');
});

test('the city demo: an office with its units, the matrix, the charts and a 2021-format report whose figures are the published ones', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await page.getByRole('button', { name: /载入演示数据（现行格式/ }).click();
  await expect(page.getByTestId('current-unit')).toContainText('示例市人民政府办公室');

  // The office sees every unit below it in the matrix.
  await page.getByRole('link', { name: '报送汇总' }).click();
  await page.getByLabel('报表模板').selectOption('ledger-2021');
  await page.getByLabel('年度', { exact: true }).fill('2025');
  await expect(page.getByRole('cell', { name: /^西江县沙源乡人民政府/ }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /^东城区教育局/ }).first()).toBeVisible();

  // The level's 2023 report: table 三 and 四 as 嘉兴市's published report (resources/demo/README.md).
  await page.getByRole('link', { name: '年报草稿' }).click();
  await page.getByLabel('模板').selectOption('ledger-2021');
  await page.getByRole('spinbutton', { name: '年度' }).fill('2023');
  await page.getByLabel('含下级单位（汇总）').check();
  const t3 = page.getByTestId('report-table-t3');
  await expect(t3.locator('td[data-ref="t3.new:total"]')).toHaveText('132');
  await expect(t3.locator('td[data-ref="t3.handled_total:total"]')).toHaveText('122');
  await expect(t3.locator('td[data-ref="t3.carried_out:total"]')).toHaveText('12');
  await expect(page.getByTestId('report-table-t4').locator('td[data-ref="t4.cases:review_total"]')).toHaveText('7');
  await expect(page.getByTestId('report-paragraph-received')).toContainText('新收政府信息公开申请132件');
});
