import { describe, expect, it } from 'vitest';
import { roundTicks } from './ticks';

describe('round axis ticks', () => {
  it('step by 1, 2 or 5 times a power of ten, from zero to the first tick at or above the largest value', () => {
    expect(roundTicks(42_375)).toEqual({ ticks: [0, 10_000, 20_000, 30_000, 40_000, 50_000], top: 50_000 });
    expect(roundTicks(76_891)).toEqual({ ticks: [0, 20_000, 40_000, 60_000, 80_000], top: 80_000 });
    expect(roundTicks(6407)).toEqual({ ticks: [0, 2000, 4000, 6000, 8000], top: 8000 });
    expect(roundTicks(100)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], top: 100 });
    expect(roundTicks(7).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(roundTicks(3).ticks).toEqual([0, 1, 2, 3]);
  });

  it('counts never get fractional ticks; amounts may', () => {
    expect(roundTicks(1).ticks).toEqual([0, 1]);
    expect(roundTicks(0.3, 6, false).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(roundTicks(0.3).ticks).toEqual([0, 1]);
  });

  it('an empty or zero series still has an axis', () => {
    expect(roundTicks(0)).toEqual({ ticks: [0, 1], top: 1 });
    expect(roundTicks(Number.NaN)).toEqual({ ticks: [0, 1], top: 1 });
  });

  it('every step is round and no axis has more than the intervals asked for', () => {
    for (let max = 1; max < 2_000_000; max = Math.ceil(max * 1.37)) {
      const { ticks, top } = roundTicks(max);
      const step = ticks[1] - ticks[0];
      expect(String(step / 10 ** Math.floor(Math.log10(step))), `max ${max}`).toMatch(/^[125]$/);
      expect(ticks.length - 1).toBeLessThanOrEqual(6);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(top - step).toBeLessThan(max);
    }
  });
});
