import { describe, expect, it } from 'vitest';
import { isDark, seriesFill } from './palette';

const grey = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
};

describe('series fills', () => {
  it('alternate dark and light, so neighbours differ in grey-scale print', () => {
    for (let i = 0; i + 1 < 8; i++) {
      const a = seriesFill(i);
      const b = seriesFill(i + 1);
      const textured = a.texture !== null || b.texture !== null;
      expect(Math.abs(grey(a.color) - grey(b.color)) > 60 || textured, `${i}/${i + 1}`).toBe(true);
      expect(isDark(a.color)).not.toBe(isDark(b.color));
    }
  });
  it('never repeats a colour among the first eight categories', () => {
    expect(new Set(Array.from({ length: 8 }, (_, i) => seriesFill(i).color)).size).toBe(8);
  });
});
