import type { Migration } from './types';

/** Every export of a submission workbook: its revision number grows per unit, template and period. */
export const exportLog: Migration = {
  version: 3,
  name: 'export-log',
  sql: `
    CREATE TABLE export_log (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      period_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      revision INTEGER NOT NULL,
      fingerprint TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      UNIQUE (unit_id, template_id, period_key, revision)
    );
  `,
};
