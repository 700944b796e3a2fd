import { describe, expect, it } from 'vitest';
import { BREAKDOWN_EMPTY_TEXT, breakdownSvg, estimateTextWidth } from './breakdownSvg';

const SUINING = [
  ['概况信息', 1876],
  ['计划总结信息', 7065],
  ['规范性文件信息', 81],
  ['工作动态信息', 42373],
  ['人事信息', 1625],
  ['财政信息', 1758],
  ['行政执法信息', 4668],
  ['其他信息', 17445],
] as const;
const items = SUINING.map(([label, count], i) => ({ key: `c${i}`, label, count }));

/** Every <text> with its position, size and content. */
function texts(svg: string) {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    size: Number(/font-size="([\d.]+)"/.exec(m[3])![1]),
    anchor: /text-anchor="(\w+)"/.exec(m[3])?.[1] ?? 'start',
    text: m[4],
  }));
}

describe('breakdownSvg', () => {
  const { svg, width, height } = breakdownSvg(items, { title: '主动公开政府信息分类情况', subtitle: '遂宁市 2017年', measure: '条' });

  it('lists every category with its count and its two-decimal share, as the 2017 report prints them', () => {
    const t = texts(svg).map((x) => x.text);
    for (const [label, count] of SUINING) {
      expect(t).toContain(label);
      expect(t).toContain(String(count));
    }
    for (const share of ['2.44%', '9.19%', '0.10%', '55.11%', '2.11%', '2.29%', '6.07%', '22.69%']) expect(t).toContain(share);
    expect(t).toContain('76891条');
    expect(svg).not.toContain(BREAKDOWN_EMPTY_TEXT);
  });

  it('draws one slice per non-empty category, each with its own pattern', () => {
    const slices = [...svg.matchAll(/<path d="[^"]+" fill="url\(#(p\d+)\)"/g)].map((m) => m[1]);
    expect(slices).toHaveLength(8);
    expect(new Set(slices).size).toBe(8);
    const patterns = [...svg.matchAll(/<pattern id="(p\d+)"[^>]*>(.*?)<\/pattern>/g)].map((m) => m[2]);
    expect(new Set(patterns).size).toBe(8); // distinguishable without colour too: the fills differ in shape
  });

  it('keeps Chinese labels apart: legend rows never overlap and texts stay inside the picture', () => {
    const rows = texts(svg).filter((x) => SUINING.some(([l]) => l === x.text));
    const ys = rows.map((r) => r.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(rows[0].size * 1.5);
    for (const t of texts(svg)) {
      const w = estimateTextWidth(t.text, t.size);
      const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      expect(left, t.text).toBeGreaterThanOrEqual(0);
      expect(left + w, t.text).toBeLessThanOrEqual(width);
      expect(t.y, t.text).toBeLessThanOrEqual(height);
    }
    // Labels end before the count column starts.
    const counts = texts(svg).filter((x) => /^\d+$/.test(x.text) && x.anchor === 'end');
    for (const r of rows) expect(r.x + estimateTextWidth(r.text, r.size)).toBeLessThan(counts[0].x - estimateTextWidth('99999999', 17));
  });

  it('shrinks a long label rather than letting it run into the numbers', () => {
    const long = breakdownSvg([{ key: 'a', label: '一个非常非常非常非常长的分类名称用于测试', count: 3 }, { key: 'b', label: '短', count: 1 }], { title: 't' });
    const label = texts(long.svg).find((x) => x.text.startsWith('一个'))!;
    expect(label.size).toBeLessThan(17);
  });

  it('an empty period says 无数据 instead of drawing nothing', () => {
    const empty = breakdownSvg(items.map((i) => ({ ...i, count: 0 })), { title: 't', measure: '条' });
    expect(texts(empty.svg).map((x) => x.text)).toContain(BREAKDOWN_EMPTY_TEXT);
    expect(empty.svg).not.toMatch(/fill="url\(#p\d+\)" stroke="#ffffff"/);
  });

  it('a single category fills the whole ring', () => {
    const one = breakdownSvg(items.map((i, k) => ({ ...i, count: k === 2 ? 5 : 0 })), { title: 't' });
    expect(texts(one.svg).map((x) => x.text)).toContain('100.00%');
    expect(one.svg.match(/ A150 150 /g)!.length).toBe(2);
  });

  it('escapes text', () => {
    expect(breakdownSvg([{ key: 'a', label: 'A&B<C>', count: 1 }], { title: '"x"' }).svg).toContain('A&amp;B&lt;C&gt;');
  });
});
