import { describe, expect, it } from 'vitest';
import suiningJson from '../../resources/templates/suining-2017.json';
import nationalJson from '../../resources/templates/national-2021.json';
import demo from '../../resources/demo/suining-2017-totals.json';
import { checkPlaces, evaluateCheck } from '../rules/evaluate';
import { templateChecks } from '../rules/expand';
import { templateCells } from '../template/cells';
import { parseTemplate } from '../template/validate';
import { rollupMonths } from '../values/rollup';
import { apportion, spreadYear } from './spread';

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const national = parseTemplate(nationalJson, 'national-2021.json');
const totals = demo.totals as Record<string, number>;

describe('apportion', () => {
  it('gives whole parts that add up exactly', () => {
    const parts = apportion(38, [6, 7, 8, 8, 9, 8, 8, 8, 9, 9, 10, 10]);
    expect(parts.every(Number.isInteger)).toBe(true);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(38);
  });
  it('gives zero to zero weights and spreads evenly when all weights are zero', () => {
    expect(apportion(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
    expect(apportion(4, [0, 0, 0, 0])).toEqual([1, 1, 1, 1]);
    expect(apportion(0, [1, 2, 3])).toEqual([0, 0, 0]);
  });
  it('refuses fractions and negatives', () => {
    expect(() => apportion(1.5, [1])).toThrow();
    expect(() => apportion(-1, [1])).toThrow();
  });
});

describe('spreadYear with the 2017 Suining figures', () => {
  const { months, unknown } = spreadYear(suining, totals);
  const cells = templateCells(suining);

  it('knows every figure', () => {
    expect(unknown).toEqual([]);
    expect(months.size).toBe(Object.keys(totals).length);
  });

  it('rolls every year total up exactly by its rule', () => {
    for (const [ref, total] of Object.entries(totals)) {
      const c = cells.get(ref)!;
      expect(rollupMonths(months.get(ref)!, c.rollup, c.valueKind), ref).toBe(total);
    }
  });

  it('keeps counts whole and never negative', () => {
    for (const [ref, s] of months) for (let m = 1; m <= 12; m++) expect(Number.isInteger(s[m]) && s[m] >= 0, `${ref} ${m}月`).toBe(true);
  });

  it('holds in every month each rule that holds for the year', () => {
    const yearLookup = (ref: string) => totals[ref];
    const checks = templateChecks(suining).filter((c) => c.scope.includes('month') && evaluateCheck(c, yearLookup, checkPlaces(suining, c)) === null);
    expect(checks.map((c) => c.id)).toEqual(expect.arrayContaining(['pub.categories_sum', 'pub.key_le_total', 'req.on_time_le_received']));
    for (let m = 1; m <= 12; m++) {
      for (const c of checks) expect(evaluateCheck(c, (ref) => months.get(ref)?.[m], checkPlaces(suining, c)), `${c.id} ${m}月`).toBeNull();
    }
  });

  it('lets 累计 rise month by month to the year-end value', () => {
    const s = months.get('pub.cumulative')!;
    for (let m = 2; m <= 12; m++) expect(s[m]).toBeGreaterThanOrEqual(s[m - 1]);
    expect(s[12]).toBe(516084);
    expect(s[12] - s[1]).toBe(76891 - months.get('pub.total')![1]);
  });
});

describe('spreadYear in edge cases', () => {
  it('keeps amounts exact to the fen', () => {
    const ref = [...templateCells(suining).values()].find((c) => c.valueKind === 'amount')!.ref;
    const { months } = spreadYear(suining, { [ref]: 1234.57 });
    const s = months.get(ref)!;
    expect(rollupMonths(s, 'sum', 'amount')).toBe(1234.57);
    for (let m = 1; m <= 12; m++) expect(Math.abs(s[m] * 100 - Math.round(s[m] * 100)), `${m}月`).toBeLessThan(1e-6);
  });
  it('spreads zero totals as zero months', () => {
    const { months } = spreadYear(suining, { 'pub.total': 0, 'pub.cat.work': 0 });
    expect(months.get('pub.cat.work')!.slice(1)).toEqual(new Array(12).fill(0));
  });
  it('lists refs the template does not know', () => {
    expect(spreadYear(suining, { 'no.such': 3 }).unknown).toEqual(['no.such']);
  });
  it('works for a template with table cells and opening balances', () => {
    const cells = [...templateCells(national).values()];
    const first = cells.find((c) => c.rollup === 'first');
    const flow = cells.find((c) => c.rollup === 'sum' && c.col !== '')!;
    const input: Record<string, number> = { [flow.ref]: 25 };
    if (first) input[first.ref] = 7;
    const { months } = spreadYear(national, input);
    expect(rollupMonths(months.get(flow.ref)!, 'sum', flow.valueKind)).toBe(25);
    if (first) expect(months.get(first.ref)!.slice(1)).toEqual(new Array(12).fill(7));
  });
});
