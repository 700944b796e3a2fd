import { describe, expect, it } from 'vitest';
import { isDark, seriesPattern, seriesStyle } from './palette';
import { svgText } from './svgTree';

const grey = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
};

describe('series fills', () => {
  it('alternate dark and light, so neighbours differ in grey-scale print', () => {
    for (let i = 0; i + 1 < 8; i++) {
      const a = seriesStyle(i);
      const b = seriesStyle(i + 1);
      const textured = a.texture !== null || b.texture !== null;
      expect(Math.abs(grey(a.color) - grey(b.color)) > 60 || textured, `${i}/${i + 1}`).toBe(true);
      expect(isDark(a.color)).not.toBe(isDark(b.color));
    }
  });

  it('never repeats a colour among the first eight categories', () => {
    expect(new Set(Array.from({ length: 8 }, (_, i) => seriesStyle(i).color)).size).toBe(8);
  });

  it('draws a texture in the ink that shows on its colour: white on dark, black on light', () => {
    for (let i = 0; i < 10; i++) {
      const s = seriesStyle(i);
      const svg = svgText(seriesPattern('x', i));
      expect(svg).toContain(`fill="${s.color}"`);
      if (s.texture === null) expect(svg.match(/<(rect|circle)/g)).toHaveLength(1);
      else expect(svg).toContain(isDark(s.color) ? 'fill="#ffffff"' : 'fill="#000000"');
    }
  });
});
