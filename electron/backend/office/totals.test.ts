import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import { aggregatePeriodFigures, subtreeUnitIds, unitMonthlyFigures } from '../store/aggregate';
import { insertUnit } from '../store/units';
import { applyChanges, type ValueChange } from '../store/values';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { levelTotals } from './totals';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
});
afterEach(() => b.dispose());

/** Small deterministic generator so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('level totals', () => {
  it('equal the per-unit roll-up then sum of aggregatePeriodFigures, for every template, level and period', () => {
    const db = b.ctx.store.db;
    const rnd = random(42);
    const city = insertUnit(db, { code: 'CITY', name: '市', kind: '市' });
    const ids = [city.id];
    for (let c = 0; c < 3; c++) {
      const county = insertUnit(db, { code: `C${c}`, name: `县${c}`, kind: '县区', parentId: city.id });
      ids.push(county.id);
      for (let d = 0; d < 3; d++) ids.push(insertUnit(db, { code: `C${c}-D${d}`, name: `局${d}`, kind: '部门', parentId: county.id }).id);
    }
    for (const template of b.ctx.templates.all()) {
      const cells = [...templateCells(template).values()];
      const changes: ValueChange[] = [];
      for (const id of ids)
        for (let m = 1; m <= 12; m++) {
          for (const c of cells) {
            // Gaps matter most for stocks and opening balances: leave most months empty.
            if (rnd() < (c.rollup === 'sum' ? 0.5 : 0.7)) continue;
            const v = c.valueKind === 'amount' ? Math.round(rnd() * 100000) / 100 : Math.floor(rnd() * 50);
            changes.push({ unitId: id, templateId: template.id, year: 2021, month: m, indicator: c.indicator, col: c.col, value: v });
          }
          // A figure the template no longer has counts nowhere.
          if (rnd() < 0.2) changes.push({ unitId: id, templateId: template.id, year: 2021, month: m, indicator: 'retired.code', col: '', value: 7 });
        }
      applyChanges(db, changes, { operator: 't', source: 'test' });
      for (const root of ids.slice(0, 5)) {
        for (const [from, to] of [[1, 12], [3, 3], [2, 7], [12, 12]]) {
          const perUnit = unitMonthlyFigures(db, subtreeUnitIds(db, root), template, 2021);
          const expected = aggregatePeriodFigures(template, perUnit, from, to);
          const actual = levelTotals(db, template, root, 2021, from, to).figures;
          expect(Object.fromEntries(actual), `${template.id} unit ${root} ${from}-${to}`).toEqual(Object.fromEntries(expected));
          expect(actual.size).toBeGreaterThan(0);
        }
      }
    }
  });
});
