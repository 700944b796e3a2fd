import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFileAtVersion } from '../../testing/oldDataFile';
import { Store } from '../store';
import { LATEST_VERSION } from '.';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SEED = `INSERT INTO units (id, code, name, kind, created_at, updated_at) VALUES (1, 'D01', '财政局', '部门', 'x', 'x'), (2, 'D02', '教育局', '部门', 'x', 'x');
  INSERT INTO import_log (id, file_name, sha256, imported_at, operator, outcome) VALUES (7, 'a.xlsx', 'ab', 'x', '张三', 'applied');
  INSERT INTO submissions (id, unit_id, template_id, year, month, revision, fingerprint, received_at, import_id, corrected, previous_revision, completed, current, content, made_at, explanations, seal)
  VALUES (3, 1, 'suining-2017', 2017, 1, 1, 'f1', '2018-01-02', 7, 0, NULL, 0, 0, 'empty', NULL, '[]', 'unsigned'),
         (4, 1, 'suining-2017', 2017, 1, 2, 'f2', '2018-02-02', 7, 1, 1, 1, 1, 'figures', '2018-02-01', '[{"rule":"r1","text":"说明"}]', 'signed'),
         (9, 2, 'national-2021', 2017, 3, 0, 'f3', '2018-04-02', NULL, 0, NULL, 0, 1, 'noData', NULL, '[]', 'county'),
         (10, 2, 'national-2021', 2017, 4, 0, 'f4', '2018-05-02', NULL, 0, NULL, 0, 1, 'figures', NULL, '[]', 'new_key'),
         (11, 2, 'national-2021', 2017, 5, 0, 'f5', '2018-06-02', NULL, 0, NULL, 0, 1, 'figures', NULL, '[]', 'accepted');`;

const rows = (db: Database.Database) => db.prepare('SELECT * FROM submissions ORDER BY id').all();
const indexes = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions' ORDER BY name").all();

/** What each CHECK says of a content or seal value: inserted, or refused. */
function verdicts(db: Database.Database): string[] {
  const tryInsert = (content: unknown, seal: unknown) => {
    db.exec('SAVEPOINT probe');
    try {
      db.prepare("INSERT INTO submissions (unit_id, template_id, year, month, revision, fingerprint, received_at, content, seal) VALUES (1, 't', 2030, 1, 0, 'x', 'x', ?, ?)").run(
        content,
        seal,
      );
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code ?? 'error';
    } finally {
      db.exec('ROLLBACK TO probe; RELEASE probe');
    }
  };
  const odd: unknown[] = ['', 'x', 'Figures', 'figures ', ' figures', 'NODATA', 'Signed', 'unsigned\u0000', 'new-key', 1, 0, 1.5, Buffer.from('figures'), Buffer.from('signed'), null];
  return [
    ...['figures', 'noData', 'empty', ...odd].map((c) => `content ${String(c)}: ${tryInsert(c, 'unsigned')}`),
    ...['signed', 'county', 'new_key', 'accepted', 'unsigned', ...odd].map((s) => `seal ${String(s)}: ${tryInsert('figures', s)}`),
  ];
}

describe('migration 010: the submissions CHECKs as comparisons', () => {
  it('keeps every row and index, and refuses and admits exactly the values version 9 did', async () => {
    const file = dataFileAtVersion(9, SEED, dirs);
    const old = new Database(file);
    const before = rows(old);
    const beforeIndexes = indexes(old);
    const oldVerdicts = verdicts(old);
    old.close();
    expect(oldVerdicts.filter((v) => v.endsWith(': ok'))).toHaveLength(8);

    const store = await Store.open(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(rows(store.db)).toEqual(before);
      expect(indexes(store.db)).toEqual(beforeIndexes);
      expect(verdicts(store.db)).toEqual(oldVerdicts);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      // Still one current row per unit-month.
      expect(() => store.db.prepare("UPDATE submissions SET current = 1 WHERE id = 3").run()).toThrow(/UNIQUE/);
    } finally {
      store.close();
    }
  });

  it('an insert builds no temporary b-tree for its CHECKs (what an IN list of three or more constants costs)', async () => {
    const store = await Store.open(dataFileAtVersion(9, SEED, dirs));
    try {
      const program = store.db
        .prepare(
          "EXPLAIN INSERT INTO submissions (unit_id, template_id, year, month, revision, fingerprint, received_at, content, seal) VALUES (1, 't', 2030, 1, 0, 'x', 'x', 'figures', 'signed')",
        )
        .all() as { opcode: string }[];
      expect(program.map((op) => op.opcode)).toContain('Halt');
      expect(program.filter((op) => op.opcode === 'OpenEphemeral')).toEqual([]);
    } finally {
      store.close();
    }
  });
});
