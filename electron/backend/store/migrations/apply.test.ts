import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './apply';
import type { Migration } from './types';

let db: Database.Database;
afterEach(() => db.close());

const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('a migration with a JavaScript step', () => {
  const first: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY, key TEXT);' };

  it('runs the step after its SQL, on the tables the SQL made', () => {
    db = new Database(':memory:');
    const second: Migration = {
      version: 2,
      name: 'second',
      sql: "CREATE TABLE b (id INTEGER PRIMARY KEY, key TEXT); INSERT INTO b (id) VALUES (1), (2);",
      run: (d) => {
        const set = d.prepare('UPDATE b SET key = ? WHERE id = ?');
        for (const { id } of d.prepare('SELECT id FROM b').all() as { id: number }[]) set.run(`key-${id * 7}`, id);
      },
    };
    applyMigrations(db, 0, [first, second]);
    expect(db.prepare('SELECT id, key FROM b ORDER BY id').all()).toEqual([
      { id: 1, key: 'key-7' },
      { id: 2, key: 'key-14' },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
  });

  it('a step that throws undoes its own SQL and leaves the file at the version before', () => {
    db = new Database(':memory:');
    const failing: Migration = {
      version: 2,
      name: 'failing',
      sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
      run: () => {
        throw new Error('no keys today');
      },
    };
    expect(() => applyMigrations(db, 0, [first, failing])).toThrow('no keys today');
    expect(tables()).toEqual(['a', 'schema_migrations']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(1);
  });

  it('only migrations above the file version run', () => {
    db = new Database(':memory:');
    applyMigrations(db, 0, [first]);
    let ran = 0;
    applyMigrations(db, 1, [{ ...first, run: () => ran++ }, { version: 2, name: 'two', sql: '', run: () => ran++ }]);
    expect(ran).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });
});
