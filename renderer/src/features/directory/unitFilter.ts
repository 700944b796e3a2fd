/**
 * Finding a unit among hundreds: a text query (name or code, any part), a
 * kind and a parent (its whole subtree). The tree stays readable: the
 * ancestors of every match are kept, marked as context only.
 */
import type { DirectoryUnit } from '../../../../shared/api/methods/units';

export interface UnitFilter {
  query: string;
  kind: string;
  /** Only this unit's subtree (the unit itself included); '' for all. */
  parentCode: string;
  showInactive: boolean;
}

export const NO_FILTER: UnitFilter = { query: '', kind: '', parentCode: '', showInactive: true };

export interface FilteredUnit {
  unit: DirectoryUnit;
  /** Shown only because a unit below it matches. */
  contextOnly: boolean;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function filterUnits(units: readonly DirectoryUnit[], f: UnitFilter): FilteredUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const inSubtree = (u: DirectoryUnit): boolean => {
    if (!f.parentCode) return true;
    for (let p: DirectoryUnit | undefined = u; p; p = p.parentCode ? byCode.get(p.parentCode) : undefined) if (p.code === f.parentCode) return true;
    return false;
  };
  const q = norm(f.query);
  const matches = (u: DirectoryUnit) =>
    (f.showInactive || u.active) && (!f.kind || u.kind === f.kind) && inSubtree(u) && (!q || norm(u.name).includes(q) || norm(u.code).includes(q));
  const hit = new Set(units.filter(matches).map((u) => u.code));
  const context = new Set<string>();
  for (const code of hit) {
    for (let p = byCode.get(code)?.parentCode; p && !hit.has(p) && !context.has(p); p = byCode.get(p)?.parentCode ?? null) context.add(p);
  }
  return units.filter((u) => hit.has(u.code) || context.has(u.code)).map((unit) => ({ unit, contextOnly: !hit.has(unit.code) }));
}

/** Kinds present in the directory, in first-seen order, for the kind filter. */
export function kindsOf(units: readonly DirectoryUnit[]): string[] {
  return [...new Set(units.map((u) => u.kind))];
}
