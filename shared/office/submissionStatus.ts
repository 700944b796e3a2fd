/**
 * What a unit-month counts as at the office (docs/submission-status.md): the
 * one rule the matrix, the 催报 list, the summary card and the 汇总表 use.
 * A month counts as reported only when the received workbook carries its
 * figures or the unit declared it 本月无数据, and only when the workbook was
 * made after the month ended: a 全年 workbook exported in November carries
 * nothing a reviewer could accept for the months still to come.
 */
import type { SubmissionStatus } from '../api/methods/office';
import { isOverdue, monthEnded } from './dueDate';

/** What a received workbook held for one unit-month. */
export type MonthContent = 'figures' | 'noData' | 'empty';

export interface ReceivedMonth {
  content: MonthContent;
  /** The unit had marked the month complete (标记本月完成) when it exported. */
  completed: boolean;
  /** A newer revision with other figures replaced an earlier one. */
  corrected: boolean;
  /** Local date (YYYY-MM-DD) the workbook was made: its export time, else the day it was received. */
  madeOn: string;
}

/** Why a received workbook did not count for a month: it held nothing for it, or was made before the month ended. */
export type NotCounted = 'empty' | 'early';

export interface MonthVerdict {
  status: SubmissionStatus;
  notCounted: NotCounted | null;
}

export const REPORTED: ReadonlySet<SubmissionStatus> = new Set(['received', 'corrected', 'completed', 'noData']);
export const OUTSTANDING: ReadonlySet<SubmissionStatus> = new Set(['missing', 'overdue']);

export function monthVerdict(received: ReceivedMonth | undefined, year: number, month: number, dueDay: number, today: string): MonthVerdict {
  if (!monthEnded(year, month, today)) return { status: 'notDue', notCounted: null };
  if (received && received.content !== 'empty' && monthEnded(year, month, received.madeOn)) {
    const status: SubmissionStatus =
      received.content === 'noData' ? 'noData' : received.completed ? 'completed' : received.corrected ? 'corrected' : 'received';
    return { status, notCounted: null };
  }
  return {
    status: isOverdue(year, month, dueDay, today) ? 'overdue' : 'missing',
    notCounted: received ? (received.content === 'empty' ? 'empty' : 'early') : null,
  };
}
