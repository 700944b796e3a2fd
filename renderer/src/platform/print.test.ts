import { describe, expect, it } from 'vitest';
import { cssString, pageNumberContent, pageRules } from './print';

describe('print page rules', () => {
  it('turns the catalog’s page number text into CSS counters', () => {
    expect(pageNumberContent('第 {page} 页，共 {pages} 页')).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(pageNumberContent('{page}/{pages}')).toBe('counter(page) "/" counter(pages)');
  });

  it('quotes a title so that it cannot end the CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });

  it('A4 in the orientation asked for, the title on top and the number below', () => {
    const css = pageRules({ title: '遂宁市 2017年', orientation: 'landscape', pageNumber: '第 {page} 页' });
    expect(css).toContain('size: A4 landscape');
    expect(css).toMatch(/@top-center \{ content: "遂宁市 2017年";/);
    expect(css).toMatch(/@bottom-center \{ content: "第 " counter\(page\) " 页";/);
  });
});
