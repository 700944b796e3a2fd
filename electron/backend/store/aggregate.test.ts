import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { insertUnit } from './units';
import { aggregatePeriodFigures, monthlyFigures, periodFigures, subtreeUnitIds, unitMonthlyFigures } from './aggregate';
import { applyChanges } from './values';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
});
afterEach(() => b.dispose());

describe('aggregate', () => {
  it('sums a subtree once per unit and rolls months up by each cell rule', () => {
    const db = b.ctx.store.db;
    const city = insertUnit(db, { code: 'CITY', name: '市', kind: '市' });
    const county = insertUnit(db, { code: 'C1', name: '县', kind: '县区', parentId: city.id });
    const dept = insertUnit(db, { code: 'C1-D1', name: '县财政局', kind: '部门', parentId: county.id });
    const other = insertUnit(db, { code: 'X', name: '外市', kind: '市' });
    expect(subtreeUnitIds(db, city.id).sort()).toEqual([city.id, county.id, dept.id].sort());
    const put = (unitId: number, month: number, indicator: string, value: number, col = '', templateId = 'suining-2017', year = 2017) =>
      applyChanges(db, [{ unitId, templateId, year, month, indicator, col, value }], { operator: 't', source: 'test' });
    put(county.id, 1, 'pub.total', 10);
    put(dept.id, 1, 'pub.total', 5);
    put(dept.id, 2, 'pub.total', 7);
    put(other.id, 1, 'pub.total', 1000);
    put(county.id, 3, 'pub.cumulative', 100);
    put(dept.id, 6, 'pub.cumulative', 50);
    put(dept.id, 1, 'fee.charged', 0.1);
    put(county.id, 1, 'fee.charged', 0.2);
    const template = b.ctx.templates.get('suining-2017')!;
    const monthly = monthlyFigures(db, subtreeUnitIds(db, city.id), template, 2017);
    expect(monthly.get('pub.total')?.slice(1, 3)).toEqual([15, 7]);
    const perUnit = unitMonthlyFigures(db, subtreeUnitIds(db, city.id), template, 2017);
    const year = aggregatePeriodFigures(template, perUnit);
    expect(year.get('pub.total')).toBe(22);
    // A stock is each unit's own last value, then summed across units.
    expect(year.get('pub.cumulative')).toBe(150);
    expect(year.get('fee.charged')).toBe(0.3);
    expect(aggregatePeriodFigures(template, perUnit, 1, 1).get('pub.total')).toBe(15);
    expect(year.has('pub.key')).toBe(false);
    expect(periodFigures(template, perUnit.get(dept.id)!).get('pub.cumulative')).toBe(50);
  });
});
