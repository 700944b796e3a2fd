/**
 * Export speed: one unit-year of the seed ledger (2017 Suining figures spread
 * over the months) and one unit-year of the national tables, through the
 * same API call the UI makes (read values, draw the picture, write the
 * workbook, log the revision). The breakdown picture is cached by content,
 * so repeated exports reuse it; its first rendering is timed on its own.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { breakdownPng } from '../../electron/backend/charts/breakdown';
import { clearPngCache } from '../../electron/backend/charts/renderPng';
import { writeWorkbookBuffer } from '../../electron/backend/export/buildWorkbook';
import { fillEveryCell, seedTotals, spreadOverMonths } from '../../electron/backend/testing/seedValues';
import { tempBackend } from '../../electron/backend/testing/tempBackend';
import { yearPeriod } from '../../shared/values/period';

const b = await tempBackend();
const suining = b.ctx.templates.get('suining-2017')!;
const national = b.ctx.templates.get('national-2021')!;
for (const [template, year, values] of [
  [suining, 2017, spreadOverMonths(suining, seedTotals(), 'TEST-01')],
  [national, 2021, fillEveryCell(national, 'TEST-01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])],
] as const) {
  const r = await b.invoke('values.setMany', {
    templateId: template.id,
    year,
    cells: values.map((v) => ({ month: v.month, indicator: v.indicator, col: v.col, raw: v.value })),
  });
  if (r.refused.length) throw new Error(r.refused[0].message);
}

async function median(label: string, n: number, fn: () => Promise<unknown>, goal?: number) {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, c) => a - c);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`${label}，${n} 次：中位数 ${q(0.5)} ms，p95 ${q(0.95)} ms${goal ? `（目标中位数 ≤ ${goal} ms）` : ''}`);
}

await median('导出报送表 遂宁口径台账 一个单位全年（export.workbook，含分类统计图缓存）', 20, () =>
  b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 } }), 100);
await median('导出报送表 全国格式统计表 一个单位全年（export.workbook）', 20, () =>
  b.invoke('export.workbook', { templateId: 'national-2021', period: { year: 2021, fromMonth: 1, toMonth: 12 } }), 100);

const unit = { code: 'TEST-01', name: '测试单位', kind: '部门', parentCode: '' };
const seedValues = spreadOverMonths(suining, seedTotals(), 'TEST-01');
await median('工作簿写入（不含统计图，仅 exceljs 生成）遂宁口径全年', 20, () =>
  writeWorkbookBuffer({ kind: 'submission', template: suining, period: yearPeriod(2017), unit, units: [unit], values: seedValues, revision: 1, exportedAt: new Date().toISOString(), appVersion: 'bench' }));

const figures = new Map(Object.entries(seedTotals()));
await median('分类统计图首次绘制（SVG → PNG，无缓存）', 5, async () => {
  clearPngCache();
  await breakdownPng(suining, figures, { unitName: '测试单位', subtree: false, unitCount: 1 }, yearPeriod(2017));
});
console.log(`（本机 ${os.cpus().length} 核，测量时负载 ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}）`);
b.dispose();
