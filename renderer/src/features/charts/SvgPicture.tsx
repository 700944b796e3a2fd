/**
 * Draws a picture defined as an SVG tree (shared/charts/svgTree.ts) with
 * React elements: the same tree the backend writes out and rasterises, so
 * the screen and the saved picture cannot drift apart.
 */
import { createElement, type ReactNode } from 'react';
import type { SvgNode } from '../../../../shared/charts/svgTree';

/** SVG attribute name → React prop name (font-size → fontSize); data-* and aria-* stay as they are. */
function propName(attr: string): string {
  if (attr === 'class') return 'className';
  if (attr.startsWith('data-') || attr.startsWith('aria-')) return attr;
  return attr.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function svgElements(node: SvgNode, key?: number): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(node.attrs)) props[propName(k)] = v;
  if (key !== undefined) props.key = key;
  return createElement(node.tag, props, ...node.children.map((c, i) => svgElements(c, i)));
}
