import type { Migration } from './types';

/**
 * Data entry: a completed month is locked until reopened. A month has a row in
 * month_status only while it is completed; the warnings accepted at completion
 * (with the clerk's explanation) stay with it. Reopening keeps its reason.
 */
export const monthCompletion: Migration = {
  version: 2,
  name: 'month-completion',
  sql: `
    CREATE TABLE month_status (
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      completed_at TEXT NOT NULL,
      completed_by TEXT NOT NULL,
      warnings TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (unit_id, template_id, year, month)
    ) WITHOUT ROWID;

    CREATE TABLE month_reopens (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL,
      reason TEXT NOT NULL,
      reopened_at TEXT NOT NULL,
      reopened_by TEXT NOT NULL,
      completed_at TEXT NOT NULL
    );
    CREATE INDEX month_reopens_month ON month_reopens(unit_id, template_id, year, month);

    CREATE TABLE cell_comments (
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      indicator TEXT NOT NULL,
      col TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      PRIMARY KEY (unit_id, template_id, year, month, indicator, col)
    ) WITHOUT ROWID;
  `,
};
