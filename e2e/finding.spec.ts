/** An office with many units finds one, and the units that have not reported, in a few keystrokes. */
import { callApi as call, expect, setUpUnit, test } from './fixtures';

test('单位名录 search and filters, and the matrix shown by what is missing', async ({ page, ledger }) => {
  await page.goto(ledger.server.openUrl);
  await setUpUnit(page, { name: '遂宁市人民政府办公室', code: 'SN', role: 'aggregator' });
  await expect(page.getByRole('link', { name: '单位名录' })).toBeVisible();
  const units: [string, string, string, string][] = [
    ['CS', '船山区人民政府', '县区', 'SN'],
    ['CS-JYJ', '船山区教育局', '部门', 'CS'],
    ['CS-WJW', '船山区卫生健康局', '部门', 'CS'],
    ['AJ', '安居区人民政府', '县区', 'SN'],
    ['AJ-JYJ', '安居区教育局', '部门', 'AJ'],
    ['SN-CZJ', '遂宁市财政局', '部门', 'SN'],
  ];
  for (const [code, name, kind, parentCode] of units) await call(page, 'units.create', { code, name, kind, parentCode });

  await page.getByRole('link', { name: '单位名录' }).click();
  const found = page.getByTestId('directory-found');
  await expect(found).toHaveText('找到 7 个单位（共 7 个）');
  const search = page.getByRole('search').getByRole('searchbox', { name: '搜索单位名称或代码' });
  await search.fill('教育');
  await expect(found).toHaveText('找到 2 个单位（共 7 个）');
  // The matches, with their parents kept as context so the tree still reads.
  await expect(page.locator('.unit-tree tbody tr')).toHaveCount(5);
  await expect(page.locator('tr[data-unit="CS"]')).toHaveClass(/context-only/);
  await expect(page.locator('tr[data-unit="CS-JYJ"]')).not.toHaveClass(/context-only/);
  await search.fill('aj-');
  await expect(page.locator('.unit-tree tbody tr:not(.context-only)')).toHaveCount(1);
  await search.fill('');
  const filters = page.getByRole('search');
  await filters.getByLabel('类型').selectOption('县区');
  await expect(found).toHaveText('找到 2 个单位（共 7 个）');
  await filters.getByLabel('类型').selectOption('');
  await filters.getByLabel('上级单位').selectOption('CS');
  await expect(page.locator('.unit-tree tbody tr:not(.context-only)')).toHaveCount(3);
  await search.fill('没有的单位');
  await expect(page.getByText('没有符合条件的单位。')).toBeVisible();

  await page.getByRole('link', { name: '报送汇总' }).click();
  const shown = page.getByTestId('matrix-shown');
  // The office's own unit heads the page, not the matrix.
  await expect(shown).toHaveText('显示 6 个单位（共 6 个）');
  await page.getByRole('combobox', { name: '排序', exact: true }).selectOption('name');
  // Sorted by name as Chinese readers expect (by pinyin): 安居区… first.
  await expect(page.locator('.submission-matrix tbody tr').first()).toHaveAttribute('data-unit', /^AJ/);
  await expect(page.locator('.submission-matrix tbody tr').last()).toHaveAttribute('data-unit', 'SN-CZJ');
  await page.getByRole('combobox', { name: '显示', exact: true }).selectOption('missing');
  const rows = await page.locator('.submission-matrix tbody tr[data-unit]').count();
  await expect(shown).toHaveText(`显示 ${rows} 个单位（共 6 个）`);
});
