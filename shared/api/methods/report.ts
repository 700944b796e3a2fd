/** The annual report draft (年报草稿): structured preview and the Word document. */
import { z } from 'zod';
import type { ReportDraft } from '../../report/model';
import { templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const draftTarget = z.strictObject({
  /** Defaults to the data file's default template. */
  templateId: templateIdSchema.optional(),
  year: yearSchema,
  /** Defaults to this data file's own unit. */
  unitCode: unitCodeSchema.optional(),
  /** The unit together with every unit below it (the office's city-wide report). */
  level: z.boolean().default(false),
});

export const reportInputs = {
  'report.draft': draftTarget,
  'report.docx': draftTarget,
};

export interface ReportOutputs {
  'report.draft': ReportDraft;
  /** The .docx as base64 (the API speaks JSON). */
  'report.docx': { fileName: string; base64: string };
}
