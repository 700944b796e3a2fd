/**
 * The series fills of every chart: on screen, in the saved PNG and in the
 * workbook's picture. Printed in grey, colours alone would blur together:
 * neighbours alternate dark and light, and every other fill adds a texture
 * (white ink on a dark colour, black on a light one), so two categories
 * never differ by hue alone.
 */
import { el, type SvgElement } from './svgTree';

export type Texture = 'diagonal' | 'dots' | 'vertical' | 'crosshatch';

export interface SeriesStyle {
  color: string;
  texture: Texture | null;
}

const SERIES: readonly SeriesStyle[] = [
  { color: '#1e3a8a', texture: null },
  { color: '#f59e0b', texture: null },
  { color: '#047857', texture: 'diagonal' },
  { color: '#bae6fd', texture: 'dots' },
  { color: '#7f1d1d', texture: null },
  { color: '#fde68a', texture: 'vertical' },
  { color: '#4c1d95', texture: 'crosshatch' },
  { color: '#a7f3d0', texture: null },
  { color: '#57534e', texture: 'diagonal' },
  { color: '#fecaca', texture: 'dots' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES[index % SERIES.length];
}

/** The total line and the "previous year" series: neutral, readable on any fill. */
export const TOTAL_LINE = '#111827';
export const PREVIOUS_YEAR = '#9ca3af';
/** The single series of a one-series chart (sorted bars, this year). */
export const SINGLE_SERIES = SERIES[0].color;

/** Whether a #rrggbb colour is dark (light ink on it) or light (dark ink). */
export function isDark(hex: string): boolean {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The ink a texture is drawn with on this colour. */
export function textureInk(color: string): { color: string; opacity: number } {
  return isDark(color) ? { color: '#ffffff', opacity: 0.55 } : { color: '#000000', opacity: 0.45 };
}

function strokes(texture: Texture, ink: { color: string; opacity: number }): SvgElement[] {
  const paint = { fill: ink.color, 'fill-opacity': ink.opacity };
  switch (texture) {
    case 'diagonal':
    case 'vertical':
      return [el('rect', { width: 2, height: 6, ...paint })];
    case 'dots':
      return [el('circle', { cx: 3, cy: 3, r: 1.2, ...paint })];
    case 'crosshatch':
      return [el('rect', { width: 1, height: 6, ...paint }), el('rect', { width: 6, height: 1, ...paint })];
  }
}

/** The fill of series `index` as an SVG <pattern> with this id (a plain colour for untextured series). */
export function seriesPattern(id: string, index: number): SvgElement {
  const s = seriesStyle(index);
  const base = el('rect', { width: 6, height: 6, fill: s.color });
  return el(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: s.texture === 'diagonal' || s.texture === 'crosshatch' ? 'rotate(45)' : undefined },
    base,
    ...(s.texture ? strokes(s.texture, textureInk(s.color)) : []),
  );
}
