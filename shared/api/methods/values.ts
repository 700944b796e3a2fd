/** Reading and writing monthly figures, and their history. */
import { z } from 'zod';
import type { CellValue, HistoryEntry } from '../../domain';
import { cellCodeSchema, monthSchema, rawValueSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const cellTarget = {
  templateId: templateIdSchema,
  year: yearSchema,
  month: monthSchema,
  indicator: cellCodeSchema,
  col: z.string().max(40).default(''),
  /** Defaults to this data file's own unit. */
  unitCode: unitCodeSchema.optional(),
};

export const valueInputs = {
  'values.getYear': z.strictObject({
    templateId: templateIdSchema,
    year: yearSchema,
    unitCode: unitCodeSchema.optional(),
  }),
  'values.set': z.strictObject({ ...cellTarget, raw: rawValueSchema }),
  'values.setMany': z.strictObject({
    templateId: templateIdSchema,
    year: yearSchema,
    unitCode: unitCodeSchema.optional(),
    source: z.enum(['entry', 'paste', 'undo', 'redo', 'clear']).default('entry'),
    cells: z
      .array(
        z.strictObject({
          month: monthSchema,
          indicator: cellCodeSchema,
          col: z.string().max(40).default(''),
          raw: rawValueSchema,
        }),
      )
      .min(1)
      .max(5000),
  }),
  'values.history': z.strictObject({
    templateId: templateIdSchema,
    year: yearSchema,
    month: monthSchema,
    indicator: cellCodeSchema,
    col: z.string().max(40).default(''),
    unitCode: unitCodeSchema.optional(),
  }),
};

export interface SetResult {
  month: number;
  indicator: string;
  col: string;
  /** Stored value after the call (null = empty). */
  value: number | null;
  changed: boolean;
  updatedAt: string | null;
}

export interface CellRefusal {
  month: number;
  indicator: string;
  col: string;
  message: string;
}

export interface ValueOutputs {
  'values.getYear': { unitCode: string; year: number; templateId: string; values: CellValue[] };
  'values.set': SetResult;
  /** Valid cells are saved; refused cells are listed with the reason and not saved. */
  'values.setMany': { saved: SetResult[]; refused: CellRefusal[] };
  'values.history': HistoryEntry[];
}
