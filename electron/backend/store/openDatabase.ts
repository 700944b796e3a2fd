/**
 * Opens (or creates) a ledger data file. An existing file is inspected
 * read-only first: a file that is not ours, is corrupt, or was written by a
 * newer version is refused before anything could write to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { sqliteOptions } from './sqliteBinding';

/** "GovL" — marks a SQLite file as a ledger data file. */
export const APPLICATION_ID = 0x476f764c;
const SQLITE_MAGIC = 'SQLite format 3\0';

function inspectExisting(file: string): { version: number } {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(100);
  let read = 0;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) return { version: 0 };
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new StoreError('not_ledger_file', `文件 ${file} 不是政务公开台账的数据文件，已拒绝打开（文件未被改动）`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID && !(appId === 0 && version === 0)) {
      throw new StoreError('not_ledger_file', `文件 ${file} 是其他程序的数据库，不是政务公开台账的数据文件，已拒绝打开`);
    }
    if (version > LATEST_VERSION) {
      throw new StoreError(
        'newer_version',
        `数据文件 ${file} 由更新版本的程序写入（数据版本 ${version}，本程序支持到 ${LATEST_VERSION}），请升级程序后再打开；文件未被改动`,
      );
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError('corrupt', `数据文件 ${file} 已损坏（${String(check)}），请从备份恢复；文件未被改动`);
    return { version };
  } catch (e) {
    if (e instanceof StoreError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreError('locked', `数据文件 ${file} 正被其他程序占用，请关闭后重试`);
    }
    throw new StoreError('corrupt', `数据文件 ${file} 已损坏或无法读取（${(e as Error).message}），请从备份恢复；文件未被改动`);
  } finally {
    db?.close();
  }
}

function migrate(db: Database.Database, from: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Data version found in the file before migrating (0 for a new file). */
  previousVersion: number;
  created: boolean;
}

/**
 * beforeMigrate lets the caller take a backup of an existing file before
 * its schema is changed.
 */
export async function openDatabase(
  file: string,
  beforeMigrate?: (db: Database.Database, fromVersion: number) => Promise<void>,
): Promise<OpenedDatabase> {
  const exists = fs.existsSync(file);
  const { version } = exists ? inspectExisting(file) : { version: 0 };
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, sqliteOptions({}));
  } catch (e) {
    throw new StoreError('io', `无法打开数据文件 ${file}：${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (version < LATEST_VERSION) {
      if (exists && version > 0) await beforeMigrate?.(db, version);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, version);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, previousVersion: version, created: !exists || version === 0 };
}
