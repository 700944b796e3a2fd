/** Adds the units a received file carries but the directory lacks, each under the parent the file names. */
import type Database from 'better-sqlite3';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../../shared/domain';
import { findUnitByCode, insertUnit } from '../store/units';

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentCode: string;
}

/**
 * Parents first: a unit whose parent is also being added waits for it. A
 * parent the directory does not know falls back to `fallbackParent`.
 * Units already present are left alone. One transaction.
 */
export function addUnitsFromFiles(db: Database.Database, units: NewUnit[], fallbackParent: Unit | undefined): Unit[] {
  return db.transaction(() => {
    const added: Unit[] = [];
    const pending = units.filter((u, i) => units.findIndex((x) => x.code === u.code) === i && !findUnitByCode(db, u.code));
    const codes = new Set(pending.map((u) => u.code));
    while (pending.length) {
      const i = pending.findIndex((u) => !codes.has(u.parentCode) || findUnitByCode(db, u.parentCode));
      const u = pending.splice(i < 0 ? 0 : i, 1)[0];
      const parent = (u.parentCode && findUnitByCode(db, u.parentCode)) || fallbackParent;
      const kind: UnitKind = (UNIT_KINDS as readonly string[]).includes(u.kind) ? (u.kind as UnitKind) : '其他';
      added.push(insertUnit(db, { code: u.code, name: u.name || u.code, kind, parentId: parent?.id ?? null }));
    }
    return added;
  }).immediate();
}
