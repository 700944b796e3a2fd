/**
 * The ledger data file: one SQLite database in the data folder, plus its
 * backups folder beside it.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupsDirOf, createBackup, listBackups, type BackupInfo } from './backups';
import { openDatabase } from './openDatabase';

export class Store {
  /** Things the user should hear about once, in Chinese, after opening (a start-up backup that could not be made). */
  readonly notices: string[] = [];

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly created: boolean,
  ) {}

  static async open(file: string, opts: { backupOnStart?: boolean } = {}): Promise<Store> {
    const opened = await openDatabase(file, (db, from) => createBackup(db, file, `before-migrate-v${from}`).then(() => undefined));
    const store = new Store(opened.db, file, opened.created);
    if (opts.backupOnStart && !opened.created) {
      // The start-up backup is a precaution: a full disk or an unwritable backups folder must not keep the ledger shut.
      try {
        await store.backup('start');
      } catch (e) {
        store.notices.push(`${(e as Error).message}。程序照常运行，但本次启动没有备份，请尽快处理`);
      }
    }
    return store;
  }

  get dataDir(): string {
    return path.dirname(this.file);
  }

  get backupsDir(): string {
    return backupsDirOf(this.file);
  }

  backup(reason: string): Promise<BackupInfo> {
    return createBackup(this.db, this.file, reason);
  }

  backups(): BackupInfo[] {
    return listBackups(this.file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
