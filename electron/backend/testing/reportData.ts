/**
 * Test support for the report: the 2017 Suining totals stored under a city
 * and two departments (split across units and months, a stock entered twice),
 * so that a level's figures must be rolled up per unit and then summed to
 * give the published totals back.
 */
import demoTotals from '../../../resources/demo/suining-2017-totals.json';
import { splitRef } from '../../../shared/template/cells';
import type { Backend } from '../backend';
import { insertUnit } from '../store/units';
import { applyChanges, type ValueChange } from '../store/values';

const TEMPLATE = 'suining-2017';
/** Stocks (rollup last): a department's earlier month must not be counted. */
const STOCKS = new Set(['pub.cumulative']);

export interface SuiningCity {
  cityCode: string;
  deptCodes: [string, string];
}

export function seedSuiningCity(b: Backend, cityCode: string): SuiningCity {
  const db = b.ctx.store.db;
  const city = db.prepare('SELECT id FROM units WHERE code = ?').get(cityCode) as { id: number };
  const a = insertUnit(db, { code: 'SN-CZJ', name: '遂宁市财政局', kind: '部门', parentId: city.id });
  const c = insertUnit(db, { code: 'SN-CSQ', name: '船山区人民政府', kind: '县区', parentId: city.id });
  const changes: ValueChange[] = [];
  const put = (unitId: number, month: number, ref: string, value: number) =>
    changes.push({ unitId, templateId: TEMPLATE, year: 2017, month, ...splitRef(ref), value });
  for (const [ref, total] of Object.entries(demoTotals.totals)) {
    const first = Math.floor(total / 3);
    const rest = total - first;
    put(a.id, 3, ref, first);
    if (STOCKS.has(ref)) {
      put(c.id, 6, ref, Math.floor(rest / 2));
      put(c.id, 11, ref, rest);
    } else {
      const half = Math.floor(rest / 2);
      put(c.id, 6, ref, half);
      put(c.id, 11, ref, rest - half);
    }
  }
  applyChanges(db, changes, { operator: '测试', source: 'entry' });
  return { cityCode, deptCodes: [a.code, c.code] };
}
