/**
 * The log of every file brought into the office: what it was (name, hash, the
 * copy kept in the data folder), who imported it and when, and what came of it.
 */
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/** applied: values written; unchanged/superseded: nothing to write; rejected: refused with a reason. */
export type ImportOutcome = 'applied' | 'unchanged' | 'superseded' | 'rejected';

export interface ImportLogInput {
  fileName: string;
  sha256: string;
  /** The copy of the original file, relative to the data folder (null when not kept). */
  storedPath?: string | null;
  operator: string;
  outcome: ImportOutcome;
  message?: string;
  /** Anything worth keeping: unit, period, counts, problems… (stored as JSON). */
  details?: unknown;
  importedAt?: string;
}

export interface ImportLogEntry {
  id: number;
  fileName: string;
  sha256: string;
  storedPath: string | null;
  importedAt: string;
  operator: string;
  outcome: ImportOutcome;
  message: string;
  details: unknown;
}

interface Row {
  id: number;
  file_name: string;
  sha256: string;
  stored_path: string | null;
  imported_at: string;
  operator: string;
  outcome: string;
  message: string;
  details: string;
}

const toEntry = (r: Row): ImportLogEntry => ({
  id: r.id,
  fileName: r.file_name,
  sha256: r.sha256,
  storedPath: r.stored_path,
  importedAt: r.imported_at,
  operator: r.operator,
  outcome: r.outcome as ImportOutcome,
  message: r.message,
  details: JSON.parse(r.details) as unknown,
});

/** Appends one entry and returns its id (to link submissions to it). */
export function logImport(db: Database.Database, e: ImportLogInput): number {
  const info = prepared(db, 'INSERT INTO import_log (file_name, sha256, stored_path, imported_at, operator, outcome, message, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.fileName, e.sha256, e.storedPath ?? null, e.importedAt ?? new Date().toISOString(), e.operator, e.outcome, e.message ?? '', JSON.stringify(e.details ?? {}));
  return Number(info.lastInsertRowid);
}

export function getImport(db: Database.Database, id: number): ImportLogEntry | undefined {
  const r = prepared(db, 'SELECT * FROM import_log WHERE id = ?').get(id) as Row | undefined;
  return r && toEntry(r);
}

/** Newest first. */
export function listImports(db: Database.Database, opts: { limit?: number; offset?: number } = {}): ImportLogEntry[] {
  return (prepared(db, 'SELECT * FROM import_log ORDER BY id DESC LIMIT ? OFFSET ?').all(opts.limit ?? 200, opts.offset ?? 0) as Row[]).map(toEntry);
}

/** Earlier imports of the same file content (to say "this file was imported on …"). */
export function importsBySha256(db: Database.Database, sha256: string): ImportLogEntry[] {
  return (prepared(db, 'SELECT * FROM import_log WHERE sha256 = ? ORDER BY id DESC').all(sha256) as Row[]).map(toEntry);
}
