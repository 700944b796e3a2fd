import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFileAtVersion } from '../../testing/oldDataFile';
import { decodeMonth, layoutOf, type MonthRow } from '../monthValues';
import { Store } from '../store';
import { applyChanges, getHistory, getValues } from '../values';
import { LATEST_VERSION } from '.';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data file as version 5 left it: JSON month rows and a change set. */
function version5File(rows: string): string {
  return dataFileAtVersion(
    5,
    `INSERT INTO units (id, code, name, kind, created_at, updated_at) VALUES (1, 'D01', '财政局', '部门', 'x', 'x'), (2, 'D02', '教育局', '部门', 'x', 'x');
     INSERT INTO templates VALUES ('suining-2017', 1, '遂宁', 'x'), ('national-2021', 1, '国家', 'x');
     ${rows}
     INSERT INTO value_changes (unit_id, template_id, year, month, changed_at, operator, source, changes)
       VALUES (1, 'suining-2017', 2017, 1, '2017-02-01', '张三', 'entry', '[["pub.total",10,12]]');`,
    dirs,
  );
}

const V5_ROWS = `
  INSERT INTO month_values VALUES
    (1, 'suining-2017', 2017, 1, '{"fee.charged":0.1,"pub":3,"pub.total":12}', '2017-02-03T00:00:00.000Z'),
    (1, 'suining-2017', 2017, 2, '{"pub.total":7,"pub.cat.work":0}', '2017-03-01T00:00:00.000Z'),
    (2, 'suining-2017', 2017, 1, '{"pub.total":4.0}', '2017-02-05T00:00:00.000Z'),
    (1, 'national-2021', 2017, 1, '{"t3.new:natural":5,"t3.new:total":1234567.89,"t1.rules:new":2}', '2017-02-01T00:00:00.000Z');
`;

const figures = (db: Database.Database) =>
  (db.prepare('SELECT * FROM month_values ORDER BY unit_id, template_id, month').all() as (MonthRow & { template_id: string })[]).map((r) => [
    r.unit_id,
    r.template_id,
    r.month,
    Object.fromEntries(decodeMonth(db, r)),
    r.updated_at,
  ]);

describe('migration 006: values by place', () => {
  it('gives each template a layout of its refs in (indicator, col) order and keeps every figure', async () => {
    const store = await Store.open(version5File(V5_ROWS));
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(figures(db)).toEqual([
      [1, 'national-2021', 1, { 't1.rules:new': 2, 't3.new:natural': 5, 't3.new:total': 1234567.89 }, '2017-02-01T00:00:00.000Z'],
      [1, 'suining-2017', 1, { 'fee.charged': 0.1, pub: 3, 'pub.total': 12 }, '2017-02-03T00:00:00.000Z'],
      [1, 'suining-2017', 2, { 'pub.cat.work': 0, 'pub.total': 7 }, '2017-03-01T00:00:00.000Z'],
      [2, 'suining-2017', 1, { 'pub.total': 4 }, '2017-02-05T00:00:00.000Z'],
    ]);
    const rows = db.prepare("SELECT layout, data FROM month_values WHERE template_id = 'suining-2017' ORDER BY unit_id, month").all() as MonthRow[];
    expect(layoutOf(db, rows[0].layout).refs).toEqual(['fee.charged', 'pub', 'pub.cat.work', 'pub.total']);
    // A REAL 4.0 keeps its spelling; it reads back as 4.
    expect(rows.map((r) => r.data)).toEqual(['0.1,3,,12', ',,0,7', ',,,4.0']);
    expect(getValues(db, 1, 'suining-2017', 2017).map((v) => [v.month, v.indicator, v.value])).toEqual([
      [1, 'fee.charged', 0.1],
      [1, 'pub', 3],
      [1, 'pub.total', 12],
      [2, 'pub.cat.work', 0],
      [2, 'pub.total', 7],
    ]);
    // History is untouched, and new writes go on in the migrated layout (or grow it).
    expect(getHistory(db, { unitId: 1, templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', col: '' }).map((h) => [h.oldValue, h.newValue])).toEqual([
      [10, 12],
    ]);
    applyChanges(db, [{ unitId: 2, templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub', col: '', value: 8 }], { operator: '李四', source: 'entry' });
    expect((db.prepare("SELECT data FROM month_values WHERE unit_id = 2 AND template_id = 'suining-2017'").get() as MonthRow).data).toBe(',8,,4');
    expect(getValues(db, 2, 'suining-2017', 2017).map((v) => [v.indicator, v.value])).toEqual([
      ['pub', 8],
      ['pub.total', 4],
    ]);
    store.close();
  });

  it('refuses by its CHECK what is not a plain decimal: a negative, an exponent, text', async () => {
    const store = await Store.open(version5File(V5_ROWS));
    const layout = (store.db.prepare("SELECT layout FROM month_values WHERE template_id = 'suining-2017' LIMIT 1").get() as MonthRow).layout;
    const insert = store.db.prepare("INSERT INTO month_values VALUES (1, 'suining-2017', 2018, 1, ?, ?, 'x')");
    for (const bad of ['-1', '1e+21', 'abc', '', ',,']) expect(() => insert.run(layout, bad), bad).toThrow(/CHECK/);
    expect(() => insert.run('no-such-layout', '1')).toThrow(/FOREIGN KEY/);
    insert.run(layout, '1.5,,2');
    store.close();
  });

  it('migrates a version 5 file without figures', async () => {
    const store = await Store.open(version5File(''));
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM value_layouts').get()).toEqual({ n: 0 });
    applyChanges(store.db, [{ unitId: 1, templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub', col: '', value: 1 }], { operator: '张三', source: 'entry' });
    expect(figures(store.db)).toEqual([[1, 'suining-2017', 3, { pub: 1 }, expect.any(String)]]);
    store.close();
  });

  it('leaves a version 5 file as it was when a figure cannot be stored by place', async () => {
    const file = version5File("INSERT INTO month_values VALUES (1, 'suining-2017', 2017, 1, '{\"pub\":-3}', 'x');");
    await expect(Store.open(file)).rejects.toThrow(/CHECK/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT data FROM month_values').get()).toEqual({ data: '{"pub":-3}' });
    db.close();
  });
});
