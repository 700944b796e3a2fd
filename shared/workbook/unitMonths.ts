/**
 * A workbook's values grouped as they are stored and compared: one unit's
 * month at a time, by cell ref. Reading, planning and checking an import
 * work on these groups; a flat list of values is only built where a caller
 * wants one.
 */
import { cellRef, splitRef } from '../template/cells';
import type { WorkbookValue } from './format';

export interface UnitMonthValues {
  unitCode: string;
  month: number;
  /** ref → value; empty cells are absent. */
  values: Map<string, number>;
}

export function groupUnitMonths(values: WorkbookValue[]): UnitMonthValues[] {
  const out = new Map<string, UnitMonthValues>();
  for (const v of values) {
    const key = `${v.unitCode}\t${v.month}`;
    let g = out.get(key);
    if (!g) out.set(key, (g = { unitCode: v.unitCode, month: v.month, values: new Map() }));
    g.values.set(cellRef(v.indicator, v.col), v.value);
  }
  return [...out.values()];
}

export function flattenUnitMonths(months: UnitMonthValues[]): WorkbookValue[] {
  const out: WorkbookValue[] = [];
  for (const m of months) for (const [ref, value] of m.values) out.push({ unitCode: m.unitCode, ...splitRef(ref), month: m.month, value });
  return out;
}
