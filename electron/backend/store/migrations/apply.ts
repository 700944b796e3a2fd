/**
 * Applying migrations: each in its own transaction, its SQL then its
 * JavaScript step, then the version recorded, so a failure leaves the file
 * at the last version that completed.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

export const SCHEMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** One migration, in the caller's transaction. */
export function applyMigration(db: Database.Database, m: Migration, appliedAt: string): void {
  db.exec(m.sql);
  m.run?.(db);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, appliedAt);
  db.pragma(`user_version = ${m.version}`);
}

/** Every migration above `from`, in order, one transaction each. */
export function applyMigrations(db: Database.Database, from: number, migrations: readonly Migration[]): void {
  db.exec(SCHEMA_MIGRATIONS_TABLE);
  for (const m of migrations) {
    if (m.version <= from) continue;
    // IMMEDIATE: take the write lock before reading anything, so two processes opening one file cannot both migrate.
    db.transaction(() => applyMigration(db, m, new Date().toISOString())).immediate();
  }
}
