/** Month completion: which months of a unit's year are completed (locked) or declared 本月无数据, and why reopened. */
import type Database from 'better-sqlite3';
import type { AcceptedWarning, MonthReopen, MonthStatus } from '../../../shared/api/methods/months';
import type { WorkbookMonthState } from '../../../shared/workbook/monthStates';

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
  no_data: number;
}

interface ReopenRow {
  month: number;
  reason: string;
  reopened_at: string;
  reopened_by: string;
  warnings: string;
}

export function isMonthCompleted(db: Database.Database, k: MonthKey): boolean {
  return (
    db
      .prepare('SELECT 1 FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?')
      .get(k.unitId, k.templateId, k.year, k.month) !== undefined
  );
}

/** Explanations by key, the ones actually written (a warning accepted without one has none to offer). */
function explanationsOf(warnings: AcceptedWarning[]): Record<string, string> {
  return Object.fromEntries(warnings.filter((w) => (w.explanation ?? '') !== '').map((w) => [w.checkId, w.explanation]));
}

export function yearStatus(db: Database.Database, unitId: number, templateId: string, year: number): MonthStatus[] {
  const rows = db
    .prepare('SELECT month, completed_at, completed_by, warnings, no_data FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ?')
    .all(unitId, templateId, year) as StatusRow[];
  const reopens = db
    .prepare('SELECT month, reason, reopened_at, reopened_by, warnings FROM month_reopens WHERE unit_id = ? AND template_id = ? AND year = ? ORDER BY id')
    .all(unitId, templateId, year) as ReopenRow[];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const r = byMonth.get(month);
    const mine = reopens.filter((x) => x.month === month);
    const warnings = r ? (JSON.parse(r.warnings) as AcceptedWarning[]) : [];
    const last = mine[mine.length - 1];
    return {
      month,
      completed: r !== undefined,
      noData: r?.no_data === 1,
      completedAt: r?.completed_at ?? null,
      completedBy: r?.completed_by ?? null,
      warnings,
      reopens: mine.map((x): MonthReopen => ({ reason: x.reason, reopenedAt: x.reopened_at, reopenedBy: x.reopened_by })),
      explanations: explanationsOf(r ? warnings : last ? (JSON.parse(last.warnings) as AcceptedWarning[]) : []),
    };
  });
}

export function completeMonth(db: Database.Database, k: MonthKey, by: string, warnings: AcceptedWarning[], o: { noData?: boolean } = {}): void {
  db.prepare(
    'INSERT INTO month_status (unit_id, template_id, year, month, completed_at, completed_by, warnings, no_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(k.unitId, k.templateId, k.year, k.month, new Date().toISOString(), by, JSON.stringify(warnings), o.noData ? 1 : 0);
}

/** Unlocks a completed month, recording the reason (and the explanations it was completed with) in the same transaction. */
export function reopenMonth(db: Database.Database, k: MonthKey, by: string, reason: string): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT completed_at, warnings FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?')
      .get(k.unitId, k.templateId, k.year, k.month) as { completed_at: string; warnings: string } | undefined;
    if (!row) return;
    db.prepare(
      'INSERT INTO month_reopens (unit_id, template_id, year, month, reason, reopened_at, reopened_by, completed_at, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(k.unitId, k.templateId, k.year, k.month, reason, new Date().toISOString(), by, row.completed_at, row.warnings);
    db.prepare('DELETE FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ?').run(k.unitId, k.templateId, k.year, k.month);
  }).immediate();
}

/**
 * The months of some units within a period that are completed or declared
 * 本月无数据, with the explanations accepted: what a workbook carries.
 */
export function monthStatesOf(
  db: Database.Database,
  units: { id: number; code: string }[],
  templateId: string,
  year: number,
  fromMonth: number,
  toMonth: number,
): WorkbookMonthState[] {
  const stmt = db.prepare(
    'SELECT month, completed_at, warnings, no_data FROM month_status WHERE unit_id = ? AND template_id = ? AND year = ? AND month BETWEEN ? AND ? ORDER BY month',
  );
  const out: WorkbookMonthState[] = [];
  for (const u of units) {
    for (const r of stmt.all(u.id, templateId, year, fromMonth, toMonth) as Omit<StatusRow, 'completed_by'>[]) {
      const warnings = JSON.parse(r.warnings) as AcceptedWarning[];
      out.push({
        unitCode: u.code,
        month: r.month,
        state: r.no_data === 1 ? 'noData' : 'completed',
        completedAt: r.completed_at,
        explanations: warnings.filter((w) => (w.explanation ?? '') !== '').map((w) => ({ key: w.checkId, explanation: w.explanation, message: w.message })),
      });
    }
  }
  return out;
}
