/**
 * The report draft of a city with many units: the year's query (per-unit
 * roll-up, then sum), the narrative and tables, and the Word document.
 */
import { performance } from 'node:perf_hooks';
import demoTotals from '../../resources/demo/suining-2017-totals.json';
import { splitRef } from '../../shared/template/cells';
import { insertUnit } from '../../electron/backend/store/units';
import { applyChanges, type ValueChange } from '../../electron/backend/store/values';
import { tempBackend } from '../../electron/backend/testing/tempBackend';

const UNITS = 200;
const b = await tempBackend({ setup: false });
await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市' });
const db = b.ctx.store.db;
const city = db.prepare("SELECT id FROM units WHERE code = 'SN'").get() as { id: number };
const changes: ValueChange[] = [];
for (let u = 0; u < UNITS; u++) {
  const unit = insertUnit(db, { code: `U${u}`, name: `单位${u}`, kind: '部门', parentId: city.id });
  for (let month = 1; month <= 12; month++)
    for (const [ref, total] of Object.entries(demoTotals.totals)) {
      changes.push({ unitId: unit.id, templateId: 'suining-2017', year: 2017, month, ...splitRef(ref), value: Math.floor(total / (UNITS * 12)) });
    }
}
applyChanges(db, changes, { operator: 'bench', source: 'entry' });

function time(n: number, fn: () => Promise<unknown>) {
  return async () => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return times[Math.floor(times.length / 2)].toFixed(1);
  };
}

const draft = await time(10, () => b.invoke('report.draft', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } }))();
const docx = await time(10, () => b.invoke('report.docx', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } }))();
console.log(`年报草稿（${UNITS} 个单位 × 12 个月，${changes.length} 个数值）：生成草稿中位数 ${draft} ms，生成 Word 中位数 ${docx} ms（目标：草稿 ≤ 500 ms，Word ≤ 2000 ms）`);
b.dispose();
