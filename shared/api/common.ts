import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '../values/period';
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
