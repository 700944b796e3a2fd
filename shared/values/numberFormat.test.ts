/** The number format policy (docs/number-format.md), row by row. */
import { describe, expect, it } from 'vitest';
import { formatPercent, formatSharesSum } from '../charts/shares';
import { byteSize, countText, excelNumberFormat, figureText, percentOf, percentText, tickText } from './numberFormat';

const wanyuan = { valueKind: 'amount' as const, decimals: 4 };
const yuan = { valueKind: 'amount' as const, decimals: 2 };

describe('figures', () => {
  it('counts are whole numbers without a thousands separator, as the 2017 report prints 516084条', () => {
    expect(countText(516084)).toBe('516084');
    expect(figureText(999_999_999, 'count')).toBe('999999999');
    expect(figureText(42373, { valueKind: 'count' })).toBe('42373');
  });

  it('amounts print every place of their cell, from the scaled integer', () => {
    expect(figureText(59237.2449, wanyuan)).toBe('59237.2449');
    expect(figureText(1.5, wanyuan)).toBe('1.5000');
    expect(figureText(0.0001, wanyuan)).toBe('0.0001');
    expect(figureText(12.3, yuan)).toBe('12.30');
    // A sum a spreadsheet would print as 0.30000000000000004.
    expect(figureText(0.1 + 0.2, wanyuan)).toBe('0.3000');
    expect(figureText(999_999.9999, wanyuan)).toBe('999999.9999');
    // A bare kind keeps the old default: amounts two places.
    expect(figureText(3, 'amount')).toBe('3.00');
  });

  it('zero is a figure; a blank is an empty cell (pages print NO_FIGURE where a figure stands alone)', () => {
    expect(figureText(0, 'count')).toBe('0');
    expect(figureText(0, wanyuan)).toBe('0.0000');
    expect(figureText(null, 'count')).toBe('');
    expect(figureText(undefined, wanyuan)).toBe('');
  });
});

describe('percentages', () => {
  it('two decimals always, signed for a change', () => {
    expect(percentText(5511)).toBe('55.11%');
    expect(percentText(10)).toBe('0.10%');
    expect(percentText(0)).toBe('0.00%');
    expect(percentText(10_000)).toBe('100.00%');
    expect(percentOf(12.5, { signed: true })).toBe('+12.50%');
    expect(percentOf(-3, { signed: true })).toBe('-3.00%');
    expect(percentOf(0, { signed: true })).toBe('0.00%');
  });

  it('shares print through the share function, which prints its hundredths here', () => {
    expect(formatPercent({ basisPoints: 5511, count: 42373 })).toBe(percentText(5511));
    expect(formatPercent({ basisPoints: 0, count: 1 })).toBe('不足0.01%');
    expect(formatSharesSum([{ basisPoints: 3333 }, { basisPoints: 3333 }, { basisPoints: 3333 }])).toBe('99.99%');
  });
});

describe('workbook cells and the rest', () => {
  it("Excel's number format shows the digits figureText prints, without a separator", () => {
    expect(excelNumberFormat('count')).toBe('0');
    expect(excelNumberFormat(yuan)).toBe('0.00');
    expect(excelNumberFormat(wanyuan)).toBe('0.0000');
    for (const p of ['count' as const, yuan, wanyuan]) expect(excelNumberFormat(p)).not.toContain(',');
  });

  it('axis ticks with no more places than they have; byte sizes for messages', () => {
    expect(tickText(5000)).toBe('5000');
    expect(tickText(0.5)).toBe('0.5');
    expect(tickText(0.30000000000000004)).toBe('0.3');
    expect(byteSize(1_572_864, 'MB')).toBe('1.5 MB');
    expect(byteSize(12_800, 'KB')).toBe('13 KB');
  });
});
