/**
 * Monthly figures and their history. Every change is written together with
 * its history row in one transaction, so any number can be traced.
 */
import type Database from 'better-sqlite3';
import { prepared } from './prepared';
import type { CellValue, HistoryEntry } from '../../../shared/domain';

export interface CellKey {
  unitId: number;
  templateId: string;
  year: number;
  month: number;
  indicator: string;
  col: string;
}

export interface ValueChange extends CellKey {
  /** null clears the cell. */
  value: number | null;
}

export interface AppliedChange extends ValueChange {
  oldValue: number | null;
  updatedAt: string;
}

export interface ChangeAuthor {
  operator: string;
  source: string;
}

interface ValueRow {
  indicator: string;
  col: string;
  month: number;
  value: number;
  updated_at: string;
}

export function getValues(
  db: Database.Database,
  unitId: number,
  templateId: string,
  year: number,
  fromMonth = 1,
  toMonth = 12,
): CellValue[] {
  const rows = prepared(
      db,
      `SELECT indicator, col, month, value, updated_at FROM cell_values
       WHERE unit_id = ? AND template_id = ? AND year = ? AND month BETWEEN ? AND ?`,
    )
    .all(unitId, templateId, year, fromMonth, toMonth) as ValueRow[];
  return rows.map((r) => ({ indicator: r.indicator, col: r.col, month: r.month, value: r.value, updatedAt: r.updated_at }));
}

export function getValue(db: Database.Database, k: CellKey): CellValue | undefined {
  const r = prepared(
      db,
      `SELECT indicator, col, month, value, updated_at FROM cell_values
       WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? AND indicator = ? AND col = ?`,
    )
    .get(k.unitId, k.templateId, k.year, k.month, k.indicator, k.col) as ValueRow | undefined;
  return r && { indicator: r.indicator, col: r.col, month: r.month, value: r.value, updatedAt: r.updated_at };
}

/** Applies changes atomically; unchanged values are skipped and not returned. */
export function applyChanges(db: Database.Database, changes: ValueChange[], author: ChangeAuthor): AppliedChange[] {
  const select = prepared(
      db,
    `SELECT value FROM cell_values
     WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? AND indicator = ? AND col = ?`,
  );
  const upsert = prepared(
      db,
    `INSERT INTO cell_values (unit_id, template_id, year, month, indicator, col, value, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, template_id, year, month, indicator, col)
     DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = prepared(
      db,
    `DELETE FROM cell_values
     WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? AND indicator = ? AND col = ?`,
  );
  const history = prepared(
      db,
    `INSERT INTO value_history (unit_id, template_id, year, month, indicator, col, old_value, new_value, changed_at, operator, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const run = db.transaction((list: ValueChange[]) => {
    const now = new Date().toISOString();
    const applied: AppliedChange[] = [];
    for (const c of list) {
      const key = [c.unitId, c.templateId, c.year, c.month, c.indicator, c.col] as const;
      const old = (select.get(...key) as { value: number } | undefined)?.value ?? null;
      if (old === c.value) continue;
      if (c.value === null) remove.run(...key);
      else upsert.run(...key, c.value, now);
      history.run(...key, old, c.value, now, author.operator, author.source);
      applied.push({ ...c, oldValue: old, updatedAt: now });
    }
    return applied;
  });
  return run(changes);
}

interface HistoryRow {
  id: number;
  unit_code: string;
  template_id: string;
  year: number;
  month: number;
  indicator: string;
  col: string;
  old_value: number | null;
  new_value: number | null;
  changed_at: string;
  operator: string;
  source: string;
}

export function getHistory(db: Database.Database, k: CellKey, limit = 200): HistoryEntry[] {
  const rows = prepared(
      db,
      `SELECT h.*, u.code AS unit_code FROM value_history h JOIN units u ON u.id = h.unit_id
       WHERE h.unit_id = ? AND h.template_id = ? AND h.year = ? AND h.month = ? AND h.indicator = ? AND h.col = ?
       ORDER BY h.id DESC LIMIT ?`,
    )
    .all(k.unitId, k.templateId, k.year, k.month, k.indicator, k.col, limit) as HistoryRow[];
  return rows.map((r) => ({
    id: r.id,
    unitCode: r.unit_code,
    templateId: r.template_id,
    indicator: r.indicator,
    col: r.col,
    year: r.year,
    month: r.month,
    oldValue: r.old_value,
    newValue: r.new_value,
    changedAt: r.changed_at,
    operator: r.operator,
    source: r.source,
  }));
}
