/**
 * The office's views over a city of 500 units with a full year of figures:
 * the submission matrix, the merged totals of the city and of a county, and
 * a unit-to-parent comparison, each through the API (zod → handler → SQLite).
 */
import { performance } from 'node:perf_hooks';
import { templateCells } from '../../shared/template/cells';
import { recordSubmission } from '../../electron/backend/store/submissions';
import { insertUnit } from '../../electron/backend/store/units';
import { applyChanges, type ValueChange } from '../../electron/backend/store/values';
import { tempBackend } from '../../electron/backend/testing/tempBackend';

const COUNTIES = 20;
const DEPTS_PER_COUNTY = 19;
const CITY_DEPTS = 500 - COUNTIES * (DEPTS_PER_COUNTY + 1);
const T = 'suining-2017';
const YEAR = 2017;

const b = await tempBackend({ role: 'aggregator' });
const db = b.ctx.store.db;
const template = b.ctx.templates.get(T)!;
const cells = [...templateCells(template).values()];
const city = db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number };

const t0 = performance.now();
const unitIds: number[] = [];
db.transaction(() => {
  for (let c = 0; c < COUNTIES; c++) {
    const county = insertUnit(db, { code: `C${c}`, name: `县区${c}`, kind: '县区', parentId: city.id });
    unitIds.push(county.id);
    for (let d = 0; d < DEPTS_PER_COUNTY; d++) unitIds.push(insertUnit(db, { code: `C${c}-D${d}`, name: `县区${c}部门${d}`, kind: '部门', parentId: county.id }).id);
  }
  for (let d = 0; d < CITY_DEPTS; d++) unitIds.push(insertUnit(db, { code: `D${d}`, name: `市直部门${d}`, kind: '部门', parentId: city.id }).id);
  for (const [i, id] of unitIds.entries()) {
    const changes: ValueChange[] = [];
    for (let m = 1; m <= 12; m++) {
      for (const [k, cell] of cells.entries()) {
        changes.push({ unitId: id, templateId: T, year: YEAR, month: m, indicator: cell.indicator, col: cell.col, value: ((i + m + k) % 17) + (cell.valueKind === 'amount' ? 0.25 : 0) });
      }
      if ((i + m) % 7 !== 0) recordSubmission(db, { unitId: id, templateId: T, year: YEAR, month: m, revision: 1, fingerprint: `${i}-${m}` });
    }
    applyChanges(db, changes, { operator: 'bench', source: 'bench' });
  }
})();
const rows = unitIds.length * 12 * cells.length;
console.log(`准备数据：${unitIds.length} 个单位 × 12 个月 × ${cells.length} 个指标 = ${rows} 个数值，用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function time(label: string, goalMs: number, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, c) => a - c);
  console.log(`${label}：中位数 ${times[2].toFixed(0)} ms（目标 ≤ ${goalMs} ms）`);
}

await time('报送情况矩阵（500 个单位 × 12 个月）', 200, () => b.invoke('office.matrix', { templateId: T, year: YEAR, today: '2018-03-01' }));
await time('催报名单', 200, () => b.invoke('office.reminders', { templateId: T, year: YEAR, today: '2018-03-01' }));
await time('全市全年汇总（500 个单位）', 1000, () => b.invoke('office.totals', { templateId: T, period: { year: YEAR, fromMonth: 1, toMonth: 12 } }));
await time('一个县区上半年汇总（20 个单位）', 100, () => b.invoke('office.totals', { templateId: T, period: { year: YEAR, fromMonth: 1, toMonth: 6 }, unitCode: 'C3' }));
await time('县区与全市对比', 1000, () => b.invoke('office.compare', { templateId: T, period: { year: YEAR, fromMonth: 1, toMonth: 12 }, unitCode: 'C3' }));
b.dispose();
