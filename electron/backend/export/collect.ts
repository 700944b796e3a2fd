/** Reads from the store what a workbook carries: its units and their monthly values in the period. */
import type Database from 'better-sqlite3';
import type { Unit } from '../../../shared/domain';
import type { Period } from '../../../shared/values/period';
import type { WorkbookKind, WorkbookUnit, WorkbookValue } from '../../../shared/workbook/format';
import { subtreeUnitIds } from '../store/aggregate';
import { findUnitById } from '../store/units';
import { getValues } from '../store/values';
import { monthStatesOf } from '../store/months';
import type { WorkbookMonthState } from '../../../shared/workbook/monthStates';

export function toWorkbookUnit(db: Database.Database, unit: Unit): WorkbookUnit {
  const parent = unit.parentId === null ? undefined : findUnitById(db, unit.parentId);
  return { code: unit.code, name: unit.name, kind: unit.kind, parentCode: parent?.code ?? '' };
}

/**
 * submission: the unit's own values; bundle: each unit of its subtree with
 * its own values (the root first); blank: the unit, no values. With them,
 * the months completed or declared 本月无数据 and the explanations accepted.
 */
export function collectContent(
  db: Database.Database,
  root: Unit,
  kind: WorkbookKind,
  templateId: string,
  period: Period,
): { units: WorkbookUnit[]; values: WorkbookValue[]; monthStates: WorkbookMonthState[] } {
  if (kind === 'blank') return { units: [toWorkbookUnit(db, root)], values: [], monthStates: [] };
  const ids = kind === 'bundle' ? subtreeUnitIds(db, root.id) : [root.id];
  const units: WorkbookUnit[] = [];
  const values: WorkbookValue[] = [];
  const known: { id: number; code: string }[] = [];
  for (const id of ids) {
    const unit = id === root.id ? root : findUnitById(db, id);
    if (!unit) continue;
    units.push(toWorkbookUnit(db, unit));
    known.push({ id, code: unit.code });
    for (const v of getValues(db, id, templateId, period.year, period.fromMonth, period.toMonth)) {
      values.push({ unitCode: unit.code, indicator: v.indicator, col: v.col, month: v.month, value: v.value });
    }
  }
  return { units, values, monthStates: monthStatesOf(db, known, templateId, period.year, period.fromMonth, period.toMonth) };
}
