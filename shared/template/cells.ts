/**
 * The flat view of a template: every value cell with its effective measure,
 * value kind and roll-up, resolved once so that the store, the grid, the
 * exporter and the rules never re-derive them.
 */
import type { MeasureUnit, Rollup, Section, TableSection, Template, ValueKind } from './schema';

export interface CellDef {
  /** Reference used everywhere a value is addressed: indicator code, or "row:col". */
  ref: string;
  /** Stored as indicator / col: list cells use col "". */
  indicator: string;
  col: string;
  sectionCode: string;
  /** Human label naming the cell, e.g. "主动公开政府信息总数" or "一、本年新收… / 自然人". */
  label: string;
  measure: MeasureUnit;
  valueKind: ValueKind;
  /** Decimals the value carries: 0 for counts, the cell's setting (default 2) for amounts. */
  decimals: number;
  rollup: Rollup;
  category?: string;
}

/** Amounts without a precision of their own keep the two decimals every release before had. */
export const DEFAULT_AMOUNT_DECIMALS = 2;

export function effectiveDecimals(kind: ValueKind, decimals: number | undefined): number {
  return kind === 'count' ? 0 : (decimals ?? DEFAULT_AMOUNT_DECIMALS);
}

export function cellRef(indicator: string, col: string): string {
  return col === '' ? indicator : `${indicator}:${col}`;
}

export function splitRef(ref: string): { indicator: string; col: string } {
  const i = ref.indexOf(':');
  return i < 0 ? { indicator: ref, col: '' } : { indicator: ref.slice(0, i), col: ref.slice(i + 1) };
}

export function tableCells(section: TableSection): CellDef[] {
  const cells: CellDef[] = [];
  for (const row of section.rows) {
    if (!row.code) continue;
    for (const col of section.columns) {
      cells.push({
        ref: cellRef(row.code, col.code),
        indicator: row.code,
        col: col.code,
        sectionCode: section.code,
        label: `${row.label} / ${[col.group, col.subgroup, col.label]
          .filter((h, i) => h && (i === 2 || h !== col.label))
          .join('·')}`,
        measure: col.measure ?? row.measure ?? section.measure,
        valueKind: col.valueKind ?? row.valueKind ?? section.valueKind,
        decimals: effectiveDecimals(col.valueKind ?? row.valueKind ?? section.valueKind, col.decimals ?? row.decimals ?? section.decimals),
        rollup: col.rollup ?? row.rollup ?? 'sum',
      });
    }
  }
  return cells;
}

export function sectionCells(section: Section): CellDef[] {
  if (section.kind === 'table') return tableCells(section);
  return section.groups.flatMap((g) =>
    g.indicators.map((ind) => ({
      ref: ind.code,
      indicator: ind.code,
      col: '',
      sectionCode: section.code,
      label: ind.name,
      measure: ind.measure,
      valueKind: ind.valueKind,
      decimals: effectiveDecimals(ind.valueKind, ind.decimals),
      rollup: ind.rollup,
      category: ind.category,
    })),
  );
}

const cache = new WeakMap<Template, Map<string, CellDef>>();

/** All cells of a template by reference, in template order. */
export function templateCells(template: Template): Map<string, CellDef> {
  let map = cache.get(template);
  if (!map) {
    map = new Map(template.sections.flatMap(sectionCells).map((c) => [c.ref, c]));
    cache.set(template, map);
  }
  return map;
}

export function findCell(template: Template, ref: string): CellDef | undefined {
  return templateCells(template).get(ref);
}

export function findTable(template: Template, code: string): TableSection | undefined {
  const s = template.sections.find((x) => x.code === code);
  return s?.kind === 'table' ? s : undefined;
}

/** Category indicators (breakdown chart), in template order. */
export function categoryCells(template: Template): CellDef[] {
  return [...templateCells(template).values()].filter((c) => c.category !== undefined);
}

/**
 * The stated total the category indicators must add up to: the single left
 * side of an `=` rule whose right side is exactly the categories (e.g.
 * 主动公开政府信息总数 = 八类信息之和). Found from the rules, so a template says it
 * by data, not code.
 */
export function categoryTotalRef(template: Template): string | undefined {
  const cats = new Set(categoryCells(template).map((c) => c.ref));
  if (cats.size === 0) return undefined;
  const plain = (t: { sign: number; year: string }) => t.sign === 1 && t.year === 'current';
  const rule = template.rules.find(
    (r) => r.op === '=' && !r.forEach && r.left.length === 1 && plain(r.left[0]) && r.right.length === cats.size && r.right.every((t) => plain(t) && cats.has(t.ref)),
  );
  return rule?.left[0].ref;
}
