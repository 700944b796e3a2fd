/**
 * How wide a chart draws: the width of its card on wide screens, never
 * narrower than the fixed width charts were laid out for (a narrower window
 * scrolls the card instead of squeezing labels). ChartFrame measures its card
 * and hands the width to a chart given as a function of it; each chart
 * subtracts what sits beside it (a legend).
 */
export const MIN_CHART_WIDTH = 720;

/** What sits beside a chart whose legend is on its right: the legend's least width and the gap. */
export const LEGEND_BESIDE = 280;

/** card: the card's inner width in pixels (0 until measured). */
export function chartWidth(card: number, besideChart = 0): number {
  return Math.max(MIN_CHART_WIDTH, Math.floor(card - besideChart));
}
