/**
 * The directory view of units: the tree in display order with due days and
 * whether a unit carries records, plus the few writes units.ts lacks.
 */
import type Database from 'better-sqlite3';
import type { DirectoryUnit } from '../../../shared/api/methods/units';
import type { UnitKind } from '../../../shared/domain';
import { effectiveDueDay } from '../../../shared/office/dueDate';

interface Row {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  active: number;
  due_day: number | null;
  has_values: number;
  has_submissions: number;
}

/** Every unit, parents before their children, siblings by code. */
export function directoryUnits(db: Database.Database, selfUnitId: number | null): DirectoryUnit[] {
  const rows = db
    .prepare(
      `SELECT u.*,
         -- Figures, or history of figures since cleared: either way the unit can no longer be deleted.
         (EXISTS (SELECT 1 FROM month_values v WHERE v.unit_id = u.id)
           OR EXISTS (SELECT 1 FROM value_changes c WHERE c.unit_id = u.id)) AS has_values,
         -- Every unit-month with submissions has a current one, and current rows have an index by unit.
         EXISTS (SELECT 1 FROM submissions s WHERE s.unit_id = u.id AND s.current = 1) AS has_submissions
       FROM units u ORDER BY u.code`,
    )
    .all() as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number | null, Row[]>();
  for (const r of rows) {
    // A parent that no longer exists would hide the unit: show it at the top instead.
    const parent = r.parent_id !== null && byId.has(r.parent_id) ? r.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const out: DirectoryUnit[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind as UnitKind,
        parentId: r.parent_id,
        parentCode: r.parent_id === null ? null : (byId.get(r.parent_id)?.code ?? null),
        active: r.active === 1,
        dueDay: r.due_day,
        effectiveDueDay: effectiveDueDay(r.due_day),
        depth,
        childCount: children.get(r.id)?.length ?? 0,
        hasRecords: r.has_values === 1 || r.has_submissions === 1,
        isSelf: r.id === selfUnitId,
      });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  // Units caught in a cycle (only possible in a hand-edited file) are still listed.
  for (const r of rows) if (!seen.has(r.id)) walk(r.parent_id, 0);
  return out;
}

export function setDueDay(db: Database.Database, unitId: number, dueDay: number | null): void {
  db.prepare('UPDATE units SET due_day = ?, updated_at = ? WHERE id = ?').run(dueDay, new Date().toISOString(), unitId);
}

export function getDueDay(db: Database.Database, unitId: number): number | null {
  const r = db.prepare('SELECT due_day FROM units WHERE id = ?').get(unitId) as { due_day: number | null } | undefined;
  return r?.due_day ?? null;
}

/** The unit's ancestors, nearest first (stops on a cycle). */
export function ancestorIds(db: Database.Database, unitId: number): number[] {
  const out: number[] = [];
  const q = db.prepare('SELECT parent_id FROM units WHERE id = ?');
  let cur = (q.get(unitId) as { parent_id: number | null } | undefined)?.parent_id ?? null;
  while (cur !== null && !out.includes(cur) && cur !== unitId) {
    out.push(cur);
    cur = (q.get(cur) as { parent_id: number | null } | undefined)?.parent_id ?? null;
  }
  return out;
}

export function activeChildCount(db: Database.Database, unitId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM units WHERE parent_id = ? AND active = 1').get(unitId) as { n: number }).n;
}

export function unitHasAnyRecord(db: Database.Database, unitId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM month_values WHERE unit_id = ? LIMIT 1').get(unitId) !== undefined ||
    db.prepare('SELECT 1 FROM value_changes WHERE unit_id = ? LIMIT 1').get(unitId) !== undefined ||
    db.prepare('SELECT 1 FROM submissions WHERE unit_id = ? LIMIT 1').get(unitId) !== undefined ||
    db.prepare('SELECT 1 FROM units WHERE parent_id = ? LIMIT 1').get(unitId) !== undefined
  );
}

export function deleteUnitRow(db: Database.Database, unitId: number): void {
  db.prepare('DELETE FROM units WHERE id = ?').run(unitId);
}
