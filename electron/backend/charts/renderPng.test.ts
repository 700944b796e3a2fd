import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_EMPTY_TEXT, DEFAULT_CHART_FONTS } from '../../../shared/charts/breakdownSvg';
import { renderOptions, renderPng } from './renderPng';

const textSvg = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="44" font-size="36" font-family="${family}">${BREAKDOWN_EMPTY_TEXT}</text></svg>`;

/** Dark pixels in an RGBA buffer: drawn glyphs. */
function ink(svg: string): number {
  const pixels = new Resvg(svg, renderOptions(1)).render().pixels;
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) n++;
  return n;
}

describe('renderPng', () => {
  it('finds a CJK font: Chinese text is drawn, not dropped', () => {
    expect(ink(textSvg(DEFAULT_CHART_FONTS.replace(/'/g, '&apos;')))).toBeGreaterThan(300);
  });

  it('gives a PNG at twice the SVG size', async () => {
    const r = await renderPng(textSvg('sans-serif'));
    expect([r.width, r.height]).toEqual([400, 120]);
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
