/**
 * SVG → PNG with resvg (no browser, no network). Chinese text needs a CJK
 * font: the known font files of Linux (Noto Sans CJK), Windows (Microsoft
 * YaHei, SimSun) and macOS (PingFang) are loaded when present; only if none
 * is found are all system fonts scanned, which is slower.
 *
 * Shaping text with a 20 MB CJK font costs resvg tens of milliseconds per
 * text element, so a picture takes most of a second: it is rendered off the
 * main thread (renderAsync) and the last few renderings are kept, keyed by
 * the SVG itself, so exporting unchanged figures again does not redraw.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\msyhbd.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
];

let fontFiles: string[] | undefined;
function cjkFontFiles(): string[] {
  fontFiles ??= CJK_FONT_FILES.filter((f) => fs.existsSync(f));
  return fontFiles;
}

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
}

const cache = new Map<string, RenderedPng>();
const CACHE_SIZE = 8;

/** resvg options with the CJK fonts of this machine. */
export function renderOptions(scale: number): ResvgRenderOptions {
  const files = cjkFontFiles();
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: files,
      loadSystemFonts: files.length === 0,
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
  };
}

/** Renders at `scale` times the SVG's size (2 = crisp on paper and high-dpi screens). */
export async function renderPng(svg: string, scale = 2): Promise<RenderedPng> {
  const key = createHash('sha256').update(`${scale}\n${svg}`).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  // resvg is loaded on first use: only exports and the charts page draw pictures (start-up, docs/import.md).
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, renderOptions(scale));
  const out = { png: image.asPng(), width: image.width, height: image.height };
  cache.set(key, out);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return out;
}

/** For benchmarks: forget earlier renderings. */
export function clearPngCache(): void {
  cache.clear();
}
