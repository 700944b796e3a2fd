import type { Migration } from './types';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      parent_id INTEGER REFERENCES units(id),
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX units_parent ON units(parent_id);

    CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      name TEXT NOT NULL,
      registered_at TEXT NOT NULL
    );

    CREATE TABLE cell_values (
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL REFERENCES templates(id),
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      indicator TEXT NOT NULL,
      col TEXT NOT NULL DEFAULT '',
      value REAL NOT NULL CHECK (value >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, template_id, year, month, indicator, col)
    ) WITHOUT ROWID;

    CREATE TABLE value_history (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL,
      indicator TEXT NOT NULL,
      col TEXT NOT NULL DEFAULT '',
      old_value REAL,
      new_value REAL,
      changed_at TEXT NOT NULL,
      operator TEXT NOT NULL,
      source TEXT NOT NULL
    );
    CREATE INDEX value_history_cell ON value_history(unit_id, template_id, year, month, indicator, col);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
