import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setUpUnit, test } from './fixtures';

const ARTIFACTS = path.resolve('e2e-artifacts');

/** Shares as printed in the 2017 Suining annual report. */
const REPORT_2017: [string, number, string][] = [
  ['概况信息', 1876, '2.44%'],
  ['计划总结信息', 7065, '9.19%'],
  ['规范性文件信息', 81, '0.10%'],
  ['工作动态信息', 42373, '55.11%'],
  ['人事信息', 1625, '2.11%'],
  ['财政信息', 1758, '2.29%'],
  ['行政执法信息', 4668, '6.07%'],
  ['其他信息', 17445, '22.69%'],
];

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * How far apart two pictures look: both scaled to 86 × 60 blocks in the page's
 * canvas (averaging away font hinting), the mean difference of their colour
 * channels, 0 (same) to 1. Pictures with other colours or another layout
 * differ by well over 0.1.
 */
async function pictureDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const pixels = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 86;
        c.height = 60;
        const g = c.getContext('2d')!;
        g.imageSmoothingQuality = 'high';
        g.drawImage(img, 0, 0, c.width, c.height);
        return g.getImageData(0, 0, c.width, c.height).data;
      };
      const [p, q] = [await pixels(x), await pixels(y)];
      let sum = 0;
      for (let i = 0; i < p.length; i++) if (i % 4 !== 3) sum += Math.abs(p[i] - q[i]);
      return sum / ((p.length * 3) / 4) / 255;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

test('demo data, the 2017 breakdown as the report prints it, table view, copy as table, PNG', async ({ page, ledger }) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ledger.server.openUrl).origin });
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN-ZFB', role: 'aggregator' });

  // 首页 first in navigation; with no data it offers the demo.
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link').first()).toHaveText('首页');
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '备份后载入演示数据' }).click();
  await expect(page.getByTestId('stat-total')).toContainText('76891');
  await expect(page.getByTestId('stat-months')).toContainText('12/12');
  await expect(page.getByTestId('rules-summary')).toHaveText('0 个错误，1 个提示');
  await expect(page.getByTestId('chart-donut').getByTestId('breakdown-legend')).toContainText('55.11%');
  await page.screenshot({ path: path.join(ARTIFACTS, 'charts-overview.png'), fullPage: true });
  expect(fs.statSync(path.join(ARTIFACTS, 'charts-overview.png')).size).toBeGreaterThan(20_000);

  await page.getByRole('link', { name: '统计图表' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2017');
  const donut = page.getByTestId('chart-donut');
  const legend = donut.getByTestId('breakdown-legend');
  for (const [name, , share] of REPORT_2017) await expect(legend.locator(`[data-category="${name}"] .share`)).toHaveText(share);

  await page.screenshot({ path: path.join(ARTIFACTS, 'charts-page.png'), fullPage: true });
  // A screenshot of each chart type.
  for (const id of ['donut', 'bar', 'trend', 'yoy', 'ranking']) {
    const chart = page.getByTestId(`chart-${id}`);
    await expect(chart.locator(id === 'donut' ? '.breakdown-picture svg' : 'svg.recharts-surface').first()).toBeVisible();
    const file = path.join(ARTIFACTS, `charts-${id}.png`);
    await chart.screenshot({ path: file });
    expect(fs.statSync(file).size, file).toBeGreaterThan(8_000);
  }

  // Table view shows the same counts and shares.
  await donut.getByRole('button', { name: '表格', exact: true }).click();
  const table = donut.getByRole('table');
  for (const [name, count, share] of REPORT_2017) {
    await expect(table.getByRole('row', { name: new RegExp(`^${name}`) })).toHaveText(`${name}${count}${share}`);
  }
  await expect(table.getByRole('row').last()).toHaveText('合计76891100.00%');

  // Copy as table: tab-separated, pastes into Excel.
  await donut.getByRole('button', { name: '复制为表格' }).click();
  await expect(donut.getByRole('status')).toContainText('已复制 10 行');
  const copied = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(copied.split('\r\n')[0]).toBe('类别\t条数\t占比');
  for (const [name, count, share] of REPORT_2017) expect(copied).toContain(`${name}\t${count}\t${share}\r\n`);

  // Save as PNG: a real PNG of sensible size.
  await donut.getByRole('button', { name: '图表', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), donut.getByRole('button', { name: '保存为图片' }).click()]);
  expect(download.suggestedFilename()).toBe('SN-ZFB-2017-分类构成.png');
  const bytes = fs.readFileSync((await download.path())!);
  fs.writeFileSync(path.join(ARTIFACTS, 'charts-donut-saved.png'), bytes);
  const { width, height } = pngSize(bytes);
  expect(width).toBeGreaterThanOrEqual(600);
  expect(width).toBeLessThanOrEqual(4000);
  expect(height).toBeGreaterThanOrEqual(600);
  expect(height).toBeLessThanOrEqual(4000);
  expect(bytes.length).toBeGreaterThan(10_000);
  // The saved picture looks like the one on screen: both drawn at the same size and compared block by block.
  const onScreen = await donut.locator('.breakdown-picture svg').screenshot();
  expect(await pictureDifference(page, onScreen, bytes)).toBeLessThan(0.03);

  // A period without figures says so.
  await page.getByLabel('年度').fill('2019');
  await expect(page.getByTestId('chart-donut').getByRole('note')).toHaveText('无数据：2019年没有录入任何数值');
  await expect(page.getByTestId('chart-trend').getByRole('note')).toContainText('无数据');
});

test('a month and a range of the demo year add up to the same report figures', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page);
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '备份后载入演示数据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已载入演示数据' })).toBeVisible();
  await page.getByRole('link', { name: '统计图表' }).click();
  await page.getByLabel('单位', { exact: true }).selectOption('DEMO-SN2017');
  await expect(page.getByLabel('年度')).toHaveValue('2017');
  await expect(page.getByTestId('breakdown-legend').locator('[data-category="工作动态信息"] .share')).toHaveText('55.11%');
  await page.getByLabel('期间').selectOption('range');
  await page.getByLabel('起始月').selectOption('3');
  await page.getByLabel('结束月').selectOption('3');
  await expect(page.getByTestId('chart-donut')).toContainText('2017年3月');
  const shares = await page.getByTestId('breakdown-legend').locator('.share').allTextContents();
  expect(shares).toHaveLength(8);
  expect(shares.reduce((s, x) => s + Math.round(parseFloat(x) * 100), 0)).toBe(10_000);
});

test('a file not yet set up can start with the demo data as its own office', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await expect(page.getByRole('heading', { name: '首次使用：设置本单位' })).toBeVisible();
  await page.getByRole('button', { name: '载入演示数据（2017年遂宁市）' }).click();
  await expect(page.getByTestId('current-unit')).toHaveText('遂宁市（2017年演示数据）（DEMO-SN2017）');
  await expect(page.getByTestId('stat-total')).toContainText('76891');

  // Tooltips give the counts.
  await page.getByRole('link', { name: '统计图表' }).click();
  const bar = page.getByTestId('chart-bar');
  await bar.locator('.recharts-bar-rectangle').first().hover();
  await expect(bar.locator('.chart-tooltip')).toContainText('工作动态信息');
  await expect(bar.locator('.chart-tooltip')).toContainText('42373 条，占 55.11%');

  // The ledger opens on the demo's year, not on an empty current one.
  await page.getByRole('link', { name: '台账录入' }).click();
  await expect(page.getByLabel('年度')).toHaveValue('2017');
  await expect(page.getByTestId('cell-pub.total-year')).toHaveText('76891');
});

test('依申请公开 outcomes and 复议/诉讼 results have their charts, saved as the picture on screen', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await page.getByRole('button', { name: '载入演示数据（现行格式，2023—2025年一个市及其下级单位）' }).click();
  await page.getByRole('link', { name: '统计图表' }).click();
  await page.getByLabel('年度').fill('2025');
  const requests = page.getByTestId('chart-breakdown-requests');
  await expect(requests.getByTestId('breakdown-legend')).toContainText('政府信息公开申请办理结果');
  const shares = await requests.locator('[data-category] .share').allTextContents();
  expect(shares).toHaveLength(6);
  expect(shares.reduce((s, x) => s + Math.round(parseFloat(x) * 100), 0)).toBe(10_000);
  await expect(page.getByTestId('chart-breakdown-review').getByTestId('breakdown-legend')).toContainText('结果维持');
  await expect(page.getByTestId('chart-breakdown-litigation').getByTestId('breakdown-legend')).toContainText('尚未审结');
  const downloading = page.waitForEvent('download');
  await requests.getByRole('button', { name: '保存为图片' }).click();
  const png = await downloading;
  expect(png.suggestedFilename()).toMatch(/政府信息公开申请办理结果\.png$/);
});
