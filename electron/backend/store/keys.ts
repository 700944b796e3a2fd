/**
 * Keys (migration 009): the key the office registered for each unit, and the
 * key log (this data file's own key: store/ownKey.ts). Every change to a
 * unit's key goes through setUnitKey, which logs it in the same transaction.
 */
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export interface UnitKey {
  unitId: number;
  unitCode: string;
  unitName: string;
  publicKey: string;
  registeredAt: string;
}

interface UnitKeyRow {
  unit_id: number;
  code: string;
  name: string;
  public_key: string;
  registered_at: string;
}
const toUnitKey = (r: UnitKeyRow): UnitKey => ({ unitId: r.unit_id, unitCode: r.code, unitName: r.name, publicKey: r.public_key, registeredAt: r.registered_at });
const UNIT_KEY_SELECT = 'SELECT k.unit_id, u.code, u.name, k.public_key, k.registered_at FROM unit_keys k JOIN units u ON u.id = k.unit_id';

export function unitKey(db: Database.Database, unitId: number): UnitKey | undefined {
  const r = prepared(db, `${UNIT_KEY_SELECT} WHERE k.unit_id = ?`).get(unitId) as UnitKeyRow | undefined;
  return r && toUnitKey(r);
}

export function unitKeyByCode(db: Database.Database, code: string): UnitKey | undefined {
  const r = prepared(db, `${UNIT_KEY_SELECT} WHERE u.code = ?`).get(code) as UnitKeyRow | undefined;
  return r && toUnitKey(r);
}

/** The units this key is registered for (normally none or one). */
export function unitsOfKey(db: Database.Database, publicKey: string): UnitKey[] {
  return (prepared(db, `${UNIT_KEY_SELECT} WHERE k.public_key = ? ORDER BY u.code`).all(publicKey) as UnitKeyRow[]).map(toUnitKey);
}

export function listUnitKeys(db: Database.Database): UnitKey[] {
  return (prepared(db, `${UNIT_KEY_SELECT} ORDER BY u.code`).all() as UnitKeyRow[]).map(toUnitKey);
}

export type KeyAction = 'created' | 'registered' | 'accepted' | 'changed' | 'entered' | 'cleared';

export interface KeyChange {
  unitId: number;
  /** null clears the unit's key. */
  publicKey: string | null;
  action: Exclude<KeyAction, 'created'>;
  reason: string;
  operator: string;
  importId?: number | null;
  fileName?: string | null;
}

/** Registers, replaces or clears a unit's key, and logs it; in (or as) a transaction. */
export function setUnitKey(db: Database.Database, c: KeyChange): void {
  const body = () => {
    const previous = unitKey(db, c.unitId)?.publicKey ?? null;
    if (previous === c.publicKey) return;
    const at = new Date().toISOString();
    if (c.publicKey === null) prepared(db, 'DELETE FROM unit_keys WHERE unit_id = ?').run(c.unitId);
    else {
      prepared(db, 'INSERT INTO unit_keys (unit_id, public_key, registered_at) VALUES (?, ?, ?) ON CONFLICT(unit_id) DO UPDATE SET public_key = excluded.public_key, registered_at = excluded.registered_at').run(
        c.unitId,
        c.publicKey,
        at,
      );
    }
    prepared(db, 'INSERT INTO key_log (at, unit_id, action, public_key, previous_key, reason, operator, import_id, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      at,
      c.unitId,
      c.action,
      c.publicKey,
      previous,
      c.reason,
      c.operator,
      c.importId ?? null,
      c.fileName ?? null,
    );
  };
  if (db.inTransaction) body();
  else db.transaction(body).immediate();
}

export interface KeyLogEntry {
  id: number;
  at: string;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  action: KeyAction;
  publicKey: string | null;
  previousKey: string | null;
  reason: string;
  operator: string;
  importId: number | null;
  fileName: string | null;
}

export function keyLog(db: Database.Database, opts: { unitId?: number; limit?: number } = {}): KeyLogEntry[] {
  const rows = prepared(
    db,
    `SELECT l.*, u.code AS unit_code, u.name AS unit_name FROM key_log l LEFT JOIN units u ON u.id = l.unit_id
     WHERE (? IS NULL OR l.unit_id = ?) ORDER BY l.id DESC LIMIT ?`,
  ).all(opts.unitId ?? null, opts.unitId ?? null, opts.limit ?? 500) as {
    id: number;
    at: string;
    unit_id: number | null;
    unit_code: string | null;
    unit_name: string | null;
    action: KeyAction;
    public_key: string | null;
    previous_key: string | null;
    reason: string;
    operator: string;
    import_id: number | null;
    file_name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    action: r.action,
    publicKey: r.public_key,
    previousKey: r.previous_key,
    reason: r.reason,
    operator: r.operator,
    importId: r.import_id,
    fileName: r.file_name,
  }));
}
