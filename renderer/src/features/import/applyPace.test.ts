import { describe, expect, it } from 'vitest';
import { MAX_FILES, nextApplyCount } from './applyPace';

describe('pace of applying an import', () => {
  it('grows while calls are quick, at most doubling, up to a cap', () => {
    let count = 1;
    const counts: number[] = [];
    for (let i = 0; i < 10; i++) counts.push((count = nextApplyCount(count, count)));
    expect(counts.slice(0, 4)).toEqual([2, 4, 8, 16]);
    expect(Math.max(...counts)).toBe(MAX_FILES);
    // 3 ms a file: it settles near a quarter of a second a call.
    let settled = 1;
    for (let i = 0; i < 10; i++) settled = nextApplyCount(settled, settled * 3);
    expect(settled).toBe(83);
  });

  it('settles where a call takes about a quarter of a second, and shrinks when calls are slow', () => {
    expect(nextApplyCount(40, 250)).toBe(40);
    expect(nextApplyCount(40, 500)).toBe(20);
    expect(nextApplyCount(3, 2000)).toBe(1);
    expect(nextApplyCount(5, 0)).toBe(10);
  });
});
