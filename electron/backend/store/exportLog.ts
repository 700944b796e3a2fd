/**
 * export_log (migration 003): every workbook this file has given out, with
 * its revision. The one place that reads and writes it: a unit's
 * submissions and an office's 汇总表 count revisions the same way.
 */
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export interface ExportRecord {
  unitId: number;
  templateId: string;
  periodKey: string;
  kind: string;
  revision: number;
  fingerprint: string;
  exportedAt: string;
  fileName: string;
}

/** The revision the next export of this unit, template and period carries: one more than any before. */
export function nextRevision(db: Database.Database, unitId: number, templateId: string, periodKey: string): number {
  const r = prepared(db, 'SELECT MAX(revision) AS r FROM export_log WHERE unit_id = ? AND template_id = ? AND period_key = ?').get(
    unitId,
    templateId,
    periodKey,
  ) as { r: number | null };
  return (r.r ?? 0) + 1;
}

export function recordExport(db: Database.Database, e: ExportRecord): void {
  prepared(
    db,
    `INSERT INTO export_log (unit_id, template_id, period_key, kind, revision, fingerprint, exported_at, file_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.unitId, e.templateId, e.periodKey, e.kind, e.revision, e.fingerprint, e.exportedAt, e.fileName);
}
