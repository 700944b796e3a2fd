/** Domain types shared by the backend, the API and the UI. */

export const UNIT_KINDS = ['市', '县区', '园区', '部门', '乡镇', '街道', '村社区', '其他'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** filer: a department that enters its own figures; aggregator: an office that merges units. */
export const ROLES = ['filer', 'aggregator'] as const;
export type Role = (typeof ROLES)[number];

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  active: boolean;
}

/**
 * Whose figures: a unit (this data file's own when unitCode is absent),
 * alone (subtree false) or with every unit below it (subtree true).
 */
export interface UnitScope {
  unitCode?: string;
  subtree: boolean;
}

/** One stored monthly figure. col is "" for list indicators. */
export interface CellValue {
  indicator: string;
  col: string;
  month: number;
  value: number;
  updatedAt: string;
}

export interface HistoryEntry {
  id: number;
  unitCode: string;
  templateId: string;
  indicator: string;
  col: string;
  year: number;
  month: number;
  oldValue: number | null;
  newValue: number | null;
  changedAt: string;
  operator: string;
  source: string;
}
