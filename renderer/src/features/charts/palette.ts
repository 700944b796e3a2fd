/**
 * Series fills that stay apart in grey-scale print: neighbours alternate
 * dark and light, and every other fill adds a texture, so two categories
 * never differ by hue alone.
 */
import { pattern, patterns, type RechartsFill, type RechartsPattern } from 'recharts';

export interface SeriesFill {
  /** Solid colour (tooltips, legend swatches, the PNG legend). */
  color: string;
  /** What the chart paints: the colour, with a texture for some. */
  fill: string | RechartsFill;
  /** Texture name, for the legend's description. */
  texture: string | null;
}

// Texture definitions are made once: a new definition on every render would redraw the pattern each time.
const darkTexture = (p: RechartsPattern) => pattern({ ...p, color: '#ffffff', opacity: 0.55 });
const lightTexture = (p: RechartsPattern) => pattern({ ...p, color: '#000000', opacity: 0.45 });

const DIAGONAL_ON_DARK = darkTexture(patterns.diagonal);
const DOTS_ON_LIGHT = lightTexture(patterns.dots);
const CROSS_ON_DARK = darkTexture(patterns.crosshatch);
const VERTICAL_ON_LIGHT = lightTexture(patterns.vertical);

const BASE: SeriesFill[] = [
  { color: '#1e3a8a', fill: '#1e3a8a', texture: null },
  { color: '#f59e0b', fill: '#f59e0b', texture: null },
  { color: '#047857', fill: { color: '#047857', definition: DIAGONAL_ON_DARK }, texture: '斜线' },
  { color: '#bae6fd', fill: { color: '#bae6fd', definition: DOTS_ON_LIGHT }, texture: '圆点' },
  { color: '#7f1d1d', fill: '#7f1d1d', texture: null },
  { color: '#fde68a', fill: { color: '#fde68a', definition: VERTICAL_ON_LIGHT }, texture: '竖线' },
  { color: '#4c1d95', fill: { color: '#4c1d95', definition: CROSS_ON_DARK }, texture: '网格' },
  { color: '#a7f3d0', fill: '#a7f3d0', texture: null },
  { color: '#57534e', fill: { color: '#57534e', definition: DIAGONAL_ON_DARK }, texture: '斜线' },
  { color: '#fecaca', fill: { color: '#fecaca', definition: DOTS_ON_LIGHT }, texture: '圆点' },
];

/** Whether a #rrggbb colour is dark (light texture on it) or light (dark texture). */
export function isDark(hex: string): boolean {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The same texture in CSS, for the HTML legend's swatches. */
export function swatchStyle(f: SeriesFill): { background: string } {
  const dark = isDark(f.color) ? 'rgba(255,255,255,0.6)' : 'rgba(0,0,0,0.45)';
  switch (f.texture) {
    case '斜线':
      return { background: `repeating-linear-gradient(45deg, ${dark} 0 2px, transparent 2px 5px), ${f.color}` };
    case '圆点':
      return { background: `radial-gradient(${dark} 1.2px, transparent 1.6px) 0 0 / 4px 4px, ${f.color}` };
    case '竖线':
      return { background: `repeating-linear-gradient(90deg, ${dark} 0 2px, transparent 2px 5px), ${f.color}` };
    case '网格':
      return { background: `repeating-linear-gradient(45deg, ${dark} 0 1px, transparent 1px 4px), repeating-linear-gradient(-45deg, ${dark} 0 1px, transparent 1px 4px), ${f.color}` };
    default:
      return { background: f.color };
  }
}

export function seriesFill(index: number): SeriesFill {
  return BASE[index % BASE.length];
}

/** The total line and the "previous year" series: neutral and dashed, readable on any fill. */
export const TOTAL_LINE = '#111827';
export const PREVIOUS_YEAR = '#9ca3af';
