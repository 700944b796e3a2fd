import { describe, expect, it } from 'vitest';
import totals from '../../resources/demo/suining-2017-totals.json';
import suining from '../../resources/templates/suining-2017.json';
import { categoryCells } from '../template/cells';
import { parseTemplate } from '../template/validate';
import { computeShares, formatPercent } from './shares';

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

  it('always adds to 100.00% where plain rounding would not', () => {
    const thirds = computeShares([
      { key: 'a', count: 1 },
      { key: 'b', count: 1 },
      { key: 'c', count: 1 },
    ]);
    expect(thirds.map((s) => s.percent)).toEqual([33.34, 33.33, 33.33]);
    for (let n = 2; n < 40; n++) {
      const items = Array.from({ length: n }, (_, i) => ({ key: String(i), count: (i * 7919) % 97 }));
      const sum = computeShares(items).reduce((s, x) => s + x.basisPoints, 0);
      if (items.some((i) => i.count > 0)) expect(sum).toBe(10_000);
    }
  });

  it('gives zero shares for a zero total and never a share to a zero count', () => {
    expect(computeShares([{ key: 'a', count: 0 }, { key: 'b', count: 0 }]).map((s) => s.percent)).toEqual([0, 0]);
    const s = computeShares([{ key: 'a', count: 0 }, { key: 'b', count: 3 }]);
    expect(s.map((x) => x.percent)).toEqual([0, 100]);
  });
});
