/** The submission workbook (or a blank template, or an office's bundle of its units). */
import { z } from 'zod';
import { WORKBOOK_KINDS } from '../../workbook/format';
import { periodSchema, templateIdSchema, unitCodeSchema } from '../common';

export const exportInputs = {
  'export.workbook': z.strictObject({
    templateId: templateIdSchema,
    period: periodSchema,
    /** Defaults to this data file's own unit. */
    unitCode: unitCodeSchema.optional(),
    kind: z.enum(WORKBOOK_KINDS).default('submission'),
  }),
  /** What the period's check finds before the clerk saves a submission (docs/submission-status.md). */
  'export.check': z.strictObject({ templateId: templateIdSchema, period: periodSchema, unitCode: unitCodeSchema.optional() }),
};

/** The period's state as the office will see it, and the one line that says it. */
export interface ExportCheck {
  /** Nothing to say: every month complete, no error, no unexplained warning. */
  ok: boolean;
  errors: number;
  unexplained: number;
  /** Ended months with figures (or declared) not marked complete. */
  incomplete: number[];
  /** Ended months with no figures and no 本月无数据 declaration. */
  emptyUndeclared: number[];
  /** Months of the period not over yet. */
  notEnded: number[];
  /** One line, in Chinese: what was found, or that all is complete. */
  summary: string;
}

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
  'export.check': ExportCheck;
}
