/**
 * Removes units together with every row that names them: month figures,
 * their history, completion marks, comments, exports, submissions and
 * whatever later migrations add. The tables are found from their foreign
 * keys to `units`, so a new table referring to a unit is covered without
 * touching this file. Only for data nobody needs to keep (demo data); a real
 * unit is deactivated instead (units.deactivate).
 */
import type Database from 'better-sqlite3';

interface ForeignKey {
  table: string;
  from: string;
}

/** Every (table, column) whose foreign key points at units(id), units.parent_id included. */
function unitReferences(db: Database.Database): { table: string; column: string }[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.prepare('SELECT "table", "from" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[])
      .filter((fk) => fk.table === 'units')
      .map((fk) => ({ table, column: fk.from })),
  );
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Deletes the units and all rows naming them. Runs inside the caller's
 * transaction; foreign keys are checked at its commit (rows referring to each
 * other across tables go in any order), so a unit outside `unitIds` still
 * naming one of them (a sub-unit) makes the commit fail and nothing changes.
 */
export function deleteUnitsWithRecords(db: Database.Database, unitIds: readonly number[]): void {
  if (unitIds.length === 0) return;
  db.pragma('defer_foreign_keys = ON');
  const ids = JSON.stringify(unitIds);
  for (const { table, column } of unitReferences(db)) {
    if (table === 'units') continue;
    db.prepare(`DELETE FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?))`).run(ids);
  }
  db.prepare('DELETE FROM units WHERE id IN (SELECT value FROM json_each(?))').run(ids);
}
