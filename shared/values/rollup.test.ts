import { describe, expect, it } from 'vitest';
import { rollupMonths } from './rollup';

/** Months 1..12 from a list (index 0 unused). */
const months = (...values: (number | null | undefined)[]) => [undefined, ...values];

describe('rollupMonths', () => {
  it('sums flows', () => {
    expect(rollupMonths(months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 'sum', 'count')).toBe(78);
    expect(rollupMonths(months(3, null, 5), 'sum', 'count')).toBe(8);
  });

  it('takes the last value for stocks and the first for opening balances', () => {
    const stock = months(100, 105, null, 110, undefined, 120);
    expect(rollupMonths(stock, 'last', 'count')).toBe(120);
    expect(rollupMonths(months(null, 7, 9), 'first', 'count')).toBe(7);
    expect(rollupMonths(months(4, 7, 9), 'first', 'count')).toBe(4);
  });

  it('leaves an empty period empty (null), never zero', () => {
    const empty = months(null, undefined, null);
    expect(rollupMonths(empty, 'sum', 'count')).toBeNull();
    expect(rollupMonths(empty, 'last', 'count')).toBeNull();
    expect(rollupMonths(empty, 'first', 'count')).toBeNull();
    expect(rollupMonths([], 'sum', 'amount')).toBeNull();
  });

  it('keeps a real zero', () => {
    expect(rollupMonths(months(0, null), 'sum', 'count')).toBe(0);
    expect(rollupMonths(months(5, 0), 'last', 'count')).toBe(0);
    expect(rollupMonths(months(0, 5), 'first', 'count')).toBe(0);
  });

  it('respects a month range', () => {
    const ms = months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    expect(rollupMonths(ms, 'sum', 'count', 1, 6)).toBe(21);
    expect(rollupMonths(ms, 'sum', 'count', 3, 3)).toBe(3);
    expect(rollupMonths(ms, 'last', 'count', 1, 6)).toBe(6);
    expect(rollupMonths(ms, 'first', 'count', 4, 9)).toBe(4);
    expect(rollupMonths(months(1, 2, null, null), 'sum', 'count', 3, 4)).toBeNull();
  });

  it('sums amounts exactly in hundredths', () => {
    expect(rollupMonths(months(0.1, 0.2), 'sum', 'amount')).toBe(0.3);
    expect(rollupMonths(months(...Array(12).fill(0.1)), 'sum', 'amount')).toBe(1.2);
    expect(rollupMonths(months(12.34, 0.66, 1.01), 'sum', 'amount')).toBe(14.01);
    expect(rollupMonths(months(999_999.99, 0.01), 'sum', 'amount')).toBe(1_000_000);
  });
});
