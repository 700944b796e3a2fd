/**
 * Which units are demo data, so that they can be removed again (设置 → 移除演示数据).
 * Each load records the units it created in the setting DEMO_UNITS_SETTING;
 * files that loaded the demo before that was recorded are recognised by
 * their figures having been written by the demo (value_changes.source).
 */
import type Database from 'better-sqlite3';
import type { Unit } from '../../../shared/domain';
import { getSetting, setSetting } from '../store/settings';
import { findUnitByCode, listUnits } from '../store/units';

export const DEMO_UNITS_SETTING = 'demo.units';
export const DEMO_SOURCE = 'demo';

function recordedCodes(db: Database.Database): string[] {
  const raw = getSetting(db, DEMO_UNITS_SETTING);
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers units a demo load created (call inside the load's transaction). */
export function recordDemoUnits(db: Database.Database, codes: readonly string[]): void {
  const all = [...new Set([...recordedCodes(db), ...codes])];
  setSetting(db, DEMO_UNITS_SETTING, JSON.stringify(all));
}

/** The demo's units in this file, in directory order. */
export function demoUnits(db: Database.Database): Unit[] {
  const written = new Set(db.prepare('SELECT DISTINCT unit_id FROM value_changes WHERE source = ?').pluck().all(DEMO_SOURCE) as number[]);
  const recorded = new Set(recordedCodes(db).flatMap((c) => findUnitByCode(db, c)?.id ?? []));
  return listUnits(db).filter((u) => written.has(u.id) || recorded.has(u.id));
}
