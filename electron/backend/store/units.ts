import type Database from 'better-sqlite3';
import type { Unit, UnitKind } from '../../../shared/domain';
import { prepared } from './prepared';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  active: number;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind as UnitKind,
  parentId: r.parent_id,
  active: r.active === 1,
});

export function listUnits(db: Database.Database): Unit[] {
  return (db.prepare('SELECT * FROM units ORDER BY code').all() as UnitRow[]).map(toUnit);
}

export function findUnitByCode(db: Database.Database, code: string): Unit | undefined {
  const r = prepared(db, 'SELECT * FROM units WHERE code = ?').get(code) as UnitRow | undefined;
  return r && toUnit(r);
}

export function findUnitById(db: Database.Database, id: number): Unit | undefined {
  const r = prepared(db, 'SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  return r && toUnit(r);
}

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: number | null;
}

export function insertUnit(db: Database.Database, u: UnitInput): Unit {
  const now = new Date().toISOString();
  const info = db
    .prepare('INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(u.code, u.name, u.kind, u.parentId ?? null, now, now);
  return findUnitById(db, Number(info.lastInsertRowid))!;
}

export function updateUnit(db: Database.Database, id: number, u: Partial<UnitInput> & { active?: boolean }): Unit {
  const cur = findUnitById(db, id);
  if (!cur) throw new Error(`unit ${id} not found`);
  db.prepare('UPDATE units SET code = ?, name = ?, kind = ?, parent_id = ?, active = ?, updated_at = ? WHERE id = ?').run(
    u.code ?? cur.code,
    u.name ?? cur.name,
    u.kind ?? cur.kind,
    u.parentId === undefined ? cur.parentId : u.parentId,
    (u.active ?? cur.active) ? 1 : 0,
    new Date().toISOString(),
    id,
  );
  return findUnitById(db, id)!;
}
