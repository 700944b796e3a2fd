/** What the municipal office sees: who has reported, who to chase, and the merged figures. */
import { z } from 'zod';
import type { Violation } from '../../rules/evaluate';
import type { Period } from '../../values/period';
import { allOfficeOnly, monthSchema, periodSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

/** "Today" can be given (tests, what-if); the backend's local date otherwise. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');

/** A level's submissions over a year: the unit (the office's own by default) and every unit below it. */
const submissions = {
  templateId: templateIdSchema,
  year: yearSchema,
  unitCode: unitCodeSchema.optional(),
  today: isoDateSchema.optional(),
};

/** A level's merged figures over a period: the unit (the office's own by default) and every unit below it. */
const levelFigures = { templateId: templateIdSchema, period: periodSchema, unitCode: unitCodeSchema.optional() };

export const officeInputs = allOfficeOnly({
  'office.matrix': z.strictObject(submissions),
  /** replyBy: the date the notice asks for (a few days on by default). */
  'office.reminders': z.strictObject({ ...submissions, throughMonth: monthSchema.optional(), replyBy: isoDateSchema.optional() }),
  'office.remindersXlsx': z.strictObject({ ...submissions, throughMonth: monthSchema.optional(), replyBy: isoDateSchema.optional() }),
  'office.totals': z.strictObject(levelFigures),
  /** The 汇总表 workbook of the same figures. */
  'office.totalsXlsx': z.strictObject(levelFigures),
  /** A unit (with its subtree) against its parent's level. */
  'office.compare': z.strictObject({ ...levelFigures, unitCode: unitCodeSchema }),
  'office.summary': z.strictObject({ templateId: templateIdSchema.optional(), today: isoDateSchema.optional() }),
});

/**
 * received 已报 · missing 未报 (month over, not yet due) · overdue 逾期 ·
 * corrected 已更正 (a newer revision replaced an older one) · completed 已完成
 * (the filer closed the month) · noData 无数据 (declared 本月无数据) ·
 * notDue 未到期 (the month is not over yet). docs/submission-status.md.
 */
export type SubmissionStatus = 'received' | 'missing' | 'overdue' | 'corrected' | 'completed' | 'noData' | 'notDue';

/** A warning the unit accepted when completing a month, with its explanation, as the office reads it. */
export interface ReceivedExplanation {
  message: string;
  explanation: string;
}

export interface MatrixCell {
  month: number;
  status: SubmissionStatus;
  dueDate: string;
  revision: number | null;
  receivedAt: string | null;
  /** A workbook was received for the month but does not count: it held nothing for it, or was made before the month ended. */
  notCounted: 'empty' | 'early' | null;
  /** The unit's explanations of the warnings it accepted for the month (none: empty). */
  explanations: ReceivedExplanation[];
  /** How the received file was sealed (import.ts SealState minus the refused ones); null when nothing was received. */
  seal: 'signed' | 'county' | 'new_key' | 'accepted' | 'unsigned' | null;
}

export interface UnitRef {
  code: string;
  name: string;
  kind: string;
}

export interface MatrixRow extends UnitRef {
  /** Depth below the root (1 = direct sub-unit). */
  depth: number;
  dueDay: number;
  cells: MatrixCell[];
}

export interface SubmissionMatrix {
  templateId: string;
  year: number;
  today: string;
  root: UnitRef;
  rows: MatrixRow[];
  /** Per month: units that have reported, and units expected. */
  months: { month: number; received: number; expected: number }[];
}

export interface ReminderRow extends UnitRef {
  /** Months not received whose month is over. */
  months: number[];
  overdueMonths: number[];
  /** Due date of the earliest missing month. */
  dueDate: string;
}

export interface Reminders {
  year: number;
  today: string;
  /** The level whose units are listed; the notice is sent in its name. */
  office: UnitRef;
  templateName: string;
  /** The date the notice asks for. */
  replyBy: string;
  rows: ReminderRow[];
  /** Tab-separated with a header line, for pasting into Excel or WPS. */
  tsv: string;
  /** The same as a notice (通知) ready to send: plain text with the reply-by date. */
  notice: string;
}

export interface Totals {
  unit: UnitRef;
  period: Period;
  periodLabel: string;
  /** Units in the level (the unit and all below it). */
  unitCount: number;
  /** Units in the level with any figure in the period. */
  reportingUnits: number;
  /** Cell reference → merged figure; empty cells are absent. */
  figures: Record<string, number>;
  /** The template's checks that the merged figures fail, each with the units whose own figures fail it. */
  violations: LevelViolation[];
}

/** A check the merged figures fail, and the units whose own figures fail it (none: the difference lies between units). */
export interface LevelViolation extends Violation {
  units: { code: string; name: string; message: string }[];
}

export interface Comparison {
  unit: UnitRef;
  parent: UnitRef;
  periodLabel: string;
  unitFigures: Record<string, number>;
  parentFigures: Record<string, number>;
  /** Cell reference → the unit's share of its parent's total in percent (two decimals); absent when the parent's total is 0 or empty. */
  shares: Record<string, number>;
}

export interface SubmissionSummary {
  templateId: string;
  year: number;
  /** The month whose figures are being collected now (the last month that is over). */
  month: number;
  dueDate: string;
  expected: number;
  received: number;
  missing: (UnitRef & { overdue: boolean })[];
}

export interface OfficeOutputs {
  'office.matrix': SubmissionMatrix;
  'office.reminders': Reminders;
  'office.remindersXlsx': { fileName: string; base64: string };
  'office.totals': Totals;
  'office.totalsXlsx': { fileName: string; base64: string; unitCount: number; reportingUnits: number };
  'office.compare': Comparison;
  'office.summary': SubmissionSummary;
}
