/** Cell comments of a unit's ledger: a note on one cell of one month. */
import { z } from 'zod';
import { cellCodeSchema, monthSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const yearTarget = { templateId: templateIdSchema, year: yearSchema, unitCode: unitCodeSchema.optional() };

export const commentInputs = {
  'comments.get': z.strictObject(yearTarget),
  'comments.set': z.strictObject({
    ...yearTarget,
    month: monthSchema,
    indicator: cellCodeSchema,
    col: z.string().max(40).default(''),
    /** Empty text removes the comment. */
    text: z.string().trim().max(1000, '备注不能超过1000个字'),
  }),
};

export interface CellComment {
  month: number;
  indicator: string;
  col: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

export interface CommentOutputs {
  'comments.get': CellComment[];
  'comments.set': CellComment | null;
}
