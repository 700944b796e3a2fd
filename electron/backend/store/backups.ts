/**
 * Backups through SQLite's online backup API: a consistent copy of the live
 * database, taken on start and before risky operations. The last 10 are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const KEEP_BACKUPS = 10;

export interface BackupInfo {
  file: string;
  name: string;
  reason: string;
  createdAt: string;
  bytes: number;
}

const NAME = /^ledger-(\d{8}-\d{6}-\d{3})-([a-z0-9-]+)\.sqlite$/;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(
    d.getSeconds(),
  )}-${p(d.getMilliseconds(), 3)}`;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const file = path.join(dir, name);
      const st = fs.statSync(file);
      return [{ file, name, reason: m[2], createdAt: st.mtime.toISOString(), bytes: st.size }];
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

export async function createBackup(db: Database.Database, dir: string, reason: string): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const safeReason = reason.replace(/[^a-z0-9-]/g, '-') || 'manual';
  let name = `ledger-${stamp(new Date())}-${safeReason}.sqlite`;
  for (let i = 0; fs.existsSync(path.join(dir, name)); i++) {
    name = `ledger-${stamp(new Date(Date.now() + i + 1))}-${safeReason}.sqlite`;
  }
  const file = path.join(dir, name);
  const tmp = `${file}.partial`;
  await db.backup(tmp);
  fs.renameSync(tmp, file);
  for (const old of listBackups(dir).slice(KEEP_BACKUPS)) fs.rmSync(old.file, { force: true });
  const st = fs.statSync(file);
  return { file, name, reason: safeReason, createdAt: st.mtime.toISOString(), bytes: st.size };
}
