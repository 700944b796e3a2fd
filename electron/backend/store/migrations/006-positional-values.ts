import type { Migration } from './types';

/**
 * A month's figures by position instead of by name. Version 5 stored each
 * unit-month as a JSON object { "<cell ref>": value }: 9 MB of text for an
 * office's 813,000 figures, every ref spelled out 6,000 times, parsed into
 * an object per row whenever a level was summed. Now a row holds only its
 * values, comma-separated in the order of a layout (value_layouts: the refs
 * of one template, as a JSON array), an empty place for an empty cell:
 * "12,,3". The same import writes 2.3 MB; summing reads positions.
 *
 * Layouts are append-only and never change: a month with a ref its
 * template's newest layout lacks gets a new layout (the old refs, then the
 * new ones), and older rows keep theirs. A row's values can only be plain
 * non-negative decimals (the CHECK): no sign, exponent or text gets in.
 *
 * Each template's first layout is the refs its version-5 rows use, in
 * (indicator, col) order; every row is copied by looking its refs up.
 */
export const positionalValues: Migration = {
  version: 6,
  name: 'positional-values',
  sql: `
    CREATE TABLE value_layouts (
      id TEXT PRIMARY KEY,
      template_id TEXT NOT NULL REFERENCES templates(id),
      -- JSON array of cell refs: a month row's n-th value is the n-th ref's.
      refs TEXT NOT NULL CHECK (json_valid(refs) AND json_type(refs) = 'array')
    );
    CREATE INDEX value_layouts_template ON value_layouts(template_id);

    INSERT INTO value_layouts (id, template_id, refs)
      SELECT 'v5:' || template_id, template_id, json_group_array(ref ORDER BY indicator, col)
      FROM (
        SELECT DISTINCT m.template_id, j.key AS ref,
          substr(j.key, 1, instr(j.key || ':', ':') - 1) AS indicator,
          substr(j.key, instr(j.key || ':', ':') + 1) AS col
        FROM month_values m, json_each(m.data) j
      )
      GROUP BY template_id;

    CREATE TABLE month_values_006 (
      unit_id INTEGER NOT NULL REFERENCES units(id),
      template_id TEXT NOT NULL REFERENCES templates(id),
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      layout TEXT NOT NULL REFERENCES value_layouts(id),
      -- Values in the layout's order, "" where empty; a month whose last value is cleared has no row.
      data TEXT NOT NULL CHECK (data GLOB '*[0-9]*' AND data NOT GLOB '*[^0-9.,]*'),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, template_id, year, month)
    );

    INSERT INTO month_values_006 (unit_id, template_id, year, month, layout, data, updated_at)
      SELECT m.unit_id, m.template_id, m.year, m.month, l.id,
        rtrim((SELECT group_concat(coalesce(json_extract(m.data, '$."' || r.value || '"'), ''), ',' ORDER BY r.key) FROM json_each(l.refs) r), ','),
        m.updated_at
      FROM month_values m JOIN value_layouts l ON l.template_id = m.template_id;

    DROP TABLE month_values;
    ALTER TABLE month_values_006 RENAME TO month_values;
    -- All units of a template and year (levels, reporting counts); the key serves one unit's year.
    CREATE INDEX month_values_period ON month_values(template_id, year, month, unit_id);
  `,
};
