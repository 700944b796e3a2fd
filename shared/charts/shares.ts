/**
 * Shares of a total with two decimals that add up to exactly 100.00%, the way
 * the annual report prints them: each share is floored to hundredths of a
 * percent and the missing hundredths go to the largest remainders
 * (ties: the larger count, then template order). With the 2017 Suining
 * figures this gives 2.44, 9.19, 0.10, 55.11, 2.11, 2.29, 6.07, 22.69.
 */
export interface ShareInput {
  key: string;
  count: number;
}

export interface Share extends ShareInput {
  /** Percent with two decimals, e.g. 55.11; all add to 100 (or all 0 when the total is 0). */
  percent: number;
  /** Hundredths of a percent, exact (5511 for 55.11%). */
  basisPoints: number;
}

export function computeShares(items: ShareInput[]): Share[] {
  const total = items.reduce((s, i) => s + i.count, 0);
  if (total <= 0) return items.map((i) => ({ ...i, percent: 0, basisPoints: 0 }));
  const TEN_THOUSAND = 10_000;
  const rows = items.map((it, index) => {
    const exact = (it.count * TEN_THOUSAND) / total;
    const floor = Math.floor(exact + 1e-9);
    return { it, index, floor, remainder: exact - floor };
  });
  let missing = TEN_THOUSAND - rows.reduce((s, r) => s + r.floor, 0);
  const order = [...rows].sort((a, b) => b.remainder - a.remainder || b.it.count - a.it.count || a.index - b.index);
  for (const r of order) {
    if (missing <= 0) break;
    if (r.remainder <= 1e-9) continue;
    r.floor += 1;
    missing -= 1;
  }
  return rows.map((r) => ({ ...r.it, basisPoints: r.floor, percent: r.floor / 100 }));
}

/** "55.11%" — two decimals always (the report's "0.1%" is 0.10%). */
export function formatPercent(share: Pick<Share, 'basisPoints'>): string {
  return `${(share.basisPoints / 100).toFixed(2)}%`;
}
