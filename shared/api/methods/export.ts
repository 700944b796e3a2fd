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
}
