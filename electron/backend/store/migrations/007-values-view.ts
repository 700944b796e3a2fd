import type { Migration } from './types';

/**
 * The stored figures readable by any SQLite tool, without this program: the
 * view `ledger_values` has one row per stored value (unit code, template,
 * year, month, indicator, col, value); see docs/reading-the-data.md.
 *
 * A month row holds its values comma-separated by place ("12,,3"; 006).
 * The view makes that a JSON array (an empty place becomes null) for
 * json_each, and names each place through `value_layout_places`, the
 * layouts' refs one row per place, split into indicator and col: a keyed
 * lookup per value, where looking the place up in the layout's JSON text
 * took seven times as long. Layouts never change, so the places are filled
 * once per layout, by a trigger, whoever inserts it.
 */
export const valuesView: Migration = {
  version: 7,
  name: 'values-view',
  sql: `
    CREATE TABLE value_layout_places (
      layout TEXT NOT NULL REFERENCES value_layouts(id),
      -- 0-based, as json_each numbers the values of a month row.
      place INTEGER NOT NULL,
      indicator TEXT NOT NULL,
      -- '' for a list cell (its ref is the indicator code alone).
      col TEXT NOT NULL,
      PRIMARY KEY (layout, place)
    ) WITHOUT ROWID;

    INSERT INTO value_layout_places (layout, place, indicator, col)
      SELECT l.id, r.key, substr(r.value, 1, instr(r.value || ':', ':') - 1), substr(r.value, instr(r.value || ':', ':') + 1)
      FROM value_layouts l, json_each(l.refs) r;

    CREATE TRIGGER value_layout_places_fill AFTER INSERT ON value_layouts BEGIN
      INSERT INTO value_layout_places (layout, place, indicator, col)
        SELECT NEW.id, r.key, substr(r.value, 1, instr(r.value || ':', ':') - 1), substr(r.value, instr(r.value || ':', ':') + 1)
        FROM json_each(NEW.refs) r;
    END;

    -- CROSS JOIN keeps each month row outside its values, and its values
    -- outside their places (a keyed lookup each); replace() twice turns
    -- every empty place, however many in a row, into null.
    CREATE VIEW ledger_values AS
      SELECT u.code AS unit_code, m.template_id AS template_id, m.year AS year, m.month AS month,
        p.indicator AS indicator, p.col AS col, v.value AS value
      FROM units u
      JOIN month_values m ON m.unit_id = u.id
      CROSS JOIN json_each(replace(replace(replace('[' || m.data || ']', '[,', '[null,'), ',,', ',null,'), ',,', ',null,')) v
      CROSS JOIN value_layout_places p ON p.layout = m.layout AND p.place = v.key
      WHERE v.type <> 'null';
  `,
};
