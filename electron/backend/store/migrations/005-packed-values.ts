import type { Migration } from './types';

/**
 * Values packed per unit-month. One SQLite row per value could not keep up
 * with the office importing 500 workbooks (813,000 values): ~5 s to insert
 * them as rows, ~11 s with a history row each, against ~0.3 s for the 6,000
 * unit-month rows. month_values holds a month's figures as one JSON object
 * { "<cell ref>": value } (refs as shared/template/cells.ts cellRef builds
 * them; a ref splits back at its first ':' because codes never contain one),
 * and value_changes one change set per unit-month and write, as
 * [[ref, old, new], …].
 *
 * month_values keeps its rowid: rows are ~3 KB, too big to sit in a
 * WITHOUT ROWID b-tree (whose cells spill to overflow pages beyond ~1 KB);
 * measured on 6,000 rows of 135 values, rowid wrote as fast or faster, read a
 * unit's year 2–3× faster and took 24 MB instead of 27 MB.
 *
 * The old tables are copied (ordered as their primary key, so a month's refs
 * stay in (indicator, col) order) and dropped. Whole numbers lose the REAL
 * ".0" so that copied and newly written rows look alike.
 */
export const packedValues: Migration = {
  version: 5,
  name: 'packed-values',
  sql: `
    -- Refuse (and roll back) rather than pack a hand-made indicator code that would not split back.
    CREATE TABLE migration_005_check (
      bad INTEGER NOT NULL CONSTRAINT "an indicator code contains ':', values cannot be packed" CHECK (bad = 0)
    );
    INSERT INTO migration_005_check
      SELECT (SELECT COUNT(*) FROM cell_values WHERE instr(indicator, ':') > 0 OR indicator = '')
           + (SELECT COUNT(*) FROM value_history WHERE instr(indicator, ':') > 0 OR indicator = '');
    DROP TABLE migration_005_check;

    CREATE TABLE month_values (
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL REFERENCES templates(id),
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      -- { "<cell ref>": value }; a month whose last value is cleared has no row.
      data TEXT NOT NULL CHECK (json_valid(data)) CHECK (data <> '{}'),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, template_id, year, month)
    );
    -- All units of a template and year (levels, reporting counts); the key serves one unit's year.
    CREATE INDEX month_values_period ON month_values(template_id, year, month, unit_id);

    CREATE TABLE value_changes (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      changed_at TEXT NOT NULL,
      operator TEXT NOT NULL,
      source TEXT NOT NULL,
      -- [[ref, old, new], …]: null is an empty cell.
      changes TEXT NOT NULL CHECK (json_valid(changes))
    );
    CREATE INDEX value_changes_month ON value_changes(unit_id, template_id, year, month);

    INSERT INTO month_values (unit_id, template_id, year, month, data, updated_at)
      SELECT unit_id, template_id, year, month,
        json_group_object(
          CASE col WHEN '' THEN indicator ELSE indicator || ':' || col END,
          CASE WHEN value = CAST(value AS INTEGER) THEN CAST(value AS INTEGER) ELSE value END
          ORDER BY indicator, col),
        MAX(updated_at)
      FROM cell_values
      GROUP BY unit_id, template_id, year, month;

    INSERT INTO value_changes (id, unit_id, template_id, year, month, changed_at, operator, source, changes)
      SELECT id, unit_id, template_id, year, month, changed_at, operator, source,
        json_array(json_array(
          CASE col WHEN '' THEN indicator ELSE indicator || ':' || col END,
          CASE WHEN old_value = CAST(old_value AS INTEGER) THEN CAST(old_value AS INTEGER) ELSE old_value END,
          CASE WHEN new_value = CAST(new_value AS INTEGER) THEN CAST(new_value AS INTEGER) ELSE new_value END))
      FROM value_history
      ORDER BY id;

    DROP TABLE cell_values;
    DROP TABLE value_history;
  `,
};
