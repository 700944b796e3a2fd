/**
 * Opens (or creates) a ledger data file. An existing file is inspected
 * read-only first: a file that is not ours, is corrupt, or was written by a
 * newer version is refused before anything could write to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors';
import { storageFailure } from './storageErrors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { applyMigrations } from './migrations/apply';
import { sqliteOptions } from './sqliteBinding';

/** "GovL" — marks a SQLite file as a ledger data file. */
export const APPLICATION_ID = 0x476f764c;
const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Refuses, before SQLite touches it, a path the ledger cannot keep its file
 * at: a folder, a file it may not write (SQLite would open it read-only and
 * fail later, or call it corrupt), or a folder where the -wal/-shm files
 * cannot be made.
 */
function checkWritable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    throw new StoreError('read_only', `数据文件 ${file} 是只读的，无法写入：请检查文件的权限、所在磁盘是否只读，或把它复制到可写的文件夹后再打开；文件未被改动（${(e as { code?: string }).code ?? ''}）`);
  }
  const dir = path.dirname(file);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new StoreError('read_only', `数据文件所在的文件夹 ${dir} 是只读的（程序需要在其中建立日志文件），无法写入：请检查文件夹的权限，或把数据文件复制到可写的文件夹后再打开；文件未被改动`);
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      return header.subarray(0, fs.readSync(fd, header, 0, 100, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw storageFailure(e, file) ?? e;
  }
}

function inspectExisting(file: string): { version: number } {
  const header = readHeader(file);
  const read = header.length;
  if (read === 0) return { version: 0 };
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new StoreError('not_ledger_file', `文件 ${file} 不是政务公开台账的数据文件，已拒绝打开（文件未被改动）`);
  }
  checkWritable(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const foreign = () =>
      new StoreError('not_ledger_file', `文件 ${file} 是其他程序的数据库，不是政务公开台账的数据文件，已拒绝打开（文件未被改动）`);
    if (appId !== APPLICATION_ID) {
      // Most SQLite files carry neither mark: only one with nothing in it yet may become a ledger.
      if (appId !== 0 || version !== 0) throw foreign();
      const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      if (objects > 0) throw foreign();
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
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new StoreError('locked', `数据文件 ${file} 正被其他程序占用，请关闭后重试`);
    }
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
      throw new StoreError('corrupt', `数据文件 ${file} 已损坏，无法读取，请从备份恢复；文件未被改动`);
    }
    throw storageFailure(e, file) ?? new StoreError('io', `无法读取数据文件 ${file}（${(e as Error).message}）：请检查文件和磁盘后重试；文件未被改动`);
  } finally {
    db?.close();
  }
}

/**
 * Makes a new data file owner-only (SQLite gives its -wal and -shm the same
 * mode). False when someone else created it first: then it is inspected
 * like any existing file.
 */
function createEmpty(file: string): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST' && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    throw storageFailure(e, file) ?? e;
  }
}

/** What stands at the data file's path, refusing what can never be one. */
function existingKind(file: string): 'missing' | 'file' {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw storageFailure(e, file) ?? e;
  }
  if (!st) return 'missing';
  if (st.isDirectory()) throw new StoreError('io', `${file} 是文件夹，不是数据文件：请指定数据文件本身（例如 ${path.join(file, 'ledger.sqlite')}）`);
  if (!st.isFile()) throw new StoreError('not_ledger_file', `${file} 不是普通文件，不能作为数据文件；文件未被改动`);
  return 'file';
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
  const exists = existingKind(file) === 'file' || !createEmpty(file);
  const { version } = inspectExisting(file);
  let db: Database.Database;
  try {
    db = new Database(file, sqliteOptions({}));
  } catch (e) {
    throw storageFailure(e, file) ?? new StoreError('io', `无法打开数据文件 ${file}：${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Savepoint journals in memory: an import writes each file under a savepoint, whose journal of
    // 36 pages outgrew SQLite's 64 KiB and spilled to a temporary file, 33,000 writes a merge of 500
    // files (docs/import.md). Nothing durable lives there; the WAL is what survives a crash.
    db.pragma('temp_store = MEMORY');
    if (version < LATEST_VERSION) {
      if (exists && version > 0) await beforeMigrate?.(db, version);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyMigrations(db, version, MIGRATIONS);
    }
  } catch (e) {
    db.close();
    throw storageFailure(e, file) ?? e;
  }
  return { db, previousVersion: version, created: !exists || version === 0 };
}
