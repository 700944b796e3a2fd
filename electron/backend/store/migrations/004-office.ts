import type { Migration } from './types';

/**
 * The municipal office: each unit's due day, the workbooks received per unit
 * and month (every revision kept), and the log of every imported file.
 */
export const office: Migration = {
  version: 4,
  name: 'office',
  sql: `
    -- Day of the following month a monthly submission is due; NULL = the default (5th).
    ALTER TABLE units ADD COLUMN due_day INTEGER CHECK (due_day IS NULL OR due_day BETWEEN 1 AND 28);

    CREATE TABLE import_log (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      stored_path TEXT,
      imported_at TEXT NOT NULL,
      operator TEXT NOT NULL,
      outcome TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX import_log_sha ON import_log(sha256);

    CREATE TABLE submissions (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      revision INTEGER NOT NULL CHECK (revision >= 0),
      fingerprint TEXT NOT NULL,
      received_at TEXT NOT NULL,
      import_id INTEGER REFERENCES import_log(id),
      -- Set when this revision replaced an earlier one (已更正).
      corrected INTEGER NOT NULL DEFAULT 0,
      previous_revision INTEGER,
      -- The filer marked the month complete before exporting.
      completed INTEGER NOT NULL DEFAULT 0,
      -- The newest received revision of its unit and month; older ones are kept for the record.
      current INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX submissions_period ON submissions(template_id, year, month, unit_id);
    CREATE UNIQUE INDEX submissions_current ON submissions(unit_id, template_id, year, month) WHERE current = 1;
  `,
};
