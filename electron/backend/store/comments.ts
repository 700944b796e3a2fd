/** Clerks' comments on single cells (why a figure is what it is). */
import type Database from 'better-sqlite3';
import type { CellComment } from '../../../shared/api/methods/comments';
import type { CellKey } from './values';

interface CommentRow {
  month: number;
  indicator: string;
  col: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

const toComment = (r: CommentRow): CellComment => ({
  month: r.month,
  indicator: r.indicator,
  col: r.col,
  text: r.text,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function yearComments(db: Database.Database, unitId: number, templateId: string, year: number): CellComment[] {
  const rows = db
    .prepare('SELECT month, indicator, col, text, updated_at, updated_by FROM cell_comments WHERE unit_id = ? AND template_id = ? AND year = ? ORDER BY month, indicator, col')
    .all(unitId, templateId, year) as CommentRow[];
  return rows.map(toComment);
}

/** Sets or (with empty text) removes a cell's comment. */
export function setComment(db: Database.Database, k: CellKey, text: string, by: string): CellComment | null {
  const key = [k.unitId, k.templateId, k.year, k.month, k.indicator, k.col] as const;
  if (text === '') {
    db.prepare('DELETE FROM cell_comments WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? AND indicator = ? AND col = ?').run(...key);
    return null;
  }
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO cell_comments (unit_id, template_id, year, month, indicator, col, text, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, template_id, year, month, indicator, col)
     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(...key, text, now, by);
  return { month: k.month, indicator: k.indicator, col: k.col, text, updatedAt: now, updatedBy: by };
}
