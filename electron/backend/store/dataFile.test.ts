/**
 * The edges of the data file: foreign SQLite files, backups kept by kind and
 * named after their data file, owner-only modes, a start-up backup that
 * cannot be made, a full disk, and the default folder's environment.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { KEEP_BACKUPS } from './backups';
import { appDataDir, defaultDataDir, defaultResourcesDir } from '../paths';
import { snapshot, tempDir } from '../testing/tempBackend';
import { Store } from './store';

const dirs: string[] = [];
function freshDir() {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('foreign SQLite files', () => {
  it('refuses, untouched, a file with tables but no ledger marks (application_id 0, user_version 0)', async () => {
    const file = path.join(freshDir(), 'ledger.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('王五')");
    other.close();
    const before = fs.readFileSync(file);
    await expect(Store.open(file)).rejects.toMatchObject({ code: 'not_ledger_file', message: expect.stringMatching(/其他程序的数据库.*未被改动/) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('initialises a SQLite file that has no tables yet', async () => {
    const file = path.join(freshDir(), 'ledger.sqlite');
    const empty = new Database(file);
    empty.pragma('user_version = 0');
    empty.exec('CREATE TABLE gone (x); DROP TABLE gone;');
    empty.close();
    const store = await Store.open(file);
    expect(store.created).toBe(true);
    expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'units'").get()).toEqual({ n: 1 });
    store.close();
  });
});

describe('backups', () => {
  it('keeps the backup taken before an import through many restarts: start-up backups are kept apart', async () => {
    const file = path.join(freshDir(), 'ledger.sqlite');
    (await Store.open(file)).close();
    const first = await Store.open(file);
    const beforeImport = await first.backup('before-import');
    first.close();
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) (await Store.open(file, { backupOnStart: true })).close();
    const store = await Store.open(file);
    const list = store.backups();
    expect(list.filter((b) => b.reason === 'start')).toHaveLength(KEEP_BACKUPS);
    expect(list.map((b) => b.name)).toContain(beforeImport.name);
    store.close();
  });

  it('keeps the last N of the other kinds together, whatever the starts', async () => {
    const store = await Store.open(path.join(freshDir(), 'ledger.sqlite'));
    for (const reason of ['before-import', 'before-restore', 'manual', 'before-migrate-v5']) {
      for (let i = 0; i < 3; i++) await store.backup(reason);
    }
    const list = store.backups();
    expect(list).toHaveLength(KEEP_BACKUPS);
    // Newest first; the two oldest before-import ones went.
    expect(list.filter((b) => b.reason === 'before-import')).toHaveLength(1);
    expect(list[0].reason).toBe('before-migrate-v5');
    store.close();
  });

  it('never shares names between two data files in one folder, and lists only its own', async () => {
    const dir = freshDir();
    const a = await Store.open(path.join(dir, 'a.sqlite'));
    const b = await Store.open(path.join(dir, 'b.sqlite'));
    a.db.prepare("INSERT INTO settings (key, value) VALUES ('who', 'a')").run();
    b.db.prepare("INSERT INTO settings (key, value) VALUES ('who', 'b')").run();
    const made = await Promise.all([a.backup('manual'), b.backup('manual'), a.backup('manual'), b.backup('manual')]);
    expect(new Set(made.map((m) => m.name)).size).toBe(4);
    const who = (f: string) => {
      const db = new Database(f, { readonly: true });
      const v = (db.prepare("SELECT value FROM settings WHERE key = 'who'").get() as { value: string }).value;
      db.close();
      return v;
    };
    expect(a.backups().map((x) => who(x.file))).toEqual(['a', 'a']);
    expect(b.backups().map((x) => who(x.file))).toEqual(['b', 'b']);
    a.close();
    b.close();
  });

  it('creates the data file, its journal, the backups folder and backups owner-only', async () => {
    const dir = path.join(freshDir(), 'new-folder');
    const file = path.join(dir, 'ledger.sqlite');
    const store = await Store.open(file);
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    const backup = await store.backup('manual');
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(store.backupsDir)).toBe(0o700);
    expect(mode(backup.file)).toBe(0o600);
    store.close();
  });

  it('starts without a start-up backup when none can be made, and says so once in Chinese', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'ledger.sqlite');
    (await Store.open(file)).close();
    // A file where the backups folder should be.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const backend = await openBackend({ dataFile: file, resourcesDir: defaultResourcesDir(), backupOnStart: true });
    expect(backend.ctx.store.notices).toHaveLength(1);
    expect(backend.ctx.store.notices[0]).toMatch(/^未能在 .*backups 中建立备份：.*backups.*不是所需的文件夹.*程序照常运行/);
    // No errno code or English once the (random) folder name is left out.
    expect(backend.ctx.store.notices[0].split(dir).join('')).not.toMatch(/[A-Z]{4,}|Error|[a-z]{2,} [a-z]{2,}/);
    await expect(backend.invoke('setup.init', { unitCode: 'U1', unitName: '某局', role: 'filer' })).resolves.toBeTruthy();
    // A backup asked for later fails with the same kind of message, not an internal error.
    const r = await backend.call('backups.create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/未能在 .* 中建立备份/) } });
    backend.close();
  });
});

describe('a full disk', () => {
  it('refuses an edit with a Chinese message saying what to do, and changes nothing', async () => {
    const dir = freshDir();
    const backend = await openBackend({ dataFile: path.join(dir, 'ledger.sqlite'), resourcesDir: defaultResourcesDir() });
    await backend.invoke('setup.init', { unitCode: 'U1', unitName: '某局', role: 'filer' });
    const db = backend.ctx.store.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    // The disk is as full as the file now is: it may not grow by a page. Edits fill the pages' free space until one does not fit.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let before = snapshot(backend);
    let refused: unknown;
    const indicators = ['pub.total', 'pub.key', 'pub.cat.overview', 'pub.cat.plans', 'pub.cat.normative', 'pub.cat.work'];
    for (let i = 0; i < 7200 && !refused; i++) {
      const at = { year: 2000 + (Math.floor(i / 12) % 100), month: (i % 12) + 1, indicator: indicators[Math.floor(i / 1200)] };
      const r = await backend.call('values.set', { templateId: 'suining-2017', ...at, raw: String(100000 + i) });
      if (r.ok) before = snapshot(backend);
      else refused = r;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/^磁盘空间不足.*未保存：请清理磁盘空间后重试$/) } });
    expect(snapshot(backend)).toBe(before);
    backend.close();
  });
});

describe('the default data folder', () => {
  const home = '/home/clerk';
  it('falls back to ~/.config when XDG_CONFIG_HOME is empty or relative (XDG spec), never the current folder', () => {
    expect(appDataDir({ XDG_CONFIG_HOME: '' }, 'linux', home)).toBe('/home/clerk/.config');
    expect(appDataDir({ XDG_CONFIG_HOME: 'conf' }, 'linux', home)).toBe('/home/clerk/.config');
    expect(appDataDir({ XDG_CONFIG_HOME: '/srv/conf' }, 'linux', home)).toBe('/srv/conf');
    expect(appDataDir({}, 'linux', home)).toBe('/home/clerk/.config');
    expect(appDataDir({ APPDATA: '' }, 'win32', 'C:\\Users\\clerk')).toBe('C:\\Users\\clerk\\AppData\\Roaming');
    expect(path.isAbsolute(defaultDataDir({ XDG_CONFIG_HOME: '', LEDGER_DATA_DIR: '' }))).toBe(true);
  });
});
