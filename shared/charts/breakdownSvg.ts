/**
 * The category breakdown as an SVG document: a donut with the total in its
 * middle and a legend that lists every category with its count and its share
 * (two decimals, adding to 100.00% — shares.ts). Pure string building, so the
 * exporter (rasterised to PNG) and the charts page draw the same picture.
 *
 * Printed in grey-scale, colours alone would blur together: each slice also
 * has its own hatch pattern, repeated on its legend swatch. Labels live only
 * in the legend, one fixed slot per category, so they can never overlap.
 */
import { stripControlChars } from '../values/textSafety';
import { computeShares, formatPercent, needsRoundingNote, ROUNDING_NOTE } from './shares';

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
  svg: string;
  width: number;
  height: number;
}

export const BREAKDOWN_EMPTY_TEXT = '无数据';
export const DEFAULT_CHART_FONTS = "'Noto Sans CJK SC', 'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'SimSun', '宋体', sans-serif";

/** Colours of clearly different lightness, each paired with a pattern below. */
const PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2e75b6', '#bf9000', '#a5a5a5', '#843c0c', '#375623'];

/** Pattern overlays (white strokes on the slice colour): none, diagonal, cross, dots, … */
const PATTERNS: ((id: string, color: string) => string)[] = [
  (id, c) => `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${c}"/><rect width="3" height="8" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/><circle cx="4" cy="4" r="1.8" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="8" height="8" fill="${c}"/><rect width="2" height="8" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/><rect width="8" height="2" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/><rect width="2" height="8" fill="#fff"/><rect width="8" height="2" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="${c}"/><rect x="0" y="0" width="5" height="5" fill="#fff" fill-opacity="0.7"/><rect x="5" y="5" width="5" height="5" fill="#fff" fill-opacity="0.7"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${c}"/><rect width="2" height="8" fill="#fff"/><rect width="8" height="2" fill="#fff"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${c}"/><circle cx="3" cy="3" r="1" fill="#000" fill-opacity="0.6"/></pattern>`,
  (id, c) =>
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${c}"/><rect y="3" width="8" height="2" fill="#000" fill-opacity="0.5"/></pattern>`,
];

export function escapeXml(s: string): string {
  return stripControlChars(s).replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

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

  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${width / 2}" y="36" text-anchor="middle" font-size="${fitFont(opts.title, 24, width - 40)}" font-weight="bold" fill="#000">${escapeXml(opts.title)}</text>`,
  );
  if (opts.subtitle) {
    parts.push(`<text x="${width / 2}" y="64" text-anchor="middle" font-size="15" fill="#333">${escapeXml(opts.subtitle)}</text>`);
  }

  const defs = items.map((_, i) => PATTERNS[i % PATTERNS.length](`p${i}`, PALETTE[i % PALETTE.length]));

  if (empty) {
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${(ro + ri) / 2}" fill="none" stroke="#d0d0d0" stroke-width="${ro - ri}"/>`);
    parts.push(`<text x="${cx}" y="${cy + 12}" text-anchor="middle" font-size="34" font-weight="bold" fill="#666">${BREAKDOWN_EMPTY_TEXT}</text>`);
  } else {
    let a = 0;
    const nonZero = shares.filter((s) => s.count > 0).length;
    shares.forEach((s, i) => {
      if (s.count <= 0) return;
      const sweep = (s.count / total) * 2 * Math.PI;
      if (nonZero === 1) {
        // One category is the whole ring: an arc cannot start and end at the same point.
        parts.push(`<path d="${ringSlice(cx, cy, ro, ri, 0, Math.PI)} ${ringSlice(cx, cy, ro, ri, Math.PI, 2 * Math.PI)}" fill="url(#p${i})" stroke="#fff" stroke-width="0"/>`);
      } else {
        parts.push(`<path d="${ringSlice(cx, cy, ro, ri, a, a + sweep)}" fill="url(#p${i})" stroke="#ffffff" stroke-width="1.5"/>`);
      }
      a += sweep;
    });
    parts.push(`<text x="${cx}" y="${cy - 8}" text-anchor="middle" font-size="16" fill="#333">合计</text>`);
    const totalText = `${total}${measure}`;
    parts.push(`<text x="${cx}" y="${cy + 22}" text-anchor="middle" font-size="${fitFont(totalText, 26, 2 * ri - 16)}" font-weight="bold" fill="#000">${escapeXml(totalText)}</text>`);
  }

  // Legend: swatch | label | count | share, one fixed row per category.
  const lx = cx + ro + 50;
  const countRight = width - 130;
  const shareRight = width - 30;
  const labelWidth = countRight - 100 - (lx + 34);
  const ly0 = cy - legendH / 2;
  parts.push(`<text x="${countRight}" y="${ly0 - 10}" text-anchor="end" font-size="14" fill="#555">数量${measure ? `（${escapeXml(measure)}）` : ''}</text>`);
  parts.push(`<text x="${shareRight}" y="${ly0 - 10}" text-anchor="end" font-size="14" fill="#555">占比</text>`);
  items.forEach((item, i) => {
    const y = ly0 + i * rowH;
    const s = shares[i];
    parts.push(`<rect x="${lx}" y="${y + 6}" width="22" height="22" fill="url(#p${i})" stroke="#333" stroke-width="0.8"/>`);
    parts.push(`<text x="${lx + 34}" y="${y + 23}" font-size="${fitFont(item.label, 17, labelWidth)}" fill="#000">${escapeXml(item.label)}</text>`);
    parts.push(`<text x="${countRight}" y="${y + 23}" text-anchor="end" font-size="17" fill="#000">${empty ? '—' : item.count}</text>`);
    parts.push(`<text x="${shareRight}" y="${y + 23}" text-anchor="end" font-size="17" font-weight="bold" fill="#000">${empty || opts.sharesStated === false ? '—' : formatPercent(s)}</text>`);
    if (i < items.length - 1) parts.push(`<line x1="${lx}" y1="${y + rowH}" x2="${shareRight}" y2="${y + rowH}" stroke="#e0e0e0" stroke-width="1"/>`);
  });

  if (note) parts.push(`<text x="${shareRight}" y="${ly0 + items.length * rowH + 23}" text-anchor="end" font-size="13" fill="#555">${ROUNDING_NOTE}</text>`);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">` +
    `<defs>${defs.join('')}</defs>${parts.join('')}</svg>`;
  return { svg, width, height };
}
