import { describe, expect, it } from 'vitest';
import { choiceKey } from './periodChoice';

describe('choiceKey', () => {
  const base = { year: 2017, month: 3, from: 1, to: 6 };
  it('gives the API period key of each picker mode', () => {
    expect(choiceKey({ ...base, mode: 'year' })).toBe('2017');
    expect(choiceKey({ ...base, mode: 'month' })).toBe('2017-03');
    expect(choiceKey({ ...base, mode: 'range' })).toBe('2017-01..2017-06');
    expect(choiceKey({ ...base, mode: 'range', from: 4, to: 4 })).toBe('2017-04');
  });
  it('refuses a range that ends before it starts', () => {
    expect(choiceKey({ ...base, mode: 'range', from: 7, to: 6 })).toBeNull();
  });
});
