import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { apiInputs, METHODS } from './contract';
import { describeIssues } from './issueText';

const text = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return describeIssues(r.error);
};

/** Field ids and library English a user must never read: latin words other than file and product names. */
const ALLOWED = new Set(['xlsx', 'CSV', 'WPS', 'Excel']);
const englishIn = (s: string) => (s.match(/[A-Za-z][A-Za-z_]+/g) ?? []).filter((w) => !ALLOWED.has(w));

describe('validation messages', () => {
  const s = z.strictObject({ unitCode: z.string().min(1), month: z.number().int().min(1).max(12), role: z.enum(['filer', 'aggregator']), dueDay: z.number().int() });

  it('name the field as the form does, in plain sentences', () => {
    expect(text(s, { unitCode: '', month: 1, role: 'filer', dueDay: 1 }).message).toBe('单位代码不能为空。');
    expect(text(s, { unitCode: 'a', month: 13, role: 'filer', dueDay: 1 })).toEqual({ message: '月份不能大于12。', where: 'month' });
    expect(text(s, { unitCode: 'a', month: 0, role: 'filer', dueDay: 1 }).message).toBe('月份不能小于1。');
    expect(text(s, { unitCode: 'a', month: 1.5, role: 'filer', dueDay: 1 }).message).toBe('月份应为整数。');
    expect(text(s, { unitCode: 'a', month: 1, role: 'filer' }).message).toBe('缺少每月报送截止日。');
    expect(text(s, { unitCode: 'a', month: '3', role: 'filer', dueDay: 1 }).message).toBe('月份应为数字。');
    expect(text(s, { unitCode: 'a', month: 1, role: 'boss', dueDay: 1 }).message).toBe('使用方式不是可选的值。');
    expect(text(s, { unitCode: 'a', month: 1, role: 'filer', dueDay: 1, x: 1 }).message).toBe('多了1个不认识的参数。');
  });

  it('say one thing per field', () => {
    const code = z.strictObject({ unitCode: z.string().min(1, '单位代码不能为空').regex(/^[A-Z]+$/, '单位代码只能使用字母') });
    expect(text(code, { unitCode: '' }).message).toBe('单位代码不能为空。');
  });

  it('keep a schema’s own Chinese message and cap the list', () => {
    const many = z.strictObject({ a: z.string().min(1, '甲不能为空'), b: z.string().min(1, '乙不能为空'), c: z.string().min(1, '丙不能为空'), d: z.string().min(1, '丁不能为空') });
    expect(text(many, { a: '', b: '', c: '', d: '' }).message).toBe('甲不能为空；乙不能为空；丙不能为空等4处。');
  });

  it('never show a field id or library English for any method given wrong input', () => {
    const wrong: unknown[] = [{}, { unitCode: 5, year: 'x', month: 99, templateId: 7, code: '', name: 5, kind: 'x', raw: {}, reason: 5, period: 5 }, 'not an object', { junk: true }];
    for (const m of METHODS) {
      for (const input of wrong) {
        const r = apiInputs[m].safeParse(input);
        if (r.success) continue;
        const { message } = describeIssues(r.error);
        expect(message, `${m} ${JSON.stringify(input)}`).toMatch(/[\u4e00-\u9fff]/);
        // Enum choices (filer, aggregator …) are the only latin words a caller may be shown: they are the values to send.
        const enums = r.error.issues.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : []));
        expect(englishIn(message).filter((w) => !enums.includes(w)), `${m}: ${message}`).toEqual([]);
      }
    }
  });
});
