/**
 * Shares of a total with two decimals, the way the annual report prints them.
 * The decision table (docs/shares.md) in short:
 * - each share is floored to hundredths of a percent; the hundredths missing
 *   from 100.00% go to the largest remainders (ties: the larger count, then
 *   template order), which keeps the 2017 Suining report's printed shares
 *   (2.44, 9.19, 0.10, 55.11, 2.11, 2.29, 6.07, 22.69);
 * - equal counts always print equal shares: a group of equal counts takes a
 *   hundredth each or none. When the hundredths left cannot be placed without
 *   splitting such a group, the group is rounded to nearest instead and the
 *   printed sum may miss 100.00% by a few hundredths; `roundingNote` then
 *   asks for the note 因四舍五入，合计可能不等于100%;
 * - a non-zero count never prints 0.00% (不足0.01%);
 * - against a stated total (e.g. 主动公开总数) shares are taken only when it
 *   equals the sum of the parts; when it does not, no share is stated — the
 *   broken rule's message says why.
 */
import { percentText } from '../values/numberFormat';

export interface ShareInput {
  key: string;
  count: number;
}

export interface Share extends ShareInput {
  /** Percent with two decimals, e.g. 55.11. */
  percent: number;
  /** Hundredths of a percent, exact (5511 for 55.11%). */
  basisPoints: number;
}

export const ROUNDING_NOTE = '因四舍五入，合计可能不等于100%';
const WHOLE = 10_000;
const EPS = 1e-9;

export function computeShares(items: readonly ShareInput[]): Share[] {
  const total = items.reduce((s, i) => s + i.count, 0);
  if (total <= 0) return items.map((i) => ({ ...i, percent: 0, basisPoints: 0 }));
  const rows = items.map((it, index) => {
    const exact = (it.count * WHOLE) / total;
    const floor = Math.floor(exact + EPS);
    return { it, index, floor, remainder: exact - floor };
  });
  // Equal counts have equal remainders: they are placed as one group.
  const groups = new Map<number, typeof rows>();
  for (const r of rows) groups.set(r.it.count, [...(groups.get(r.it.count) ?? []), r]);
  const order = [...groups.values()].sort((a, b) => b[0].remainder - a[0].remainder || b[0].it.count - a[0].it.count || a[0].index - b[0].index);
  let missing = WHOLE - rows.reduce((s, r) => s + r.floor, 0);
  const unplaced: (typeof rows)[] = [];
  for (const g of order) {
    if (g[0].remainder <= EPS) continue;
    if (g.length <= missing) {
      for (const r of g) r.floor += 1;
      missing -= g.length;
    } else if (missing > 0) {
      unplaced.push(g);
    }
  }
  if (missing > 0) for (const g of unplaced) if (g[0].remainder >= 0.5 - EPS) for (const r of g) r.floor += 1;
  return rows.map((r) => ({ ...r.it, basisPoints: r.floor, percent: r.floor / 100 }));
}

/** The printed shares' sum in hundredths of a percent (10,000 = 100.00%). */
export function sharesSum(shares: readonly Pick<Share, 'basisPoints'>[]): number {
  return shares.reduce((s, x) => s + x.basisPoints, 0);
}

/** True when the printed shares of a non-zero total do not add to 100.00%. */
export function needsRoundingNote(shares: readonly Share[]): boolean {
  return shares.some((s) => s.count > 0) && sharesSum(shares) !== WHOLE;
}

/**
 * Shares against a stated total: null (no share is stated) when the stated
 * total disagrees with the parts, since a share of either would mislead.
 */
export function statedShares(items: readonly ShareInput[], statedTotal: number | undefined): Share[] | null {
  if (statedTotal !== undefined) {
    const cents = (n: number) => Math.round(n * 100);
    if (cents(statedTotal) !== items.reduce((s, i) => s + cents(i.count), 0)) return null;
  }
  return computeShares(items);
}

/** "55.11%" — two decimals always (the report's "0.1%" is 0.10%); a non-zero count below 0.005% is 不足0.01%. */
export function formatPercent(share: Pick<Share, 'basisPoints' | 'count'>): string {
  if (share.basisPoints === 0 && share.count > 0) return '不足0.01%';
  return percentText(share.basisPoints);
}

/** The printed sum of shares, "100.00%" or, after the rounding note's case, e.g. "99.99%". */
export function formatSharesSum(shares: readonly Pick<Share, 'basisPoints'>[]): string {
  return percentText(sharesSum(shares));
}
