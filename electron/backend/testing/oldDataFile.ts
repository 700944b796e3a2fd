/** A data file as an older version of the program left it (migration tests). */
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../store/migrations';
import { applyMigration, SCHEMA_MIGRATIONS_TABLE } from '../store/migrations/apply';
import { APPLICATION_ID } from '../store/openDatabase';
import { tempDir } from './tempBackend';

/** Migrations up to `version` only, then `seed` (SQL); returns the file, in a new temp dir (listed in dirs for cleanup). */
export function dataFileAtVersion(version: number, seed: string, dirs: string[]): string {
  const d = tempDir();
  dirs.push(d);
  const file = path.join(d, 'ledger.sqlite');
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(SCHEMA_MIGRATIONS_TABLE);
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) applyMigration(db, m, '2021-01-01');
  db.exec(seed);
  db.close();
  return file;
}
