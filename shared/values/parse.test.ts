import { describe, expect, it } from 'vitest';
import { MAX_VALUE, normalizeInput, parseValue } from './parse';

const ok = (raw: string | number | null | undefined, kind: 'count' | 'amount' = 'count') => {
  const r = parseValue(raw, kind);
  if (!r.ok) throw new Error(`expected ${String(raw)} to parse, got: ${r.message}`);
  return r.value;
};
const refused = (raw: string | number, kind: 'count' | 'amount' = 'count') => {
  const r = parseValue(raw, kind);
  if (r.ok) throw new Error(`expected ${String(raw)} to be refused, got ${r.value}`);
  return r.message;
};

describe('parseValue accepts what clerks type or paste', () => {
  it('plain whole numbers and zero', () => {
    expect(ok('0')).toBe(0);
    expect(ok('38')).toBe(38);
    expect(ok('76891')).toBe(76891);
    expect(ok(12)).toBe(12);
    expect(ok('+5')).toBe(5);
  });

  it('full-width digits and separators', () => {
    expect(ok('１２３')).toBe(123);
    expect(ok('１，２１２')).toBe(1212);
    expect(ok('１,２１２')).toBe(1212);
    expect(ok('１２．３４', 'amount')).toBe(12.34);
  });

  it('thousands separators, ASCII and Chinese comma', () => {
    expect(ok('1,212')).toBe(1212);
    expect(ok('1，212')).toBe(1212);
    expect(ok('516,084')).toBe(516084);
    expect(ok('1,234,567')).toBe(1234567);
    expect(ok('1,234.56', 'amount')).toBe(1234.56);
  });

  it('surrounding spaces, including ideographic and no-break spaces', () => {
    expect(ok('  42 ')).toBe(42);
    expect(ok('\t42\n')).toBe(42);
    expect(ok('\u300042\u3000')).toBe(42);
    expect(ok('\u00A042')).toBe(42);
  });

  it('empty input is no value (null), not zero', () => {
    expect(ok('')).toBeNull();
    expect(ok('   ')).toBeNull();
    expect(ok('\u3000')).toBeNull();
    expect(ok(null)).toBeNull();
    expect(ok(undefined)).toBeNull();
  });

  it('the maximum itself', () => {
    expect(ok('999,999,999')).toBe(MAX_VALUE);
    expect(ok(MAX_VALUE)).toBe(999_999_999);
  });

  it('amounts with up to two decimals, kept exact', () => {
    expect(ok('12.34', 'amount')).toBe(12.34);
    expect(ok('0.1', 'amount')).toBe(0.1);
    expect(ok('1.13', 'amount')).toBe(1.13);
    expect(ok('5', 'amount')).toBe(5);
    expect(ok('5.00', 'amount')).toBe(5);
    expect(ok(0.07, 'amount')).toBe(0.07);
  });

  it('a count written with zero decimals is still whole', () => {
    expect(ok('12.0')).toBe(12);
  });
});

describe('parseValue refuses, in Chinese', () => {
  it('negatives, in every spelling', () => {
    for (const raw of ['-5', '－5', '- 5', '−5', '(5)', '-1,212']) {
      expect(refused(raw), raw).toContain('负数');
    }
    expect(refused(-3)).toContain('统计数不能为负');
  });

  it('fractions in a count cell', () => {
    expect(refused('1.5')).toBe('“1.5”含小数，此处只能填写整数');
    expect(refused('１．５')).toContain('含小数');
    expect(refused(2.5)).toContain('只能填写整数');
  });

  it('text', () => {
    expect(refused('abc')).toBe('“abc”不是数字，请填写数量');
    expect(refused('十二')).toContain('不是数字');
    expect(refused('12条')).toContain('不是数字');
    expect(refused('1 212')).toContain('不是数字');
    expect(refused('1e3')).toContain('不是数字');
    expect(refused(Number.NaN)).toContain('不是数字');
  });

  it('misplaced thousands separators and percentages', () => {
    expect(refused('1,2345')).toContain('千位分隔符位置不对');
    expect(refused('12,34')).toContain('千位分隔符');
    expect(refused('2.44%')).toContain('百分比');
  });

  it('values above 999,999,999', () => {
    expect(refused('1,000,000,000')).toBe('“1,000,000,000”超过上限 999999999');
    expect(refused('1000000000')).toContain('超过上限');
    expect(refused(1e12)).toContain('超过上限');
    expect(refused('999999999.01', 'amount')).toContain('超过上限');
  });

  it('amounts with three decimals', () => {
    expect(refused('12.345', 'amount')).toBe('“12.345”的小数超过两位，金额最多保留两位小数');
    expect(refused('1.005', 'amount')).toContain('最多保留两位小数');
    expect(refused('0.001', 'amount')).toContain('两位小数');
  });
});

describe('normalizeInput', () => {
  it('normalizes full-width characters and spaces', () => {
    expect(normalizeInput(' １２３ ')).toBe('123');
    expect(normalizeInput('1，212。5')).toBe('1,212.5');
  });
});
