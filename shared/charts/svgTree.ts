/**
 * A picture as a small tree of SVG elements, so one definition can be
 * written out as text (rasterised to PNG by the backend, embedded in the
 * workbook) and turned into React elements (drawn on screen) alike.
 */
import { stripControlChars } from '../values/textSafety';

export interface SvgElement {
  tag: string;
  /** Written in this order; SVG attribute names as in the file (font-size, not fontSize). */
  attrs: Record<string, string | number>;
  children: SvgNode[];
}

/** An element, or text content (escaped when written). */
export type SvgNode = SvgElement | string;

export function el(tag: string, attrs: Record<string, string | number | undefined>, ...children: SvgNode[]): SvgElement {
  const kept: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) kept[k] = v;
  // Control characters (which XML refuses) never enter a picture, on screen or in a file.
  return { tag, attrs: kept, children: children.map((c) => (typeof c === 'string' ? stripControlChars(c) : c)) };
}

/** Text as SVG can hold it: control characters (which XML refuses) dropped, markup escaped. */
export function escapeXml(s: string): string {
  return stripControlChars(s).replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

export function svgText(node: SvgNode): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(svgText).join('')}</${node.tag}>`;
}
