import type { Migration } from './types';

/**
 * What counts as submitted (docs/submission-status.md).
 *
 * month_status.no_data: the clerk declared the month 本月无数据; the month is
 * completed (locked) like any other, with no figures.
 * month_reopens.warnings: the explanations the month was completed with, so
 * that completing it again offers them instead of asking anew.
 * submissions.content: what the received workbook held for the unit-month —
 * figures, a 本月无数据 declaration, or nothing — and made_at when it was
 * exported (null: unknown, a hand-filled file; received_at stands in).
 * submissions.explanations: the unit's explanations of the warnings it
 * accepted for the month, as the workbook carried them (JSON).
 * Rows received before this migration did not record what they held: a
 * current row whose month has no stored figures held none (an import
 * replaces the whole month, so the store is what the last workbook carried).
 */
export const submissionStatus: Migration = {
  version: 8,
  name: 'submission-status',
  sql: `
    ALTER TABLE month_status ADD COLUMN no_data INTEGER NOT NULL DEFAULT 0 CHECK (no_data IN (0, 1));
    ALTER TABLE month_reopens ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE submissions ADD COLUMN content TEXT NOT NULL DEFAULT 'figures' CHECK (content IN ('figures', 'noData', 'empty'));
    ALTER TABLE submissions ADD COLUMN made_at TEXT;
    ALTER TABLE submissions ADD COLUMN explanations TEXT NOT NULL DEFAULT '[]';
    UPDATE submissions SET content = 'empty'
      WHERE current = 1 AND NOT EXISTS (
        SELECT 1 FROM month_values v
        WHERE v.unit_id = submissions.unit_id AND v.template_id = submissions.template_id
          AND v.year = submissions.year AND v.month = submissions.month);
  `,
};
