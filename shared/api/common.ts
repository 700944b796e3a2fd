/**
 * The contract's vocabulary: the words every method spells the same way.
 * A period is always `period: Period`; "a unit with or without its subtree"
 * is always `scope: UnitScope`; a unit alone is `unitCode`.
 */
import { z } from 'zod';
import type { UnitScope } from '../domain';
import { MAX_YEAR, MIN_YEAR, type Period } from '../values/period';
import { CONTROL_CHARS_MESSAGE, hasControlChars } from '../values/textSafety';

export const yearSchema = z.number().int().min(MIN_YEAR).max(MAX_YEAR);
export const monthSchema = z.number().int().min(1).max(12);
export const unitCodeSchema = z
  .string()
  .trim()
  .min(1, '单位代码不能为空')
  .max(40, '单位代码不能超过40个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '单位代码只能使用字母、数字、点、横线和下划线');
export const unitNameSchema = z
  .string()
  .trim()
  .min(1, '单位名称不能为空')
  .max(100, '单位名称不能超过100个字符')
  .refine((s) => !hasControlChars(s), `单位名称${CONTROL_CHARS_MESSAGE}`);
export const templateIdSchema = z.string().min(1).max(60);
export const cellCodeSchema = z.string().min(1).max(80);
/** What a clerk typed or pasted; numbers come from scripts and imports. */
export const rawValueSchema = z.union([z.string().max(100), z.number(), z.null()]);
export const emptyInput = z.strictObject({});

/** The one period of the contract: a year, one month of it, or a range of months (shared/values/period). */
export const periodSchema = z
  .strictObject({ year: yearSchema, fromMonth: monthSchema, toMonth: monthSchema })
  .refine((p) => p.fromMonth <= p.toMonth, { message: '起始月份不能晚于结束月份', path: ['fromMonth'] }) satisfies z.ZodType<Period>;

/** The one scope of the contract: whose figures (see UnitScope). */
export const scopeSchema = z.strictObject({
  unitCode: unitCodeSchema.optional(),
  subtree: z.boolean(),
}) satisfies z.ZodType<UnitScope>;

/**
 * Calls only an office (汇总单位) may make, marked where their schema is
 * declared: the UI hides these pages from a filer and the backend refuses
 * them too, so a filer's data file never becomes a merge target by a stray call.
 */
const officeOnlyRegistry = z.registry();

export function officeOnly<T extends z.ZodType>(schema: T): T {
  // A clone, so that marking a schema one method shares with another marks this method only.
  const own = schema.clone();
  officeOnlyRegistry.add(own);
  return own;
}

export function isOfficeOnlySchema(schema: z.ZodType): boolean {
  return officeOnlyRegistry.has(schema);
}

/** Marks every method of a file office-only (import.*, office.*). */
export function allOfficeOnly<T extends Record<string, z.ZodType>>(methods: T): T {
  return Object.fromEntries(Object.entries(methods).map(([name, schema]) => [name, officeOnly(schema)])) as T;
}
