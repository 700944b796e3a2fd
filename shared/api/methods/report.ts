/** The annual report draft (年报草稿): structured preview and the Word document. */
import { z } from 'zod';
import type { ReportDraft } from '../../report/model';
import { scopeSchema, templateIdSchema, yearSchema } from '../common';

const draftTarget = z.strictObject({
  /** Defaults to the data file's default template. */
  templateId: templateIdSchema.optional(),
  year: yearSchema,
  /** A unit's own report, or with its subtree the office's city-wide one. */
  scope: scopeSchema,
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
