/**
 * Restoring a backup replaces what the live database holds, through SQLite
 * and under its locks: another process (a browser-mode server, the CLI) may
 * have the file open and be writing. Copying a file over the live one would
 * leave that process writing into a WAL that no longer belongs to it (a
 * malformed file, acknowledged edits gone); here the restore is one IMMEDIATE
 * transaction on the live connection that empties every table and fills it
 * from the backup, so each other writer's edit lands wholly before it
 * (and is replaced) or wholly after it (and is kept).
 *
 * The backup is checked and brought to this version's schema on a scratch
 * copy first (same checks as any data file), so a bad or older backup never
 * touches the live file and the tables line up column for column.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { BackendContext } from '../context';
import { StoreError } from '../store/errors';
import { openDatabase } from '../store/openDatabase';
import { storageFailure } from '../store/storageErrors';
import { registerTemplates } from '../templates/registry';

const SOURCE = 'restore_source';

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

function schemaOf(db: Database.Database, schema: string): SchemaRow[] {
  return db.prepare(`SELECT type, name, sql FROM ${schema}.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as SchemaRow[];
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Replaces every row of the live database with the attached backup's, in one transaction. */
function replaceContents(db: Database.Database, backupName: string): void {
  const live = schemaOf(db, 'main');
  if (JSON.stringify(live) !== JSON.stringify(schemaOf(db, SOURCE))) {
    throw new StoreError('io', `备份 ${backupName} 的表结构与当前数据文件不一致，无法恢复；数据未改动`);
  }
  const tables = live.filter((r) => r.type === 'table').map((r) => quoteName(r.name));
  const hasSequence = db.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  // Enforced row by row, references would trip over the order tables are emptied and filled in (SQLite's
  // bulk copy skips their bookkeeping); they are checked as a whole instead, before the commit.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const t of tables) db.prepare(`DELETE FROM main.${t}`).run();
      if (hasSequence) db.prepare('DELETE FROM main.sqlite_sequence').run();
      // A table a trigger fills from another (value_layout_places from value_layouts) gets its rows twice: the
      // copies are the same rows, so the second is ignored, and the counts below prove nothing else was.
      for (const t of tables) db.prepare(`INSERT OR IGNORE INTO main.${t} SELECT * FROM ${SOURCE}.${t}`).run();
      const sourceSequence = db.prepare(`SELECT 1 FROM ${SOURCE}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
      if (hasSequence && sourceSequence) db.prepare(`INSERT INTO main.sqlite_sequence SELECT * FROM ${SOURCE}.sqlite_sequence`).run();
      const count = (schema: string, t: string) => (db.prepare(`SELECT count(*) AS n FROM ${schema}.${t}`).get() as { n: number }).n;
      const differs = tables.find((t) => count('main', t) !== count(SOURCE, t));
      if (differs) throw new StoreError('io', `备份 ${backupName} 未能完整恢复（表 ${differs} 的行数不符），数据未改动`);
      if ((db.pragma('main.foreign_key_check') as unknown[]).length > 0) {
        throw new StoreError('corrupt', `备份 ${backupName} 中的数据互相引用不一致，无法恢复；数据未改动`);
      }
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function removeScratch(scratch: string): void {
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
}

export async function restoreBackup(ctx: BackendContext, backupFile: string, backupName: string): Promise<{ safetyBackup: string }> {
  const db = ctx.store.db;
  const scratch = `${ctx.store.file}.restore-check`;
  try {
    fs.copyFileSync(backupFile, scratch);
    fs.chmodSync(scratch, 0o600);
  } catch (e) {
    removeScratch(scratch);
    throw storageFailure(e) ?? e;
  }
  try {
    // Checked and migrated like any data file; the migrated copy is what gets restored.
    (await openDatabase(scratch)).db.close();
    const safety = await ctx.store.backup('before-restore');
    db.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(scratch);
    try {
      replaceContents(db, backupName);
    } finally {
      db.exec(`DETACH DATABASE ${SOURCE}`);
    }
    registerTemplates(db, ctx.templates.all());
    return { safetyBackup: safety.name };
  } catch (e) {
    throw storageFailure(e, ctx.store.file) ?? e;
  } finally {
    removeScratch(scratch);
  }
}
