/** Data entry: month completion (locks a month), reopening, and cell comments. */
import { z } from 'zod';
import type { Violation } from '../../rules/evaluate';
import type { RuleScope } from '../../template/schema';
import { cellCodeSchema, monthSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const yearTarget = { templateId: templateIdSchema, year: yearSchema, unitCode: unitCodeSchema.optional() };

export const entryInputs = {
  'months.status': z.strictObject(yearTarget),
  'months.complete': z.strictObject({
    ...yearTarget,
    month: monthSchema,
    /** Explanation of each warning still standing, by check id. */
    explanations: z.record(z.string().max(120), z.string().trim().max(500)).default({}),
  }),
  'months.reopen': z.strictObject({
    ...yearTarget,
    month: monthSchema,
    reason: z.string().trim().min(2, '请填写撤销完成的原因（至少2个字）').max(500, '原因不能超过500个字'),
  }),
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

export interface AcceptedWarning {
  checkId: string;
  message: string;
  explanation: string;
}

export interface MonthReopen {
  reason: string;
  reopenedAt: string;
  reopenedBy: string;
}

export interface MonthStatus {
  month: number;
  completed: boolean;
  completedAt: string | null;
  completedBy: string | null;
  /** Warnings accepted at completion, with the clerk's explanation. */
  warnings: AcceptedWarning[];
  reopens: MonthReopen[];
}

export interface CellComment {
  month: number;
  indicator: string;
  col: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

/** A violation found when completing a month, with the period scope it was checked for. */
export interface CompletionViolation extends Violation {
  scope: RuleScope;
  /** Key of its explanation in months.complete's explanations. */
  key: string;
}

/** Explanations are keyed by scope and check, since December is checked for both. */
export function explanationKey(scope: RuleScope, checkId: string): string {
  return `${scope}:${checkId}`;
}

/** details of a refused months.complete (code rule_errors). */
export interface CompletionRefusal {
  errors: CompletionViolation[];
  /** Warnings without an explanation. */
  unexplained: CompletionViolation[];
}

export interface EntryOutputs {
  'months.status': MonthStatus[];
  'months.complete': MonthStatus;
  'months.reopen': MonthStatus;
  'comments.get': CellComment[];
  'comments.set': CellComment | null;
}
