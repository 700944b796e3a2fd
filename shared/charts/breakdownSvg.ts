/**
 * The category breakdown picture: a donut with the total in its middle and a
 * legend that lists every category with its count and its share (two
 * decimals, adding to 100.00% — shares.ts). The one definition of it: the
 * charts page and 首页 draw this tree, the saved PNG and the workbook's chart
 * sheet are this tree rasterised (electron/backend/charts/).
 *
 * Fills are the series fills of every chart (palette.ts), the legend swatch
 * repeats its slice's fill. Labels live only in the legend, one fixed slot
 * per category, so they can never overlap.
 */
import { categoryCells } from '../template/cells';
import type { Template } from '../template/schema';
import { countText, NO_FIGURE } from '../values/numberFormat';
import { formatPeriodLabel, type Period } from '../values/period';
import { seriesPattern } from './palette';
import type { Breakdown } from './shape';
import { computeShares, formatPercent, needsRoundingNote, ROUNDING_NOTE } from './shares';
import { el, svgText, type SvgElement, type SvgNode } from './svgTree';

export { escapeXml } from './svgTree';

export interface BreakdownItem {
  key: string;
  label: string;
  count: number;
}

export interface BreakdownSvgOptions {
  title: string;
  /** Second line under the title, e.g. the unit and the period. */
  subtitle?: string;
  /** Measure word after counts, e.g. 条. */
  measure?: string;
  /** Font families, most wanted first (CSS font-family list). */
  fontFamily?: string;
  /** False when the stated total disagrees with the categories: no share is printed (shares.ts). */
  sharesStated?: boolean;
}

export interface BreakdownSvg {
  /** The picture itself; `svg` is it written out. */
  tree: SvgElement;
  svg: string;
  width: number;
  height: number;
}

export const BREAKDOWN_EMPTY_TEXT = '无数据';
export const DEFAULT_CHART_FONTS = "'Noto Sans CJK SC', 'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'SimSun', '宋体', sans-serif";

/** Approximate advance width: CJK and full-width characters are one em, others about half. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? fontSize : fontSize * 0.58;
  return w;
}

/** Font size (≤ wanted) at which the text fits the width. */
function fitFont(text: string, wanted: number, width: number): number {
  const w = estimateTextWidth(text, wanted);
  return w <= width ? wanted : Math.max(9, Math.floor((wanted * width) / w));
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** A ring slice from angle a0 to a1 (radians, 0 = 12 o'clock, clockwise). */
function ringSlice(cx: number, cy: number, ro: number, ri: number, a0: number, a1: number): string {
  const pt = (r: number, a: number) => `${r2(cx + r * Math.sin(a))} ${r2(cy - r * Math.cos(a))}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M${pt(ro, a0)} A${ro} ${ro} 0 ${large} 1 ${pt(ro, a1)} L${pt(ri, a1)} A${ri} ${ri} 0 ${large} 0 ${pt(ri, a0)} Z`;
}

export function breakdownSvg(items: BreakdownItem[], opts: BreakdownSvgOptions): BreakdownSvg {
  const font = opts.fontFamily ?? DEFAULT_CHART_FONTS;
  const measure = opts.measure ?? '';
  const shares = computeShares(items.map((i) => ({ key: i.key, count: i.count })));
  const total = items.reduce((s, i) => s + i.count, 0);
  const empty = total <= 0;

  const width = 860;
  const top = opts.subtitle ? 84 : 64;
  const rowH = 34;
  const note = !empty && opts.sharesStated !== false && needsRoundingNote(shares);
  const legendH = items.length * rowH + (note ? rowH : 0);
  const ro = 150;
  const ri = 86;
  const height = Math.max(top + 2 * ro + 40, top + legendH + 40);
  const cx = 40 + ro;
  const cy = top + Math.max(ro + 10, legendH / 2);
  const fill = (i: number) => `url(#p${i})`;

  const parts: SvgNode[] = [];
  parts.push(el('rect', { width, height, fill: '#ffffff' }));
  parts.push(el('text', { x: width / 2, y: 36, 'text-anchor': 'middle', 'font-size': fitFont(opts.title, 24, width - 40), 'font-weight': 'bold', fill: '#000' }, opts.title));
  if (opts.subtitle) parts.push(el('text', { x: width / 2, y: 64, 'text-anchor': 'middle', 'font-size': 15, fill: '#333' }, opts.subtitle));

  if (empty) {
    parts.push(el('circle', { cx, cy, r: (ro + ri) / 2, fill: 'none', stroke: '#d0d0d0', 'stroke-width': ro - ri }));
    parts.push(el('text', { x: cx, y: cy + 12, 'text-anchor': 'middle', 'font-size': 34, 'font-weight': 'bold', fill: '#666' }, BREAKDOWN_EMPTY_TEXT));
  } else {
    let a = 0;
    const nonZero = shares.filter((s) => s.count > 0).length;
    shares.forEach((s, i) => {
      if (s.count <= 0) return;
      const sweep = (s.count / total) * 2 * Math.PI;
      // Hovering a slice names it (a tooltip on screen; ignored in the PNG).
      const tip = el('title', {}, `${items[i].label} ${countText(s.count)}${measure}，${formatPercent(s)}`);
      if (nonZero === 1) {
        // One category is the whole ring: an arc cannot start and end at the same point.
        parts.push(el('path', { d: `${ringSlice(cx, cy, ro, ri, 0, Math.PI)} ${ringSlice(cx, cy, ro, ri, Math.PI, 2 * Math.PI)}`, fill: fill(i), stroke: '#fff', 'stroke-width': 0 }, tip));
      } else {
        parts.push(el('path', { d: ringSlice(cx, cy, ro, ri, a, a + sweep), fill: fill(i), stroke: '#ffffff', 'stroke-width': 1.5 }, tip));
      }
      a += sweep;
    });
    parts.push(el('text', { x: cx, y: cy - 8, 'text-anchor': 'middle', 'font-size': 16, fill: '#333' }, '合计'));
    const totalText = `${countText(total)}${measure}`;
    parts.push(el('text', { x: cx, y: cy + 22, 'text-anchor': 'middle', 'font-size': fitFont(totalText, 26, 2 * ri - 16), 'font-weight': 'bold', fill: '#000' }, totalText));
  }

  // Legend: swatch | label | count | share, one fixed row per category.
  const lx = cx + ro + 50;
  const countRight = width - 130;
  const shareRight = width - 30;
  const labelWidth = countRight - 100 - (lx + 34);
  const ly0 = cy - legendH / 2;
  parts.push(el('text', { x: countRight, y: ly0 - 10, 'text-anchor': 'end', 'font-size': 14, fill: '#555' }, `数量${measure ? `（${measure}）` : ''}`));
  parts.push(el('text', { x: shareRight, y: ly0 - 10, 'text-anchor': 'end', 'font-size': 14, fill: '#555' }, '占比'));
  items.forEach((item, i) => {
    const y = ly0 + i * rowH;
    const s = shares[i];
    const row: SvgNode[] = [
      el('rect', { x: lx, y: y + 6, width: 22, height: 22, fill: fill(i), stroke: '#333', 'stroke-width': 0.8 }),
      el('text', { x: lx + 34, y: y + 23, 'font-size': fitFont(item.label, 17, labelWidth), fill: '#000' }, item.label),
      el('text', { x: countRight, y: y + 23, 'text-anchor': 'end', 'font-size': 17, fill: '#000', class: 'count' }, empty ? NO_FIGURE : countText(item.count)),
      el('text', { x: shareRight, y: y + 23, 'text-anchor': 'end', 'font-size': 17, 'font-weight': 'bold', fill: '#000', class: 'share' }, empty || opts.sharesStated === false ? NO_FIGURE : formatPercent(s)),
    ];
    if (i < items.length - 1) row.push(el('line', { x1: lx, y1: y + rowH, x2: shareRight, y2: y + rowH, stroke: '#e0e0e0', 'stroke-width': 1 }));
    parts.push(el('g', { 'data-category': item.label }, ...row));
  });

  if (note) parts.push(el('text', { x: shareRight, y: ly0 + items.length * rowH + 23, 'text-anchor': 'end', 'font-size': 13, fill: '#555' }, ROUNDING_NOTE));

  const tree = el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font },
    el('defs', {}, ...items.map((_, i) => seriesPattern(`p${i}`, i))),
    ...parts,
  );
  return { tree, svg: svgText(tree), width, height };
}

/** What a template's breakdown picture is titled and counted in: from its category section (null: no categories). */
export function breakdownCaption(template: Template): { title: string; measure: string } | null {
  const cells = categoryCells(template);
  if (cells.length === 0) return null;
  const section = template.sections.find((s) => s.code === cells[0].sectionCode);
  return { title: `${section?.title ?? template.name}分类情况`, measure: cells[0].measure };
}

/** "填报单位：遂宁市（含下级单位）\u3000统计期间：2017年1月至6月" (a resolved scope: ChartScope). */
export function breakdownSubtitle(who: { unitName: string; subtree: boolean; unitCount: number }, period: Period): string {
  return `填报单位：${who.unitName}${who.subtree && who.unitCount > 1 ? '（含下级单位）' : ''}\u3000统计期间：${formatPeriodLabel(period)}`;
}

/** The picture of a scope's breakdown (shape.ts), as the screen, the PNG and the workbook show it. */
export function breakdownPicture(breakdown: Breakdown, caption: { title: string; measure: string }, subtitle: string): BreakdownSvg {
  return breakdownSvg(
    breakdown.items.map((i) => ({ key: i.code, label: i.name, count: i.count })),
    { title: caption.title, subtitle, measure: caption.measure, sharesStated: breakdown.sharesStated },
  );
}
