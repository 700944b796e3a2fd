/**
 * Backups through SQLite's online backup API: a consistent copy of the live
 * database, taken on start and before risky operations.
 *
 * Kept by kind: start-up backups come with every start, so they are kept
 * apart from the ones taken before an import, a restore, a migration or on
 * request; ten restarts must not push out the copy from before an import.
 * A backup is named after its data file (`<file>~<time>-<reason>.sqlite`),
 * so two data files in one folder never share or list each other's backups.
 * Backups and their folder are owner-only: they hold the same figures as the
 * data file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { syncFolder } from '../files/writeFileAtomic';
import { StoreError } from './errors';
import { storageFailure } from './storageErrors';

/** How many of each kind are kept. */
export const KEEP_BACKUPS = 10;

export type BackupKind = 'start' | 'safety';

export interface BackupInfo {
  file: string;
  name: string;
  reason: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

const STAMP = String.raw`\d{8}-\d{6}-\d{3}`;
// Greedy on the file name: a reason never holds a time stamp, so the last one splits name from reason.
const NAME = new RegExp(String.raw`^(.+)~(${STAMP})-([a-z0-9-]+)\.sqlite$`);
// Before backups were named after their data file, every one was `ledger-…`, made from `ledger.sqlite`.
const LEGACY_NAME = new RegExp(String.raw`^ledger-(${STAMP})-([a-z0-9-]+)\.sqlite$`);
const LEGACY_OWNER = 'ledger.sqlite';

export const backupsDirOf = (dataFile: string): string => path.join(path.dirname(dataFile), 'backups');

export const kindOf = (reason: string): BackupKind => (reason === 'start' ? 'start' : 'safety');

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(
    d.getSeconds(),
  )}-${p(d.getMilliseconds(), 3)}`;
}

/** The reason a backup file carries, when it is one of this data file's. */
function reasonFor(name: string, owner: string): { stamp: string; reason: string } | undefined {
  const m = NAME.exec(name);
  if (m) return m[1] === owner ? { stamp: m[2], reason: m[3] } : undefined;
  const legacy = owner === LEGACY_OWNER ? LEGACY_NAME.exec(name) : null;
  return legacy ? { stamp: legacy[1], reason: legacy[2] } : undefined;
}

/** This data file's backups, newest first. */
export function listBackups(dataFile: string): BackupInfo[] {
  const dir = backupsDirOf(dataFile);
  const owner = path.basename(dataFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw storageFailure(e) ?? e;
  }
  return names
    .flatMap((name) => {
      const r = reasonFor(name, owner);
      if (!r) return [];
      const file = path.join(dir, name);
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) return [];
      return [{ file, name, reason: r.reason, kind: kindOf(r.reason), createdAt: st.mtime.toISOString(), bytes: st.size, stamp: r.stamp }];
    })
    .sort((a, b) => (a.stamp === b.stamp ? (a.name < b.name ? 1 : -1) : a.stamp < b.stamp ? 1 : -1))
    .map(({ stamp: _, ...info }) => info);
}

function backupFailure(e: unknown, dir: string): StoreError {
  const cause = storageFailure(e);
  return new StoreError(cause?.code ?? 'io', `未能在 ${dir} 中建立备份：${cause?.message ?? (e as Error).message}`);
}

export async function createBackup(db: Database.Database, dataFile: string, reason: string): Promise<BackupInfo> {
  const dir = backupsDirOf(dataFile);
  const owner = path.basename(dataFile);
  const safeReason = reason.replace(/[^a-z0-9-]/g, '-') || 'manual';
  let file = '';
  let tmp = '';
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The name is reserved by creating its .partial exclusively: two backups begun in the same
    // millisecond (both awaiting the backup API) would otherwise pick the same name.
    // Made owner-only before any figure is in it; the backup API writes into the empty file.
    for (let at = Date.now(); ; at++) {
      file = path.join(dir, `${owner}~${stamp(new Date(at))}-${safeReason}.sqlite`);
      if (fs.existsSync(file)) continue;
      try {
        fs.closeSync(fs.openSync(`${file}.partial`, 'wx', 0o600));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw e;
      }
      tmp = `${file}.partial`;
      break;
    }
    // All pages in one step: copied in steps, a backup restarts whenever another connection writes, and with a busy server never ends.
    await db.backup(tmp, { progress: () => 0x7fffffff });
    fs.renameSync(tmp, file);
    // SQLite flushed the copy; the new name needs the folder flushed too.
    syncFolder(dir);
  } catch (e) {
    if (tmp) fs.rmSync(tmp, { force: true });
    throw backupFailure(e, dir);
  }
  const kind = kindOf(safeReason);
  for (const old of listBackups(dataFile).filter((b) => b.kind === kind).slice(KEEP_BACKUPS)) {
    try {
      fs.rmSync(old.file, { force: true });
    } catch {
      // An old backup that cannot be removed costs space, not data; the new one is made.
    }
  }
  const st = fs.statSync(file);
  return { file, name: path.basename(file), reason: safeReason, kind, createdAt: st.mtime.toISOString(), bytes: st.size };
}
