/** Month completion: completing a month locks it; reopening needs a reason. */
import { z } from 'zod';
import type { Violation } from '../../rules/evaluate';
import type { RuleScope } from '../../template/schema';
import { monthSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const yearTarget = { templateId: templateIdSchema, year: yearSchema, unitCode: unitCodeSchema.optional() };

export const monthInputs = {
  'months.status': z.strictObject(yearTarget),
  'months.complete': z.strictObject({
    ...yearTarget,
    month: monthSchema,
    /** Explanation of each warning still standing, by check id. */
    explanations: z.record(z.string().max(120), z.string().trim().max(500)).default({}),
  }),
  /** 本月无数据: the month ended with nothing to report; completed (locked) with no figures. */
  'months.declareNoData': z.strictObject({ ...yearTarget, month: monthSchema }),
  'months.reopen': z.strictObject({
    ...yearTarget,
    month: monthSchema,
    reason: z.string().trim().min(2, '请填写撤销完成的原因（至少2个字）').max(500, '原因不能超过500个字'),
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
  /** Completed as 本月无数据 (no figures to report). */
  noData: boolean;
  completedAt: string | null;
  completedBy: string | null;
  /** Warnings accepted at completion, with the clerk's explanation. */
  warnings: AcceptedWarning[];
  reopens: MonthReopen[];
  /**
   * The explanations to offer when completing: those of the completion, or,
   * for a reopened month, those it was last completed with (by key).
   */
  explanations: Record<string, string>;
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

export interface MonthOutputs {
  'months.status': MonthStatus[];
  'months.complete': MonthStatus;
  'months.declareNoData': MonthStatus;
  'months.reopen': MonthStatus;
}
