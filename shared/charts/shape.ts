/**
 * Chart data shaped from figures: the breakdown by category, the monthly
 * trend, year over year and the ranking of units. Pure, so that the backend
 * computes exactly what the tables show and the renderer only draws it.
 */
import { categoryCells, type CellDef } from '../template/cells';
import type { Template } from '../template/schema';
import { computeShares, needsRoundingNote, statedShares } from './shares';

export interface CategoryDef {
  /** The cell ref of the category indicator (named code, not ref: chart data entries are spread into React props). */
  code: string;
  /** The category name printed in the report, e.g. 工作动态信息. */
  name: string;
}

export function categoriesOf(template: Template): CategoryDef[] {
  return categoryCells(template).map((c: CellDef) => ({ code: c.ref, name: c.category! }));
}

export interface BreakdownItem extends CategoryDef {
  count: number;
  /** Two decimals as shares.ts prints them (all 0 when the total is 0 or the shares are not stated). */
  percent: number;
  basisPoints: number;
}

export interface Breakdown {
  /** Categories in template order. */
  items: BreakdownItem[];
  total: number;
  /** No category figure at all was entered for the period (not the same as all zero). */
  empty: boolean;
  /** False when the stated total (e.g. 主动公开总数) disagrees with the categories: shares are not printed. */
  sharesStated: boolean;
  /** The printed shares do not add to 100.00% (equal counts kept equal): print 因四舍五入，合计可能不等于100%. */
  roundingNote: boolean;
}

/**
 * figures: period figure per cell ref; an absent ref means nothing was entered.
 * totalRef: the stated total the categories must add up to, when the template has one.
 */
export function shapeBreakdown(categories: CategoryDef[], figures: ReadonlyMap<string, number>, totalRef?: string): Breakdown {
  const present = categories.some((c) => figures.has(c.code));
  const counts = categories.map((c) => ({ key: c.code, count: figures.get(c.code) ?? 0 }));
  const stated = statedShares(counts, totalRef === undefined ? undefined : figures.get(totalRef));
  const shares = stated ?? computeShares(counts.map((c) => ({ ...c, count: 0 })));
  const items = categories.map((c, i) => ({ ...c, count: counts[i].count, percent: shares[i].percent, basisPoints: shares[i].basisPoints }));
  return { items, total: items.reduce((s, i) => s + i.count, 0), empty: !present, sharesStated: stated !== null, roundingNote: stated !== null && needsRoundingNote(stated) };
}

/** Largest first; ties keep template order. */
export function sortedByCount<T extends { count: number }>(items: readonly T[]): T[] {
  return items.map((it, i) => ({ it, i })).sort((a, b) => b.it.count - a.it.count || a.i - b.i).map((x) => x.it);
}

export interface TrendMonth {
  month: number;
  /** Category ref → count (0 where empty). */
  counts: Record<string, number>;
  total: number;
  /** Whether any category figure was entered for this month. */
  hasData: boolean;
}

export interface Trend {
  year: number;
  months: TrendMonth[];
  empty: boolean;
}

/** monthly: ref → months[1..12] (null where empty). */
export function shapeTrend(
  categories: CategoryDef[],
  monthly: ReadonlyMap<string, ReadonlyArray<number | null>>,
  year: number,
  fromMonth = 1,
  toMonth = 12,
): Trend {
  const months: TrendMonth[] = [];
  for (let m = fromMonth; m <= toMonth; m++) {
    const counts: Record<string, number> = {};
    let total = 0;
    let hasData = false;
    for (const c of categories) {
      const v = monthly.get(c.code)?.[m];
      if (v !== null && v !== undefined) hasData = true;
      counts[c.code] = v ?? 0;
      total += v ?? 0;
    }
    months.push({ month: m, counts, total, hasData });
  }
  return { year, months, empty: months.every((m) => !m.hasData) };
}

export interface YoyMonth {
  month: number;
  current: number | null;
  previous: number | null;
  /** Change in percent with two decimals; null when there is nothing to compare. */
  changePercent: number | null;
}

export function changePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}

/** Year over year of the category total for the same months. */
export function shapeYoy(current: Trend, previous: Trend): { months: YoyMonth[]; empty: boolean } {
  const months = current.months.map((cm) => {
    const pm = previous.months.find((p) => p.month === cm.month);
    const cur = cm.hasData ? cm.total : null;
    const prev = pm?.hasData ? pm.total : null;
    return { month: cm.month, current: cur, previous: prev, changePercent: changePercent(cur, prev) };
  });
  return { months, empty: months.every((m) => m.current === null && m.previous === null) };
}

export interface RankingRow {
  unitCode: string;
  unitName: string;
  count: number;
  /** 1-based; equal counts share a rank (1, 2, 2, 4). */
  rank: number;
  hasData: boolean;
}

export function shapeRanking(rows: { unitCode: string; unitName: string; count: number | null }[]): RankingRow[] {
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.count ?? -1) - (a.r.count ?? -1) || a.r.unitCode.localeCompare(b.r.unitCode))
    .map((x) => x.r);
  let rank = 0;
  let last: number | null | undefined;
  return sorted.map((r, i) => {
    if (r.count !== last) rank = i + 1;
    last = r.count;
    return { unitCode: r.unitCode, unitName: r.unitName, count: r.count ?? 0, rank, hasData: r.count !== null };
  });
}
