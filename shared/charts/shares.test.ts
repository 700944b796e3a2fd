import { describe, expect, it } from 'vitest';
import totals from '../../resources/demo/suining-2017-totals.json';
import suining from '../../resources/templates/suining-2017.json';
import { categoryCells } from '../template/cells';
import { parseTemplate } from '../template/validate';
import { computeShares, formatPercent, formatSharesSum, needsRoundingNote, statedShares } from './shares';

describe('computeShares', () => {
  it('reproduces the shares printed in the 2017 Suining report', () => {
    const template = parseTemplate(suining, 'suining-2017.json');
    const t = totals.totals as Record<string, number>;
    const shares = computeShares(categoryCells(template).map((c) => ({ key: c.category!, count: t[c.ref] })));
    expect(Object.fromEntries(shares.map((s) => [s.key, formatPercent(s)]))).toEqual({
      概况信息: '2.44%',
      计划总结信息: '9.19%',
      规范性文件信息: '0.10%',
      工作动态信息: '55.11%',
      人事信息: '2.11%',
      财政信息: '2.29%',
      行政执法信息: '6.07%',
      其他信息: '22.69%',
    });
    expect(shares.reduce((s, x) => s + x.basisPoints, 0)).toBe(10_000);
  });

  const of = (...counts: number[]) => computeShares(counts.map((count, i) => ({ key: String(i), count })));

  // The rows of the decision table in docs/shares.md, in its order.
  it('row 1: distinct counts add to 100.00%, the missing hundredths to the largest remainders', () => {
    for (let n = 2; n < 40; n++) {
      const counts = Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 997) * 13 + i);
      const shares = of(...counts);
      expect(formatSharesSum(shares)).toBe('100.00%');
      expect(needsRoundingNote(shares)).toBe(false);
    }
    // 2/3 = 66.666…, 1/3 = 33.333…: the larger remainder takes the hundredth.
    expect(of(2, 1).map(formatPercent)).toEqual(['66.67%', '33.33%']);
  });

  it('row 2: equal counts print equal shares, the hundredth going to an unequal item instead', () => {
    // Floors 953, 953, 8092 (9998): two hundredths left, the pair of 60s takes both.
    expect(of(60, 60, 509).map(formatPercent)).toEqual(['9.54%', '9.54%', '80.92%']);
    // Floors 4724, 4724, 551 (9999): one left. The 60s have the larger remainder (.41 against .18) but
    // cannot split it, so the 7 takes it (plain largest remainder printed 47.25% beside 47.24%).
    const pair = of(60, 60, 7);
    expect(pair.map(formatPercent)).toEqual(['47.24%', '47.24%', '5.52%']);
    expect(formatSharesSum(pair)).toBe('100.00%');
    for (let seed = 1; seed < 400; seed++) {
      const counts = Array.from({ length: 3 + (seed % 9) }, (_, i) => ((seed * (i + 3) * 7919) % 23) + 1);
      const shares = of(...counts);
      counts.forEach((c, i) => counts.forEach((d, j) => c === d && expect(shares[i].basisPoints).toBe(shares[j].basisPoints)));
    }
  });

  it('row 3: when equal items cannot share the rest, they round to nearest and the sum carries the note', () => {
    const thirds = of(1, 1, 1);
    expect(thirds.map(formatPercent)).toEqual(['33.33%', '33.33%', '33.33%']);
    expect(formatSharesSum(thirds)).toBe('99.99%');
    expect(needsRoundingNote(thirds)).toBe(true);
    const sixths = of(1, 1, 1, 1, 1, 1);
    expect(sixths.map(formatPercent)).toEqual(Array(6).fill('16.67%'));
    expect(formatSharesSum(sixths)).toBe('100.02%');
    expect(needsRoundingNote(sixths)).toBe(true);
    // Floors 951, 951, 15, 8080 (9997): 509.5 and 1 take one each; the 60s (remainder .63) cannot share the
    // last, so they round to nearest: 100.01%.
    const mixed = of(60, 60, 1, 509.5);
    expect(mixed.map(formatPercent)).toEqual(['9.52%', '9.52%', '0.16%', '80.81%']);
    expect(formatSharesSum(mixed)).toBe('100.01%');
    expect(needsRoundingNote(mixed)).toBe(true);
  });

  it('row 4: a non-zero count never prints 0.00%', () => {
    const tiny = of(1, 99_999);
    expect(tiny.map(formatPercent)).toEqual(['不足0.01%', '100.00%']);
  });

  it('row 5: a zero count prints 0.00%; a zero total gives no share', () => {
    expect(of(0, 3).map(formatPercent)).toEqual(['0.00%', '100.00%']);
    expect(of(0, 0).map(formatPercent)).toEqual(['0.00%', '0.00%']);
    expect(needsRoundingNote(of(0, 0))).toBe(false);
  });

  it('row 6: against a stated total that agrees, shares as above; that disagrees, none stated', () => {
    const items = [
      { key: 'a', count: 45 },
      { key: 'b', count: 45 },
    ];
    expect(statedShares(items, 90)?.map(formatPercent)).toEqual(['50.00%', '50.00%']);
    expect(statedShares(items, undefined)?.map(formatPercent)).toEqual(['50.00%', '50.00%']);
    expect(statedShares(items, 100)).toBeNull();
    expect(statedShares([{ key: 'a', count: 0.1 }, { key: 'b', count: 0.2 }], 0.3)).not.toBeNull();
  });

  it('gives zero shares for a zero total and never a share to a zero count', () => {
    expect(computeShares([{ key: 'a', count: 0 }, { key: 'b', count: 0 }]).map((s) => s.percent)).toEqual([0, 0]);
    const s = computeShares([{ key: 'a', count: 0 }, { key: 'b', count: 3 }]);
    expect(s.map((x) => x.percent)).toEqual([0, 100]);
  });
});
