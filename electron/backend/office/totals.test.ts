import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import { fromScaled, toScaled } from '../../../shared/values/precision';
import { aggregatePeriodFigures, subtreeUnitIds, unitMonthlyFigures } from '../store/aggregate';
import { decodeMonth, readUnitsMonths } from '../store/monthValues';
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

  it('over a template family equal the rows of each unit read one by one: flows summed, stocks at their last month and opening balances at their first, the later template at a tie', () => {
    const db = b.ctx.store.db;
    const rnd = random(1729);
    const family = b.ctx.templates.family('ledger-2021');
    expect(family.length).toBeGreaterThan(1);
    const city = insertUnit(db, { code: 'CITY', name: '市', kind: '市' });
    const ids = [city.id];
    for (let c = 0; c < 2; c++) {
      const county = insertUnit(db, { code: `C${c}`, name: `县${c}`, kind: '县区', parentId: city.id });
      ids.push(county.id);
      for (let d = 0; d < 3; d++) ids.push(insertUnit(db, { code: `C${c}-D${d}`, name: `局${d}`, kind: '部门', parentId: county.id }).id);
    }
    const changes: ValueChange[] = [];
    for (const templateId of family) {
      const cells = [...templateCells(b.ctx.templates.get(templateId)!).values()];
      for (const id of ids)
        for (let m = 1; m <= 12; m++) {
          // Some unit-months on one template of the family only, some on both (ties of a stock's month between templates).
          if (rnd() < 0.3) continue;
          for (const c of cells) {
            if (rnd() < (c.rollup === 'sum' ? 0.4 : 0.6)) continue;
            const v = c.valueKind === 'amount' ? Math.round(rnd() * 10 ** (2 + c.decimals)) / 10 ** c.decimals : Math.floor(rnd() * 1000);
            changes.push({ unitId: id, templateId, year: 2021, month: m, indicator: c.indicator, col: c.col, value: v });
          }
        }
    }
    applyChanges(db, changes, { operator: 't', source: 'test' });
    for (const template of family.map((id) => b.ctx.templates.get(id)!)) {
      const cells = templateCells(template);
      for (const root of ids.slice(0, 3)) {
        for (const [from, to] of [[1, 12], [4, 4], [2, 9]]) {
          // Independently: every row of every unit of the level, a figure at a time, in no particular order.
          const sums = new Map<string, number>();
          let reporting = 0;
          for (const unitId of subtreeUnitIds(db, root)) {
            const picked = new Map<string, { month: number; templateId: string; scaled: number }>();
            let rows = 0;
            for (const templateId of [...family].reverse()) {
              for (const row of readUnitsMonths(db, [unitId], templateId, 2021, from, to)) {
                rows++;
                for (const [ref, value] of decodeMonth(db, row)) {
                  const def = cells.get(ref);
                  if (!def) continue;
                  const scaled = toScaled(value, def.decimals);
                  if (def.rollup === 'sum') {
                    sums.set(ref, (sums.get(ref) ?? 0) + scaled);
                    continue;
                  }
                  const p = picked.get(ref);
                  const later = (a: { month: number; templateId: string }, x: { month: number; templateId: string }) =>
                    a.month !== x.month ? a.month > x.month : a.templateId > x.templateId;
                  const candidate = { month: row.month, templateId, scaled };
                  if (!p || (def.rollup === 'last' ? later(candidate, p) : later(p, candidate))) picked.set(ref, candidate);
                }
              }
            }
            if (rows > 0) reporting++;
            for (const [ref, p] of picked) sums.set(ref, (sums.get(ref) ?? 0) + p.scaled);
          }
          const expected = new Map([...cells.values()].filter((c) => sums.has(c.ref)).map((c) => [c.ref, fromScaled(sums.get(c.ref)!, c.decimals)]));
          const actual = levelTotals(db, template, root, 2021, from, to, family);
          const label = `${template.id} unit ${root} ${from}-${to}`;
          expect(Object.fromEntries(actual.figures), label).toEqual(Object.fromEntries(expected));
          expect([...actual.figures.keys()], label).toEqual([...expected.keys()]);
          expect(actual.reportingUnits, label).toBe(reporting);
          if (root === city.id) expect(actual.figures.size, label).toBeGreaterThan(0);
        }
      }
    }
  });

  it('count a unit as reporting once it has a row of the given templates in the period, once however many rows', () => {
    const db = b.ctx.store.db;
    const [a, other] = b.ctx.templates.all();
    const cellOf = (t: typeof a) => [...templateCells(t).values()][0];
    const city = insertUnit(db, { code: 'CITY', name: '市', kind: '市' });
    const unit = (code: string) => insertUnit(db, { code, name: code, kind: '部门', parentId: city.id }).id;
    const [twoTemplates, march, july, lastYear, otherOnly] = ['U1', 'U2', 'U3', 'U4', 'U5'].map(unit);
    unit('U6'); // no rows at all
    const row = (unitId: number, t: typeof a, year: number, month: number): ValueChange => ({
      unitId, templateId: t.id, year, month, indicator: cellOf(t).indicator, col: cellOf(t).col, value: 3,
    });
    applyChanges(db, [
      row(twoTemplates, a, 2021, 2), row(twoTemplates, a, 2021, 5), row(twoTemplates, other, 2021, 3),
      row(march, a, 2021, 3), row(july, a, 2021, 7), row(lastYear, a, 2020, 3), row(otherOnly, other, 2021, 3),
    ], { operator: 't', source: 'test' });
    const count = (from: number, to: number, ids: string[]) => levelTotals(db, a, city.id, 2021, from, to, ids);
    // Independently: the distinct units with a row, as SQL counts them.
    const expected = (from: number, to: number, ids: string[]) =>
      (db.prepare(`SELECT COUNT(DISTINCT unit_id) AS n FROM month_values WHERE template_id IN (SELECT value FROM json_each(?)) AND year = 2021 AND month BETWEEN ? AND ?`)
        .get(JSON.stringify(ids), from, to) as { n: number }).n;
    for (const [from, to, ids, n] of [
      [1, 12, [a.id], 3], [1, 12, [a.id, other.id], 4], [3, 3, [a.id], 1], [3, 3, [a.id, other.id], 3], [8, 12, [a.id], 0], [1, 6, [other.id], 2],
    ] as [number, number, string[], number][]) {
      const t = count(from, to, ids);
      expect(t.reportingUnits, `${from}-${to} ${ids.join('+')}`).toBe(n);
      expect(t.reportingUnits).toBe(expected(from, to, ids));
      expect(t.unitCount).toBe(7);
    }
  });
});
