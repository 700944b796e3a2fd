/** The submission workbook and the breakdown picture. */
import { z } from 'zod';
import { parsePeriodKey, type Period } from '../../values/period';
import { WORKBOOK_KINDS } from '../../workbook/format';
import { templateIdSchema, unitCodeSchema } from '../common';

/** "2017", "2017-03" or "2017-01..2017-06" → Period. */
export const periodKeySchema = z
  .string()
  .max(30)
  .transform((text, ctx): Period => {
    const p = parsePeriodKey(text);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: `统计期间“${text}”格式不对，应为 2017、2017-03 或 2017-01..2017-06` });
      return z.NEVER;
    }
    return p;
  });

export const exportInputs = {
  'export.workbook': z.strictObject({
    templateId: templateIdSchema,
    period: periodKeySchema,
    /** Defaults to this data file's own unit. */
    unitCode: unitCodeSchema.optional(),
    kind: z.enum(WORKBOOK_KINDS).default('submission'),
  }),
  'charts.breakdownPng': z.strictObject({
    templateId: templateIdSchema,
    period: periodKeySchema,
    unitCode: unitCodeSchema.optional(),
    /** unit: the unit's own figures; subtree: with every unit below it (default). */
    scope: z.enum(['unit', 'subtree']).default('subtree'),
  }),
};

export interface ExportedWorkbook {
  fileName: string;
  /** The .xlsx bytes, base64. */
  base64: string;
  /** 0 for a blank template. */
  revision: number;
  fingerprint: string;
  /** The period has no value at all (the workbook shows blanks). */
  empty: boolean;
  /** What the clerk should know about the content (e.g. empty period), or null. */
  notice: string | null;
}

export interface ExportOutputs {
  'export.workbook': ExportedWorkbook;
  'charts.breakdownPng': { base64: string; width: number; height: number };
}
