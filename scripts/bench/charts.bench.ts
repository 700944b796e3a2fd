/**
 * Chart figures for a city office: 200 units below it, each with a full
 * year of the 2017 demo figures; times the calls the overview and the
 * charts page make (backend only, no drawing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spreadYear } from '../../shared/demo/spread';
import { splitRef } from '../../shared/template/cells';
import { insertUnit } from '../../electron/backend/store/units';
import { applyChanges, type ValueChange } from '../../electron/backend/store/values';
import { defaultResourcesDir } from '../../electron/backend/paths';
import { tempBackend } from '../../electron/backend/testing/tempBackend';

const UNITS = 200;
const RUNS = 20;
const b = await tempBackend({ role: 'aggregator' });
const db = b.ctx.store.db;
const demo = JSON.parse(fs.readFileSync(path.join(defaultResourcesDir(), 'demo', 'suining-2017-totals.json'), 'utf8')) as { totals: Record<string, number> };
const template = b.ctx.templates.get('suining-2017')!;
const { months } = spreadYear(template, demo.totals);
const self = (await b.invoke('app.status', {})).unit!;
db.transaction(() => {
  for (let u = 0; u < UNITS; u++) {
    const unit = insertUnit(db, { code: `B${u}`, name: `基准单位${u}`, kind: '部门', parentId: self.id });
    const changes: ValueChange[] = [];
    for (const [ref, s] of months) {
      const { indicator, col } = splitRef(ref);
      for (let m = 1; m <= 12; m++) changes.push({ unitId: unit.id, templateId: template.id, year: 2017, month: m, indicator, col, value: s[m] });
    }
    applyChanges(db, changes, { operator: 'bench', source: 'bench' });
  }
})();

async function time(label: string, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  console.log(`${label}：中位数 ${times[Math.floor(RUNS / 2)].toFixed(1)} ms，最慢 ${times[RUNS - 1].toFixed(1)} ms`);
}

const T = 'suining-2017';
const period = { year: 2017, fromMonth: 1, toMonth: 12 };
console.log(`${UNITS} 个下级单位，每个单位全年 ${months.size} 项 × 12 个月，各调用 ${RUNS} 次（目标：首页 ≤ 300 ms）`);
await time('charts.overview（首页）', () => b.invoke('charts.overview', { templateId: T, year: 2017 }));
await time('charts.breakdown（全市全年）', () => b.invoke('charts.breakdown', { templateId: T, period, scope: { subtree: true } }));
await time('charts.trend', () => b.invoke('charts.trend', { templateId: T, year: 2017, scope: { subtree: true } }));
await time('charts.ranking（200个单位）', () => b.invoke('charts.ranking', { templateId: T, period }));
b.dispose();
