/** Month completion: which months of a unit's year are completed (locked), and why reopened. */
import type Database from 'better-sqlite3';
import type { AcceptedWarning, MonthReopen, MonthStatus } from '../../../shared/api/methods/months';

export interface MonthKey {
  unitId: number;
  templateId: string;
  year: number;
  month: number;
}

interface StatusRow {
  month: number;
  completed_at: string;
  completed_by: string;
  warnings: string;
}

interface ReopenRow {
  month: number;
  reason: string;
  reopened_at: string;
  reopened_by: string;
}

export function isMonthCompleted(db: Database.Database, k: MonthKey): boolean {
  return (
    db
      .prepare('SELECT 1 FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?')
      .get(k.unitId, k.templateId, k.year, k.month) !== undefined
  );
}

export function yearStatus(db: Database.Database, unitId: number, templateId: string, year: number): MonthStatus[] {
  const rows = db
    .prepare('SELECT month, completed_at, completed_by, warnings FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ?')
    .all(unitId, templateId, year) as StatusRow[];
  const reopens = db
    .prepare('SELECT month, reason, reopened_at, reopened_by FROM month_reopens WHERE unit_id = ? AND template_id = ? AND year = ? ORDER BY id')
    .all(unitId, templateId, year) as ReopenRow[];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const r = byMonth.get(month);
    return {
      month,
      completed: r !== undefined,
      completedAt: r?.completed_at ?? null,
      completedBy: r?.completed_by ?? null,
      warnings: r ? (JSON.parse(r.warnings) as AcceptedWarning[]) : [],
      reopens: reopens
        .filter((x) => x.month === month)
        .map((x): MonthReopen => ({ reason: x.reason, reopenedAt: x.reopened_at, reopenedBy: x.reopened_by })),
    };
  });
}

export function completeMonth(db: Database.Database, k: MonthKey, by: string, warnings: AcceptedWarning[]): void {
  db.prepare(
    'INSERT INTO month_status (unit_id, template_id, year, month, completed_at, completed_by, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(k.unitId, k.templateId, k.year, k.month, new Date().toISOString(), by, JSON.stringify(warnings));
}

/** Unlocks a completed month, recording the reason in the same transaction. */
export function reopenMonth(db: Database.Database, k: MonthKey, by: string, reason: string): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT completed_at FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?')
      .get(k.unitId, k.templateId, k.year, k.month) as { completed_at: string } | undefined;
    if (!row) return;
    db.prepare(
      'INSERT INTO month_reopens (unit_id, template_id, year, month, reason, reopened_at, reopened_by, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(k.unitId, k.templateId, k.year, k.month, reason, new Date().toISOString(), by, row.completed_at);
    db.prepare('DELETE FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?').run(k.unitId, k.templateId, k.year, k.month);
  }).immediate();
}
