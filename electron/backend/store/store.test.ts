import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';
import { StoreError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { APPLICATION_ID } from './openDatabase';
import { Store } from './store';
import { KEEP_BACKUPS } from './backups';

const dirs: string[] = [];
function freshFile() {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'ledger.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('store', () => {
  it('creates a new file with every migration recorded, WAL, synchronous=FULL and foreign keys', async () => {
    const file = freshFile();
    const store = await Store.open(file);
    const db = store.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // Numbers are contiguous once every feature's reserved migration has landed.
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    store.close();
    // Reopening applies nothing twice.
    const again = await Store.open(file);
    expect((again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    again.close();
  });

  it('adopts an empty file', async () => {
    const file = freshFile();
    fs.writeFileSync(file, '');
    const store = await Store.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    store.close();
  });

  it('refuses a file written by a newer version and leaves it untouched', async () => {
    const file = freshFile();
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.exec('CREATE TABLE future (x)');
    db.close();
    const before = fs.readFileSync(file);
    const err = await Store.open(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('newer_version');
    expect((err as StoreError).message).toMatch(/更新版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a corrupt file and a file that is not a database, without writing to them', async () => {
    const notDb = freshFile();
    fs.writeFileSync(notDb, 'PK\u0003\u0004 this is a zip, not a ledger'.repeat(10));
    const before = fs.readFileSync(notDb);
    await expect(Store.open(notDb)).rejects.toMatchObject({ code: 'not_ledger_file' });
    expect(fs.readFileSync(notDb).equals(before)).toBe(true);

    const corrupt = freshFile();
    const s = await Store.open(corrupt);
    s.db.exec("CREATE TABLE filler (x); INSERT INTO filler SELECT randomblob(500) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 200) SELECT i FROM c);");
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const bytes = fs.readFileSync(corrupt);
    // Scribble over pages after the header: the header stays valid, the b-trees do not.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(corrupt, bytes);
    const err = await Store.open(corrupt).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('corrupt');
    expect((err as StoreError).message).toMatch(/损坏/);
    expect(fs.readFileSync(corrupt).equals(bytes)).toBe(true);
  });

  it('refuses another program\'s SQLite database', async () => {
    const file = freshFile();
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.pragma('user_version = 3');
    db.close();
    await expect(Store.open(file)).rejects.toMatchObject({ code: 'not_ledger_file' });
  });

  it('backs up through the backup API and keeps the last 10', async () => {
    const file = freshFile();
    const store = await Store.open(file);
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) await store.backup('manual');
    const list = store.backups();
    expect(list).toHaveLength(KEEP_BACKUPS);
    const copy = new Database(list[0].file, { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    copy.close();
    store.close();
  });

  it('takes a backup on start of an existing file', async () => {
    const file = freshFile();
    (await Store.open(file)).close();
    const s = await Store.open(file, { backupOnStart: true });
    expect(s.backups().map((b) => b.reason)).toContain('start');
    s.close();
  });

  it('names a backup by its reason, digits included, and only safe characters', async () => {
    const store = await Store.open(freshFile());
    expect((await store.backup('before-migrate-v5')).reason).toBe('before-migrate-v5');
    expect((await store.backup('../x y')).reason).toBe('---x-y');
    expect(store.backups().map((b) => b.reason).sort()).toEqual(['---x-y', 'before-migrate-v5']);
    store.close();
  });
});
