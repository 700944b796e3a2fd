/**
 * The current ledger's demo: a city (its office, departments, counties with
 * their departments and townships) over several years. The city's figures
 * per year are given (resources/demo/ledger-2021-city.json: one year's are a
 * published report's, the others synthesised); each unit's share is cut
 * from them by weight so that every level adds up exactly, every rule holds
 * for every unit, and each unit's 上年结转 is its own last 结转下年度.
 */
import { templateCells } from '../template/cells';
import type { Template } from '../template/schema';
import { apportion } from './spread';

export interface CityUnit {
  code: string;
  name: string;
  kind: string;
  /** Code of the unit above ('' for the city itself). */
  parent: string;
  /** Its share of the city's work. */
  weight: number;
}

export interface CityYear {
  /** Table 三 rows (total column) that are outcomes, and the balances. */
  outcomes: Record<string, number>;
  carriedOut: number;
  /** Only the first year: later years carry last year's 结转 over. */
  carriedIn?: number;
  /** Any other cell's city figure (flows; amounts with their places). */
  figures: Record<string, number>;
}

export interface CityDemoSpec {
  templateId: string;
  units: CityUnit[];
  /** Stocks at the end of the year before the first (现行有效件数, 累计主动公开). */
  opening: Record<string, number>;
  years: Record<string, CityYear>;
}

const APPLICANTS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other'] as const;
const APPLICANT_WEIGHTS = [80, 10, 1, 1, 5, 3];
const CATEGORIES = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'].map((c) => `pub.cat.${c}`);
const T4_GROUPS = ['review', 'direct', 'after'];
const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending'];

/** Year totals per unit code, per year. */
export type CityDemoTotals = Map<string, Map<number, Record<string, number>>>;

export function cityDemoTotals(template: Template, spec: CityDemoSpec): CityDemoTotals {
  const cells = templateCells(template);
  const units = spec.units;
  const weights = units.map((u) => u.weight);
  const out: CityDemoTotals = new Map(units.map((u) => [u.code, new Map()]));
  const split = (total: number, places: number, w: readonly number[] = weights) => {
    const k = 10 ** places;
    return apportion(Math.round(total * k), w).map((v) => v / k);
  };
  // Stocks carried from year to year, per unit.
  const stock = new Map<string, number[]>(Object.entries(spec.opening).map(([ref, v]) => [ref, split(v, 0)]));
  let carried: number[][] | undefined; // [unit][applicant] 结转下年度 of the year before

  for (const [yearText, y] of Object.entries(spec.years).sort(([a], [b]) => Number(a) - Number(b))) {
    const year = Number(yearText);
    const t: Record<string, number>[] = units.map(() => ({}));
    const put = (u: number, ref: string, v: number) => {
      if (!cells.has(ref)) throw new Error(`演示数据：模板 ${template.id} 没有单元格 ${ref}`);
      t[u][ref] = v;
    };
    // Flows given for the city, cut by weight.
    for (const [ref, v] of Object.entries(y.figures)) {
      const places = cells.get(ref)?.decimals ?? 0;
      split(v, places).forEach((part, u) => put(u, ref, part));
    }
    // Table 三: each outcome row by applicant, then by unit.
    const handled = units.map(() => APPLICANTS.map(() => 0));
    for (const [row, total] of Object.entries(y.outcomes)) {
      apportion(total, APPLICANT_WEIGHTS).forEach((colTotal, c) => {
        apportion(colTotal, weights).forEach((v, u) => {
          put(u, `${row}:${APPLICANTS[c]}`, v);
          handled[u][c] += v;
        });
      });
    }
    const byHandled = (total: number) => {
      const cityCols = apportion(total, APPLICANTS.map((_, c) => handled.reduce((s, h) => s + h[c], 0)));
      const perUnit = units.map(() => APPLICANTS.map(() => 0));
      cityCols.forEach((colTotal, c) => apportion(colTotal, handled.map((h) => h[c])).forEach((v, u) => (perUnit[u][c] = v)));
      return perUnit;
    };
    const carriedIn = carried ?? byHandled(y.carriedIn ?? 0);
    const carriedOut = byHandled(y.carriedOut);
    units.forEach((_, u) =>
      APPLICANTS.forEach((col, c) => {
        // 新收 + 上年结转 = 办理总计 + 结转下年度, unit by unit and column by column.
        let fresh = handled[u][c] + carriedOut[u][c] - carriedIn[u][c];
        if (fresh < 0) {
          // A synthesised year whose unit disclosed fewer than it carried in: it disclosed them after all.
          put(u, `t3.disclosed:${col}`, (t[u][`t3.disclosed:${col}`] ?? 0) - fresh);
          handled[u][c] -= fresh;
          fresh = 0;
        }
        put(u, `t3.new:${col}`, fresh);
        put(u, `t3.carried_in:${col}`, carriedIn[u][c]);
        put(u, `t3.carried_out:${col}`, carriedOut[u][c]);
        put(u, `t3.handled_total:${col}`, handled[u][c]);
      }),
    );
    carried = carriedOut;
    for (const u of t) {
      // A unit reports every flow cell, zero where nothing happened (the official tables print 0, not blanks).
      for (const [ref, def] of cells) if (def.rollup === 'sum' && u[ref] === undefined) u[ref] = 0;
      for (const row of ['t3.new', 't3.carried_in', 't3.carried_out', 't3.handled_total', ...Object.keys(y.outcomes)]) {
        u[`${row}:total`] = APPLICANTS.reduce((s, c) => s + (u[`${row}:${c}`] ?? 0), 0);
      }
      for (const g of T4_GROUPS) u[`t4.cases:${g}_total`] = T4_RESULTS.reduce((s, r) => s + (u[`t4.cases:${g}_${r}`] ?? 0), 0);
      // Everything issued is published: 规范性文件信息 at least the 规章 and 行政规范性文件 issued.
      u['pub.cat.normative'] = Math.max(u['pub.cat.normative'] ?? 0, (u['t2.rules:issued'] ?? 0) + (u['t2.normative:issued'] ?? 0));
      u['pub.total'] = CATEGORIES.reduce((s, r) => s + (u[r] ?? 0), 0);
      const keyItems = Object.entries(u).filter(([r]) => r.startsWith('key.')).reduce((s, [, v]) => s + v, 0);
      u['pub.key'] = Math.min(u['pub.total'], keyItems + (u['pub.key'] ?? 0));
      u['fee.collected'] = Math.min(u['fee.collected'] ?? 0, u['fee.notice_amount'] ?? 0);
    }
    // Stocks: last year's, moved by this year's flows.
    for (const row of ['t2.rules', 't2.normative']) {
      const s = stock.get(`${row}:in_force`);
      if (!s) continue;
      t.forEach((u, i) => (u[`${row}:in_force`] = s[i] = s[i] + (u[`${row}:issued`] ?? 0) - (u[`${row}:repealed`] ?? 0)));
    }
    const cum = stock.get('pub.cumulative');
    if (cum) t.forEach((u, i) => (u['pub.cumulative'] = cum[i] = cum[i] + u['pub.total']));
    units.forEach((unit, i) => out.get(unit.code)!.set(year, t[i]));
  }
  return out;
}

/** The city level: every unit's year totals added (flows and stocks alike: each unit's own year figure). */
export function cityLevel(template: Template, totals: CityDemoTotals, year: number): Map<string, number> {
  const cells = templateCells(template);
  const scaled = new Map<string, number>();
  for (const years of totals.values()) {
    for (const [ref, v] of Object.entries(years.get(year) ?? {})) {
      const k = 10 ** (cells.get(ref)?.decimals ?? 0);
      scaled.set(ref, (scaled.get(ref) ?? 0) + Math.round(v * k));
    }
  }
  return new Map([...scaled].map(([ref, s]) => [ref, s / 10 ** (cells.get(ref)?.decimals ?? 0)]));
}
