import type { Migration } from './types';

/**
 * The same submissions table, its two list CHECKs spelled as comparisons.
 * SQLite compiles `x IN ('a', 'b', 'c')` with three or more constants into
 * a temporary b-tree that every INSERT builds and fills afresh: the content
 * and seal CHECKs of migrations 008 and 009 made an insert cost about two
 * and a half times what it does as `x = 'a' OR x = 'b' OR …` (an office's
 * import records 6,000 submissions; docs/import.md). The comparisons admit
 * exactly the same values (the column's text affinity applies to both, and
 * NULL stays refused by NOT NULL), so every stored row is copied as it is.
 *
 * SQLite cannot change a column's CHECK in place: the table is rebuilt
 * (nothing references submissions), columns in their order, with its indexes.
 */
export const submissionChecks: Migration = {
  version: 10,
  name: 'submission-checks',
  sql: `
    CREATE TABLE submissions_010 (
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
      current INTEGER NOT NULL DEFAULT 1,
      -- What the workbook held for the month (migration 008).
      content TEXT NOT NULL DEFAULT 'figures' CHECK (content = 'figures' OR content = 'noData' OR content = 'empty'),
      made_at TEXT,
      explanations TEXT NOT NULL DEFAULT '[]',
      -- How the month's file was sealed (migration 009).
      seal TEXT NOT NULL DEFAULT 'unsigned'
        CHECK (seal = 'unsigned' OR seal = 'signed' OR seal = 'county' OR seal = 'new_key' OR seal = 'accepted')
    );

    INSERT INTO submissions_010 (id, unit_id, template_id, year, month, revision, fingerprint, received_at, import_id, corrected,
        previous_revision, completed, current, content, made_at, explanations, seal)
      SELECT id, unit_id, template_id, year, month, revision, fingerprint, received_at, import_id, corrected,
        previous_revision, completed, current, content, made_at, explanations, seal
      FROM submissions;

    DROP TABLE submissions;
    ALTER TABLE submissions_010 RENAME TO submissions;
    CREATE INDEX submissions_period ON submissions(template_id, year, month, unit_id);
    CREATE UNIQUE INDEX submissions_current ON submissions(unit_id, template_id, year, month) WHERE current = 1;
  `,
};
