import { describe, expect, it } from 'vitest';
import { capFor, cellLimit, checkFigure, MAX_SCALED_FIGURE, SUM_BUDGET } from './limits';
import { figureText } from './numberFormat';
import { parseValue } from './parse';
import { exactSum, formatFixed, placesOf, sameFigure, storedText, toScaled } from './precision';
import { rollupMonths } from './rollup';

const wanyuan = { valueKind: 'amount' as const, decimals: 4 };

/** The exact decimal of a sum, by BigInt over the digits as written: an oracle independent of the code under test. */
function decimalSum(values: string[], places: number): string {
  let total = 0n;
  for (const v of values) {
    const [int, frac = ''] = v.split('.');
    total += BigInt(int + frac.padEnd(places, '0'));
  }
  const digits = total.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

describe('precision is a property of the cell', () => {
  it('counts have none, amounts two unless the cell says four', () => {
    expect(placesOf('count')).toBe(0);
    expect(placesOf('amount')).toBe(2);
    expect(placesOf(wanyuan)).toBe(4);
    expect(placesOf({ valueKind: 'count', decimals: 4 })).toBe(0);
  });

  it('a 万元 amount is typed, kept and printed with its four places', () => {
    const limit = cellLimit(wanyuan);
    expect(parseValue('59237.2449', 'amount', limit)).toEqual({ ok: true, value: 59237.2449 });
    expect(parseValue('59,237.2449', 'amount', limit)).toEqual({ ok: true, value: 59237.2449 });
    expect(parseValue('59237.24491', 'amount', limit)).toEqual({ ok: false, message: '“59237.24491”的小数超过四位，金额最多保留四位小数' });
    expect(parseValue('59237.2449', 'amount')).toMatchObject({ ok: false });
    expect(figureText(59237.2449, wanyuan)).toBe('59237.2449');
    expect(figureText(12.3, wanyuan)).toBe('12.3000');
    expect(figureText(12.3, 'amount')).toBe('12.30');
    expect(storedText(12.3, wanyuan)).toBe('12.3000');
    expect(storedText(12, 'count')).toBe('12');
    expect(formatFixed(0.0001, 4)).toBe('0.0001');
  });

  it('twelve months of 4-place amounts roll up to the exact decimal (a float sum does not)', () => {
    const months = ['0.1', '0.2', '1234.5678', '0.0001', '59237.2449', '3.3333', '0.7', '0.0009', '999999.9999', '0.3', '0.1', '0.2'];
    const values = [0, ...months.map(Number)];
    const rolled = rollupMonths(values, 'sum', wanyuan)!;
    expect(formatFixed(rolled, 4)).toBe(decimalSum(months, 4));
    expect(String(rolled)).toBe(decimalSum(months, 4).replace(/\.?0+$/, ''));
    const naive = months.map(Number).reduce((s, v) => s + v, 0);
    expect(String(naive)).not.toBe(String(rolled));
  });
});

describe('caps keep the largest sums a province can reach exact', () => {
  it('the budget: every body of the largest province, every month, at the cap, stays below 2^52 in scaled integers', () => {
    expect(MAX_SCALED_FIGURE * SUM_BUDGET.units * SUM_BUDGET.months).toBeLessThan(2 ** 52);
    expect(capFor(0)).toBe(999_999_999);
    expect(capFor(2)).toBe(99_999_999.99);
    expect(capFor(4)).toBe(999_999.9999);
    for (const places of [0, 2, 4]) expect(toScaled(capFor(places), places)).toBeLessThan(MAX_SCALED_FIGURE);
    expect(checkFigure(1_000_000, cellLimit(wanyuan))).toMatchObject({ ok: false, reason: '超过上限 999999.9999' });
  });

  for (const places of [0, 2, 4]) {
    it(`${places} places: ${SUM_BUDGET.units} bodies × 12 months at the cap and just below it add up digit for digit`, () => {
      const n = SUM_BUDGET.units * SUM_BUDGET.months;
      const cap = formatFixed(capFor(places), places);
      const step = places === 0 ? '1' : `0.${'1'.padStart(places, '0')}`;
      // Alternate the cap with a value one smallest place below it and a tiny one, so every place of the total is exercised.
      const below = decimalSum([cap], places).replace(/\d$/, (d) => String(Number(d) - 1));
      const written = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? cap : i % 3 === 1 ? below : step));
      const total = exactSum(written.map(Number), places)!;
      const expected = decimalSum(written, places);
      expect(formatFixed(total, places)).toBe(expected);
      expect(sameFigure(total, Number(expected))).toBe(true);
      // One smallest place more is a different figure.
      expect(sameFigure(total, Number(decimalSum([expected, step], places)))).toBe(false);
    });
  }
});
