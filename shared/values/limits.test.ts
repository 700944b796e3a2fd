import { describe, expect, it } from 'vitest';
import { checkFigure, FIGURE_LIMITS, figureLimit, MAX_FIGURE } from './limits';
import { parseValue } from './parse';

describe('the limits of a figure (one definition for typing, readers and the store)', () => {
  it('accepts up to the maximum and refuses above it, for every kind', () => {
    for (const kind of ['count', 'amount'] as const) {
      const l = FIGURE_LIMITS[kind];
      expect(checkFigure(l.max, l)).toEqual({ ok: true, value: l.max });
      expect(checkFigure(l.max + 1, l)).toMatchObject({ ok: false, fault: 'too_large', reason: kind === 'count' ? '超过上限 999999999' : '超过上限 99999999.99' });
      expect(checkFigure(Number.POSITIVE_INFINITY, l)).toMatchObject({ ok: false, fault: 'too_large' });
      expect(checkFigure(Number.NaN, l)).toMatchObject({ ok: false, fault: 'not_finite' });
      expect(checkFigure(-1, l)).toMatchObject({ ok: false, fault: 'negative' });
    }
    expect(MAX_FIGURE).toBe(999_999_999);
  });

  it('keeps a kind\'s places, undoing binary noise, and takes a cell\'s own precision or cap', () => {
    expect(checkFigure(1.8399999999999999, FIGURE_LIMITS.amount)).toEqual({ ok: true, value: 1.84 });
    expect(checkFigure(1.846, FIGURE_LIMITS.amount)).toMatchObject({ ok: false, reason: '的小数超过两位，金额最多保留两位小数' });
    expect(checkFigure(2.5, FIGURE_LIMITS.count)).toMatchObject({ ok: false, fault: 'not_whole' });
    const fourPlaces = figureLimit('amount', { decimals: 4 });
    expect(checkFigure(1.2345, fourPlaces)).toEqual({ ok: true, value: 1.2345 });
    expect(checkFigure(1.23456, fourPlaces)).toMatchObject({ ok: false, reason: '的小数超过四位，金额最多保留四位小数' });
    expect(parseValue('1.2345', 'amount', fourPlaces)).toEqual({ ok: true, value: 1.2345 });
    expect(parseValue('101', 'count', figureLimit('count', { max: 100 }))).toEqual({ ok: false, message: '“101”超过上限 100' });
  });
});
