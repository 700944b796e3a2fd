/**
 * Chart tables as text that pastes into Excel/WPS: tab-separated cells,
 * CRLF rows. Tabs and line breaks inside a cell would split it, so they are
 * replaced by spaces.
 */
import { NO_FIGURE, percentOf } from '../values/numberFormat';
import { toDelimited } from '../values/textSafety';
import { formatPercent, formatSharesSum, ROUNDING_NOTE } from './shares';
import type { Breakdown, CategoryDef, RankingRow, Trend, YoyMonth } from './shape';

export type TableCell = string | number | null;

export interface ChartTable {
  head: string[];
  rows: TableCell[][];
}

/** Cells through delimitedCell: a category named "=…" must not paste as a formula. */
export function toTsv(table: ChartTable): string {
  return toDelimited([table.head, ...table.rows]) + '\r\n';
}


/** Two decimals always, as the report prints shares ("0.10%"); no shares when the stated total disagrees. */
export function breakdownTable(b: Breakdown): ChartTable {
  const share = (i: Breakdown['items'][number]) => (b.sharesStated ? formatPercent(i) : NO_FIGURE);
  const rows: TableCell[][] = [...b.items.map((i) => [i.name, i.count, share(i)]), ['合计', b.total, b.sharesStated ? formatSharesSum(b.items) : NO_FIGURE]];
  if (b.roundingNote) rows.push([ROUNDING_NOTE, null, null]);
  return { head: ['类别', '条数', '占比'], rows };
}

export function trendTable(t: Trend, categories: CategoryDef[]): ChartTable {
  return {
    head: ['月份', ...categories.map((c) => c.name), '合计'],
    rows: t.months.map((m) => [`${m.month}月`, ...categories.map((c) => (m.hasData ? m.counts[c.code] : null)), m.hasData ? m.total : null]),
  };
}

export function yoyTable(months: YoyMonth[], year: number): ChartTable {
  return {
    head: ['月份', `${year}年`, `${year - 1}年`, '同比增减'],
    rows: months.map((m) => [`${m.month}月`, m.current, m.previous, m.changePercent === null ? null : percentOf(m.changePercent, { signed: true })]),
  };
}

export function rankingTable(rows: RankingRow[], measure: string): ChartTable {
  return { head: ['名次', '单位', '单位代码', measure], rows: rows.map((r) => [r.rank, r.unitName, r.unitCode, r.hasData ? r.count : null]) };
}
