/**
 * Importing a month-end's worth of workbooks at the office: 500 department
 * workbooks (250 on the national template, 250 on the seed ledger, each a
 * whole year of 12 months), written once by the real writer into a temp dir
 * (generation timed separately and reused by later runs), then: dry run
 * (read + plan), import (apply: every file all or nothing, committed once),
 * merge (the city's totals of both templates, as the office views show
 * them), the export of the city's 汇总表 of both templates, and
 * the same 500 files imported again (all unchanged); beside it a plain
 * exceljs full read of the same files.
 * Goal: dry run + import + merge of the 500 in ≤ 2 s on a 2-core machine
 * (the 汇总表 exports are printed beside it, not part of the goal).
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { yearPeriod } from '../../shared/values/period';
import { operatorName } from '../../electron/backend/context';
import { mergedExport } from '../../electron/backend/office/mergedExport';
import { levelTotals } from '../../electron/backend/office/totals';
import { ImportBatch } from '../../electron/backend/import/session';
import { countFigures } from '../../electron/backend/store/monthValues';
import { tempBackend } from '../../electron/backend/testing/tempBackend';
import { ensureBenchWorkbooks, N, seconds as s, templates, units } from './benchWorkbooks';

// 1. Generate once (excluded from the import figures).
const { files, line } = await ensureBenchWorkbooks();
console.log(line);

// 2. Dry run, import, merge.
const b = await tempBackend({ role: 'aggregator' });
const db = b.ctx.store.db;
db.transaction(() => {
  const parent = (db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number }).id;
  const ins = db.prepare("INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES (?, ?, '部门', ?, '', '')");
  for (const u of units) ins.run(u.code, u.name, parent);
})();

const t0 = performance.now();
const batch = new ImportBatch({ templates: (id) => b.ctx.templates.get(id) });
for (const f of files) batch.add(f.name, f.bytes);
const tRead = performance.now() - t0;
const plans = batch.plan(db);
const tDry = performance.now() - t0;
const rejected = plans.filter((p) => p.status === 'rejected');
if (rejected.length) throw new Error(`bench files refused: ${rejected[0].problems[0].message}`);

let t1 = performance.now();
await b.ctx.store.backup('before-import');
const applied = batch.applyNext({ db, dataDir: b.ctx.store.dataDir, operator: operatorName(b.ctx) }, N);
const tApply = performance.now() - t1;
// Every figure stored, in every month row.
const values = countFigures(db);

// Merged: the city's totals of both templates, as 报送汇总 shows them.
t1 = performance.now();
const root = b.ctx.store.db.prepare("SELECT * FROM units WHERE code = 'TEST-01'").get() as { id: number };
const cityValues = ['national-2021', 'suining-2017'].map((id) => levelTotals(db, templates.get(id)!, root.id, 2017, 1, 12).figures.size);
const tTotals = performance.now() - t1;

t1 = performance.now();
const self = { id: root.id, code: 'TEST-01', name: '测试单位', kind: '市' as const, parentId: null, active: true };
let mergedBytes = 0;
for (const id of ['national-2021', 'suining-2017']) {
  const m = await mergedExport(db, { template: templates.get(id)!, root: self, period: yearPeriod(2017), appVersion: 'bench', today: '2018-01-20' });
  mergedBytes += m.buffer.length;
}
const tMerge = performance.now() - t1;
const total = tDry + tApply + tTotals + tMerge;

console.log(`预演（读取 + 比对）：${s(tDry)}（其中读取 ${s(tRead)}），${(N / (tDry / 1000)).toFixed(0)} 个/秒`);
console.log(`导入（${values} 个数值及变更记录，按单位月份打包写入，每个文件全部或全不，一次提交，含导入前备份）：${s(tApply)}，${applied.filter((p) => p.status === 'new').length} 个新增`);
console.log(`合并（全市合计，两个模板，${cityValues.join(' + ')} 个汇总数）：${s(tTotals)}`);
console.log(`导出汇总表（两个模板，${(mergedBytes / 1024).toFixed(0)} KB）：${s(tMerge)}`);
console.log(`合计（预演 + 导入 + 合并）：${s(total - tMerge)}，${(N / ((total - tMerge) / 1000)).toFixed(0)} 个/秒；含导出汇总表：${s(total)}，${(N / (total / 1000)).toFixed(0)} 个/秒（目标：500 个 ≤ 2 s）`);

// The same files again, as when a batch is re-sent: everything unchanged, nothing written but the log.
t1 = performance.now();
const again = new ImportBatch({ templates: (id) => b.ctx.templates.get(id) });
for (const f of files) again.add(f.name, f.bytes);
again.plan(db);
const reapplied = again.applyNext({ db, dataDir: b.ctx.store.dataDir, operator: operatorName(b.ctx) }, N);
const tAgain = performance.now() - t1;
if (reapplied.some((p) => p.status !== 'unchanged')) throw new Error('re-import changed something');
console.log(`再次导入同样 ${N} 个文件（预演 + 导入，全部无变化）：${s(tAgain)}，${(N / (tAgain / 1000)).toFixed(0)} 个/秒`);

// Every stored figure through the documented view (migration 007), as an outside SQLite tool reads them.
t1 = performance.now();
const viewed = db.prepare('SELECT COUNT(*) AS n, SUM(value) AS total FROM ledger_values').get() as { n: number; total: number };
const tView = performance.now() - t1;
if (viewed.n !== values) throw new Error(`ledger_values has ${viewed.n} values, the month rows ${values}`);
console.log(`视图 ledger_values 读出全部 ${viewed.n} 个数值（任何 SQLite 工具均可查询）：${s(tView)}`);

// 3. A plain full read with exceljs, for comparison.
t1 = performance.now();
for (const f of files) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(f.bytes as unknown as ExcelJS.Buffer);
}
const tExcel = performance.now() - t1;
console.log(`对照：exceljs 完整读取同样 ${N} 个文件：${s(tExcel)}，${(N / (tExcel / 1000)).toFixed(0)} 个/秒（本导入读取快 ${(tExcel / tRead).toFixed(1)} 倍）`);
b.dispose();
