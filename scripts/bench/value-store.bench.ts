/**
 * The value store alone (store/values.ts, store/aggregate.ts), without
 * reading workbooks: what an office import of 500 department files costs it.
 * Each "file" is one applyChanges call in its own transaction, as
 * import/applyFile.ts makes it (national template and seed ledger alternate,
 * every cell of 12 months: 813,000 values in all). Then the level figures of
 * the 500 units, as office totals, charts and the report read them.
 */
import { performance } from 'node:perf_hooks';
import { templateCells } from '../../shared/template/cells';
import type { Template } from '../../shared/template/schema';
import { levelPeriodFigures, monthlyFigures } from '../../electron/backend/store/aggregate';
import { insertUnit } from '../../electron/backend/store/units';
import { applyChanges, getValues, type ValueChange } from '../../electron/backend/store/values';
import { fillEveryCell } from '../../electron/backend/testing/seedValues';
import { tempBackend } from '../../electron/backend/testing/tempBackend';

const N = 500;
const YEAR = 2017;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const b = await tempBackend({ role: 'aggregator' });
const db = b.ctx.store.db;
const self = (await b.invoke('app.status', {})).unit!;
const templates = ['national-2021', 'suining-2017'].map((id) => b.ctx.templates.get(id)!);
const unitIds = db.transaction(() => Array.from({ length: N }, (_, i) => insertUnit(db, { code: `B${i}`, name: `部门${i}`, kind: '部门', parentId: self.id }).id))();
const templateOf = (i: number): Template => templates[i % 2];

function fileChanges(i: number, salt: number): ValueChange[] {
  return fillEveryCell(templateOf(i), `B${i}`, MONTHS, salt).map((v) => ({
    unitId: unitIds[i],
    templateId: templateOf(i).id,
    year: YEAR,
    month: v.month,
    indicator: v.indicator,
    col: v.col,
    value: v.value,
  }));
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function importAll(label: string, salt: (i: number) => number) {
  const files = Array.from({ length: N }, (_, i) => fileChanges(i, salt(i)));
  const values = files.reduce((n, f) => n + f.length, 0);
  const t0 = performance.now();
  let applied = 0;
  for (const f of files) applied += applyChanges(db, f, { operator: 'bench', source: 'import' }).length;
  const ms = performance.now() - t0;
  console.log(`${label}：${N} 个文件 × 平均 ${(values / N).toFixed(0)} 个数值（共 ${values}，改动 ${applied}），每个文件一次 applyChanges：${s(ms)}，每个文件 ${(ms / N).toFixed(2)} ms`);
}

importAll('首次导入', (i) => i);
importAll('再次导入（约半数数值变化）', (i) => i + (i % 2));
importAll('重复导入（无变化）', (i) => i + (i % 2));
// The same first import with a single commit: what the 500 commits (each synced to disk) cost on their own.
db.exec('DELETE FROM value_changes; DELETE FROM month_values');
db.transaction(() => importAll('首次导入，但 500 个文件合为一个事务（只提交一次）', (i) => i))();

const t0 = performance.now();
let read = 0;
for (let i = 0; i < N; i++) read += getValues(db, unitIds[i], templateOf(i).id, YEAR).length;
console.log(`逐个单位读取全年（getValues，${N} 个单位，${read} 个数值）：${(performance.now() - t0).toFixed(0)} ms`);

function median(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, c) => a - c)[2];
}

for (const template of templates) {
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM month_values WHERE template_id = ?').get(template.id) as { n: number }).n;
  const year = median(() => levelPeriodFigures(db, template, unitIds, YEAR));
  const half = median(() => levelPeriodFigures(db, template, unitIds, YEAR, 1, 6));
  const trend = median(() => monthlyFigures(db, unitIds, template, YEAR));
  console.log(
    `${template.name}：${N} 个单位的汇总（${rows} 个单位月）levelPeriodFigures 全年 ${year.toFixed(0)} ms，上半年 ${half.toFixed(0)} ms；monthlyFigures ${trend.toFixed(0)} ms`,
  );
}

// Every unit on the larger template: a city where all 500 file the national tables.
for (let i = 1; i < N; i += 2) {
  const changes = fillEveryCell(templates[0], `B${i}`, MONTHS, i).map((v) => ({ unitId: unitIds[i], templateId: templates[0].id, year: YEAR, month: v.month, indicator: v.indicator, col: v.col, value: v.value }));
  applyChanges(db, changes, { operator: 'bench', source: 'import' });
}
const all = median(() => levelPeriodFigures(db, templates[0], unitIds, YEAR));
console.log(`${templates[0].name}：全部 ${N} 个单位 × 12 个月 × ${templateCells(templates[0]).size} 个指标的全年汇总 levelPeriodFigures：中位数 ${all.toFixed(0)} ms`);
b.dispose();
