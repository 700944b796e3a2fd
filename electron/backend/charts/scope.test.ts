import { afterEach, describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import { aggregatePeriodFigures, monthlyFigures, subtreeUnitIds, unitMonthlyFigures } from '../store/aggregate';
import { insertUnit } from '../store/units';
import { applyChanges, type ValueChange } from '../store/values';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { scopeMonthlyFigures, scopePeriodFigures, subtreeFlowTotals } from './scope';

let b: TempBackend;
afterEach(() => b.dispose());

describe('scope figures', () => {
  it('equal the store’s unit-by-unit aggregation, stocks included', async () => {
    b = await tempBackend({ role: 'aggregator' });
    const db = b.ctx.store.db;
    const template = b.ctx.templates.get('suining-2017')!;
    const self = (await b.invoke('app.status', {})).unit!;
    const cells = [...templateCells(template).values()];
    // A pseudo-random but fixed spread of values over 5 units, with gaps, stocks and amounts.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const changes: ValueChange[] = [];
    for (let u = 0; u < 5; u++) {
      const unit = insertUnit(db, { code: `U${u}`, name: `单位${u}`, kind: '部门', parentId: u === 4 ? self.id + 1 : self.id });
      for (const c of cells) {
        for (let m = 1; m <= 12; m++) {
          if (next() % 3 === 0) continue;
          const raw = next() % 1000;
          changes.push({ unitId: unit.id, templateId: template.id, year: 2017, month: m, indicator: c.indicator, col: c.col, value: c.valueKind === 'amount' ? raw / 100 : raw });
        }
      }
    }
    applyChanges(db, changes, { operator: 't', source: 't' });
    const ids = subtreeUnitIds(db, self.id);
    expect(ids).toHaveLength(6);
    expect(scopeMonthlyFigures(b.ctx, template, ids, 2017)).toEqual(monthlyFigures(db, ids, template, 2017));
    for (const [from, to] of [[1, 12], [3, 3], [2, 7]]) {
      const mine = scopePeriodFigures(b.ctx, template, ids, { year: 2017, fromMonth: from, toMonth: to });
      const theirs = aggregatePeriodFigures(template, unitMonthlyFigures(db, ids, template, 2017), from, to);
      expect(mine, `${from}..${to}`).toEqual(theirs);
    }
    expect(scopePeriodFigures(b.ctx, template, ids, { year: 2016, fromMonth: 1, toMonth: 12 }).size).toBe(0);

    // Ranking totals per child subtree (U0 holds U4) match the general roll-up.
    const children = [self.id + 1, self.id + 2, self.id + 3, self.id + 4];
    const refs = ['pub.cat.work', 'pub.cat.other', 'fee.charged'];
    const period = { year: 2017, fromMonth: 2, toMonth: 9 };
    const totals = subtreeFlowTotals(b.ctx, template, children, refs, period);
    for (const id of children) {
      const general = scopePeriodFigures(b.ctx, template, subtreeUnitIds(db, id), period);
      expect(Object.fromEntries(totals.get(id)!), String(id)).toEqual(Object.fromEntries(refs.map((r) => [r, general.get(r)])));
    }
  });
});
