/**
 * The ledger data file: one SQLite database in the data folder, plus its
 * backups folder beside it.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createBackup, listBackups, type BackupInfo } from './backups';
import { openDatabase } from './openDatabase';

export const DB_FILE_NAME = 'ledger.sqlite';

export class Store {
  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly created: boolean,
  ) {}

  static async open(file: string, opts: { backupOnStart?: boolean } = {}): Promise<Store> {
    const backupsDir = path.join(path.dirname(file), 'backups');
    const opened = await openDatabase(file, (db, from) =>
      createBackup(db, backupsDir, `before-migrate-v${from}`).then(() => undefined),
    );
    const store = new Store(opened.db, file, opened.created);
    if (opts.backupOnStart && !opened.created) await store.backup('start');
    return store;
  }

  get dataDir(): string {
    return path.dirname(this.file);
  }

  get backupsDir(): string {
    return path.join(this.dataDir, 'backups');
  }

  backup(reason: string): Promise<BackupInfo> {
    return createBackup(this.db, this.backupsDir, reason);
  }

  backups(): BackupInfo[] {
    return listBackups(this.backupsDir);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
