import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFileAtVersion } from '../../testing/oldDataFile';
import { decodeMonth, type MonthRow } from '../monthValues';
import { Store } from '../store';
import { getHistory, getValue, getValues } from '../values';
import { LATEST_VERSION, MIGRATIONS } from '.';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data file as version 4 of the program left it: its migrations only, plus a unit with values and history. */
function version4File(extra = ''): string {
  return dataFileAtVersion(4, `${V4_SEED}\n${extra}`, dirs);
}

const V4_SEED = `
    INSERT INTO units (id, code, name, kind, created_at, updated_at) VALUES (1, 'D01', '财政局', '部门', 'x', 'x'), (2, 'D02', '教育局', '部门', 'x', 'x');
    INSERT INTO templates VALUES ('suining-2017', 1, '遂宁', 'x'), ('national-2021', 1, '国家', 'x');
    INSERT INTO cell_values VALUES
      (1, 'suining-2017', 2017, 1, 'pub.total', '', 12, '2017-02-01T00:00:00.000Z'),
      (1, 'suining-2017', 2017, 1, 'pub', '', 3, '2017-02-03T00:00:00.000Z'),
      (1, 'suining-2017', 2017, 1, 'fee.charged', '', 0.1, '2017-02-02T00:00:00.000Z'),
      (1, 'suining-2017', 2017, 2, 'pub.total', '', 7, '2017-03-01T00:00:00.000Z'),
      (1, 'national-2021', 2017, 1, 't3.new', 'natural', 5, '2017-02-01T00:00:00.000Z'),
      (1, 'national-2021', 2017, 1, 't3.new', 'total', 1234567.89, '2017-02-01T00:00:00.000Z'),
      (2, 'suining-2017', 2017, 1, 'pub.total', '', 4, '2017-02-05T00:00:00.000Z');
    INSERT INTO value_history (id, unit_id, template_id, year, month, indicator, col, old_value, new_value, changed_at, operator, source) VALUES
      (10, 1, 'suining-2017', 2017, 1, 'pub.total', '', NULL, 10, '2017-01-31', '张三', 'entry'),
      (11, 1, 'national-2021', 2017, 1, 't3.new', 'natural', NULL, 5, '2017-02-01', '张三', 'import'),
      (12, 1, 'suining-2017', 2017, 1, 'pub.total', '', 10, 12, '2017-02-01', '李四', 'paste'),
      (13, 1, 'suining-2017', 2017, 1, 'pub.key', '', 2.5, NULL, '2017-02-01', '李四', 'entry');
  `;

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('migration 005: packed values', () => {
  it('packs a version 4 file’s values per unit-month and its history into change sets, then drops the old tables', async () => {
    const file = version4File();
    const store = await Store.open(file);
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // The file as it was is kept in a backup taken before migrating.
    const backup = store.backups().find((x) => x.reason.startsWith('before-migrate'))!;
    const kept = new Database(backup.file, { readonly: true });
    expect(kept.prepare('SELECT COUNT(*) AS n FROM cell_values').get()).toEqual({ n: 7 });
    kept.close();
    expect(tables(db)).not.toContain('cell_values');
    expect(tables(db)).not.toContain('value_history');

    // As later migrations keep them (006 stores them by place): the figures per unit-month.
    const rows = (db.prepare('SELECT * FROM month_values ORDER BY unit_id, template_id, month').all() as (MonthRow & { template_id: string })[]).map((r) => ({
      unit_id: r.unit_id,
      template_id: r.template_id,
      month: r.month,
      figures: Object.fromEntries(decodeMonth(db, r)),
      updated_at: r.updated_at,
    }));
    expect(rows).toEqual([
      { unit_id: 1, template_id: 'national-2021', month: 1, figures: { 't3.new:natural': 5, 't3.new:total': 1234567.89 }, updated_at: '2017-02-01T00:00:00.000Z' },
      // The month's time is its latest value's.
      { unit_id: 1, template_id: 'suining-2017', month: 1, figures: { 'fee.charged': 0.1, pub: 3, 'pub.total': 12 }, updated_at: '2017-02-03T00:00:00.000Z' },
      { unit_id: 1, template_id: 'suining-2017', month: 2, figures: { 'pub.total': 7 }, updated_at: '2017-03-01T00:00:00.000Z' },
      { unit_id: 2, template_id: 'suining-2017', month: 1, figures: { 'pub.total': 4 }, updated_at: '2017-02-05T00:00:00.000Z' },
    ]);
    expect(getValues(db, 1, 'suining-2017', 2017).map((v) => [v.month, v.indicator, v.col, v.value])).toEqual([
      [1, 'fee.charged', '', 0.1],
      [1, 'pub', '', 3],
      [1, 'pub.total', '', 12],
      [2, 'pub.total', '', 7],
    ]);
    expect(getValue(db, { unitId: 1, templateId: 'national-2021', year: 2017, month: 1, indicator: 't3.new', col: 'total' })?.value).toBe(1234567.89);

    const cell = { unitId: 1, templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', col: '' };
    expect(getHistory(db, cell).map((h) => [h.id, h.oldValue, h.newValue, h.operator, h.source, h.changedAt, h.unitCode])).toEqual([
      [12, 10, 12, '李四', 'paste', '2017-02-01', 'D01'],
      [10, null, 10, '张三', 'entry', '2017-01-31', 'D01'],
    ]);
    expect(getHistory(db, { ...cell, indicator: 'pub.key' }).map((h) => [h.oldValue, h.newValue])).toEqual([[2.5, null]]);
    expect(getHistory(db, { ...cell, templateId: 'national-2021', indicator: 't3.new', col: 'natural' }).map((h) => h.newValue)).toEqual([5]);
    expect((db.prepare('SELECT changes FROM value_changes WHERE id = 11').get() as { changes: string }).changes).toBe('[["t3.new:natural",null,5]]');
    store.close();
  });

  it('migrates an empty version 4 file', async () => {
    const file = version4File('DELETE FROM cell_values; DELETE FROM value_history;');
    const store = await Store.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM month_values').get()).toEqual({ n: 0 });
    store.close();
  });

  it('refuses to pack an indicator code that would not split back, leaving the file at version 4', async () => {
    const file = version4File("INSERT INTO cell_values VALUES (1, 'suining-2017', 2017, 3, 'odd:code', 'x', 1, 'x');");
    await expect(Store.open(file)).rejects.toThrow(/indicator code contains ':'/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT COUNT(*) AS n FROM cell_values').get()).toEqual({ n: 8 });
    expect(tables(db)).not.toContain('month_values');
    db.close();
  });
});
