/**
 * Spreads a year's totals over the twelve months so that every year figure
 * rolls up exactly (by each cell's rule) and the template's 勾稽 rules that
 * hold for the year also hold month by month. Used for demo data: the real
 * 2017 Suining figures become a plausible monthly ledger.
 */
import { templateChecks, type Check } from '../rules/expand';
import { templateCells, type CellDef } from '../template/cells';
import type { Template } from '../template/schema';
import { scaleOf } from '../values/precision';

/** Months 1..12 (index 0 unused). */
export type MonthSeries = number[];

/** A mild seasonal profile: quieter at the start of the year, busier towards the year-end report. */
export const DEFAULT_WEIGHTS: readonly number[] = [6, 7, 8, 8, 9, 8, 8, 8, 9, 9, 10, 10];

/**
 * Integer parts of `total` proportional to `weights` (largest remainder;
 * ties go to the earlier month). Sums to `total` exactly. A zero weight gets
 * zero unless every weight is zero, in which case the spread is even.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`apportion needs a whole number ≥ 0, got ${total}`);
  const sumW = weights.reduce((s, w) => s + w, 0);
  const w = sumW > 0 ? weights : weights.map(() => 1);
  const denom = sumW > 0 ? sumW : weights.length;
  const exact = w.map((x) => (total * x) / denom);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let missing = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - parts[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const o of order) {
    if (missing <= 0) break;
    if (w[o.i] <= 0) continue;
    parts[o.i] += 1;
    missing -= 1;
  }
  return parts;
}

const toSeries = (parts: number[]): MonthSeries => [0, ...parts];
const monthsOf = (s: MonthSeries): number[] => s.slice(1, 13);

/** Spread in each cell's smallest place (万元: ten-thousandths) so that amounts stay exact. */
const scale = (c: CellDef) => scaleOf(c.decimals);

function plainCurrent(check: Check) {
  // A rule for some kinds of unit only says nothing about how any figure spreads.
  if (check.unitKinds) return false;
  return [...check.left, ...check.right].every((t) => t.sign === 1 && t.year === 'current');
}

export interface SpreadResult {
  /** ref → values for months 1..12 (index 0 unused), in stored units (amounts in their measure, with their decimals). */
  months: Map<string, MonthSeries>;
  /** Refs in the totals that the template does not know (left out). */
  unknown: string[];
}

/**
 * totals: year figure per cell ref. Flows (roll-up sum) are apportioned by
 * `weights`; a flow that a rule says equals a sum of others is derived from
 * them month by month; a flow bounded by another (a ≤ b) is apportioned in
 * proportion to b's months, so it never exceeds b in any month. Stocks
 * (roll-up last) rise to the year-end value by the flow they are checked
 * against (累计 ≥ 本年), and opening balances (first) hold all year.
 */
export function spreadYear(template: Template, totals: Record<string, number>, weights: readonly number[] = DEFAULT_WEIGHTS): SpreadResult {
  const cells = templateCells(template);
  const unknown = Object.keys(totals).filter((r) => !cells.has(r));
  const units = new Map<string, number>();
  for (const [ref, v] of Object.entries(totals)) {
    const c = cells.get(ref);
    if (c) units.set(ref, Math.round(v * scale(c)));
  }
  const isFlow = (ref: string) => cells.get(ref)?.rollup === 'sum' && units.has(ref);
  const out = new Map<string, MonthSeries>();
  for (const [ref, u] of units) if (isFlow(ref)) out.set(ref, toSeries(apportion(u, weights)));

  const checks = templateChecks(template).filter(plainCurrent);
  const yearHolds = (ch: Check) => {
    const l = ch.left.reduce((s, t) => s + (units.get(t.ref) ?? 0), 0);
    const r = ch.right.reduce((s, t) => s + (units.get(t.ref) ?? 0), 0);
    return ch.op === '=' ? l === r : ch.op === '<=' || ch.op === '<' ? l <= r : l >= r;
  };
  const allFlows = (ch: Check) => [...ch.left, ...ch.right].every((t) => isFlow(t.ref));

  // Totals that are sums of parts: derived from the parts in every month.
  const equalities = checks.filter((ch) => ch.op === '=' && ch.left.length === 1 && allFlows(ch) && yearHolds(ch));
  const derive = () => {
    for (const ch of equalities) {
      const sum = new Array<number>(13).fill(0);
      for (const t of ch.right) out.get(t.ref)!.forEach((v, m) => (sum[m] += v));
      out.set(ch.left[0].ref, sum);
    }
  };
  derive();

  // a ≤ b between single cells: a follows b's months, so a_m ≤ b_m.
  const bounds = checks.filter((ch) => ch.op !== '=' && ch.left.length === 1 && ch.right.length === 1 && allFlows(ch) && yearHolds(ch));
  for (const ch of bounds) {
    const lessIsLeft = ch.op === '<=' || ch.op === '<';
    const small = (lessIsLeft ? ch.left : ch.right)[0].ref;
    const big = (lessIsLeft ? ch.right : ch.left)[0].ref;
    out.set(small, toSeries(apportion(units.get(small)!, monthsOf(out.get(big)!))));
  }
  if (bounds.length > 0) derive();

  // Stocks and opening balances.
  for (const [ref, u] of units) {
    const c = cells.get(ref)!;
    if (c.rollup === 'first') out.set(ref, toSeries(new Array<number>(12).fill(u)));
    if (c.rollup !== 'last') continue;
    const link = templateChecks(template).find(
      (ch) =>
        ch.left.length === 1 &&
        ch.right.length === 1 &&
        ((ch.op === '>=' && ch.left[0].ref === ref && isFlow(ch.right[0].ref)) || (ch.op === '<=' && ch.right[0].ref === ref && isFlow(ch.left[0].ref))),
    );
    const flowRef = link ? (link.op === '>=' ? link.right[0].ref : link.left[0].ref) : undefined;
    const flow = flowRef ? out.get(flowRef) : undefined;
    // Rises by the linked flow's months; without one, by a twentieth of the end value over the year.
    const increments = flow && units.get(flowRef!)! <= u ? monthsOf(flow) : apportion(Math.floor(u / 20), weights);
    const rise = increments.reduce((s, x) => s + x, 0);
    const series = [0];
    let level = u - rise;
    for (const inc of increments) series.push((level += inc));
    out.set(ref, series);
  }

  const months = new Map<string, MonthSeries>();
  for (const [ref, s] of out) {
    const k = scale(cells.get(ref)!);
    months.set(ref, k === 1 ? s : s.map((v) => v / k));
  }
  return { months, unknown };
}
