/**
 * The draft is laid out as a 公文 (GB/T 9704): its page, grid and fonts are
 * read back from the .docx's own XML, since the 公文 fonts are not installed
 * here and a rendering would show substitutes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSection } from '../../../shared/report/model';
import { seedSuiningCity } from '../testing/reportData';
import { tempBackend, type TempBackend } from '../testing/tempBackend';

let b: TempBackend;
const part: Record<string, string> = {};
let sections: ReportSection[] = [];

beforeAll(async () => {
  b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市' });
  seedSuiningCity(b, 'SN');
  const r = await b.invoke('report.docx', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } });
  sections = (await b.invoke('report.draft', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } })).sections;
  const file = path.join(b.dir, 'draft.docx');
  fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
  for (const name of ['document', 'styles', 'settings']) {
    part[name] = execFileSync('unzip', ['-p', file, `word/${name}.xml`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }
  part.footers = execFileSync('unzip', ['-p', file, 'word/footer*.xml'], { encoding: 'utf8' });
});
afterAll(() => b.dispose());

const TWIPS_PER_MM = 1440 / 25.4;

/** The attributes of the first `<w:tag …>` in xml. */
function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<w:${tag}(\\s[^>]*)?/?>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...(m[1] ?? '').matchAll(/w:(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

interface Para {
  xml: string;
  text: string;
  fonts: Set<string>;
  sizes: Set<number>;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    fonts: new Set([...p.matchAll(/w:eastAsia="([^"]*)"/g)].map((f) => f[1])),
    sizes: new Set([...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((s) => Number(s[1]))),
  }));
}

const tables = () => [...part.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
/** Paragraphs outside tables. */
const flow = () => paragraphs(part.document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
const find = (text: string) => flow().find((p) => p.text === text) ?? expect.fail(`no paragraph “${text}”`);

describe('the report draft as a 公文 (GB/T 9704)', () => {
  it('A4 with margins 37 / 35 / 28 / 26 mm (top, bottom, left, right)', () => {
    const size = attrs(part.document, 'pgSz');
    expect(Number(size.w) / TWIPS_PER_MM).toBeCloseTo(210, 0);
    expect(Number(size.h) / TWIPS_PER_MM).toBeCloseTo(297, 0);
    expect(size.orient ?? 'portrait').toBe('portrait');
    const m = attrs(part.document, 'pgMar');
    expect([m.top, m.bottom, m.left, m.right].map((v) => Math.round((Number(v) / TWIPS_PER_MM) * 10) / 10)).toEqual([37, 35, 28, 26]);
  });

  it('a grid of 22 lines × 28 characters of the Normal style’s 三号', () => {
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(part.styles)![0];
    const normalPt = Number(attrs(normal, 'sz').val) / 2;
    expect(normalPt).toBe(16);
    expect(attrs(normal, 'rFonts').eastAsia).toBe('仿宋');
    const grid = attrs(part.document, 'docGrid');
    expect(grid.type).toBe('linesAndChars');
    const size = attrs(part.document, 'pgSz');
    const m = attrs(part.document, 'pgMar');
    const textWidth = Number(size.w) - Number(m.left) - Number(m.right);
    const textHeight = Number(size.h) - Number(m.top) - Number(m.bottom);
    // Word: lines per page = text height / line pitch; the character pitch is the Normal size plus charSpace/4096 pt.
    expect(Math.floor(textHeight / Number(grid.linePitch))).toBe(22);
    expect(Math.floor(textWidth / ((normalPt + Number(grid.charSpace) / 4096) * 20))).toBe(28);
  });

  it('the title as published, 二号 小标宋, centred; no scope or draft mark inside it', () => {
    const title = flow()[0];
    expect(title.text).toBe('遂宁市2017年政府信息公开工作年度报告');
    expect([...title.fonts]).toEqual(['方正小标宋简体']);
    expect([...title.sizes]).toEqual([44]);
    expect(attrs(title.xml, 'jc').val).toBe('center');
  });

  it('body 仿宋 三号 on the grid with a two-character indent; headings 黑体 (一、) and 楷体 (附表), 三号', () => {
    const bodyPara = flow().find((p) => p.text.startsWith('2017年，我市主动公开政府信息76891条'))!;
    expect([...bodyPara.fonts]).toEqual(['仿宋']);
    expect([...bodyPara.sizes]).toEqual([32]);
    expect(attrs(bodyPara.xml, 'ind').firstLineChars).toBe('200');
    // On the grid: no exact line height of its own.
    expect(attrs(bodyPara.xml, 'spacing').lineRule).not.toBe('exact');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      const h = find(s.title);
      expect([...h.fonts], s.title).toEqual(['黑体']);
      expect([...h.sizes], s.title).toEqual([32]);
    }
    expect([...find('附件').fonts]).toEqual(['黑体']);
    const sub = find('附表一 主动公开政府信息');
    expect([...sub.fonts]).toEqual(['楷体']);
    expect([...sub.sizes]).toEqual([32]);
  });

  it('tables: rows of one height that never split, the column header repeated on every page', () => {
    const all = tables();
    expect(all.length).toBe(6);
    for (const t of all) {
      const rows = [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
      const heights = new Set(rows.map((r) => `${attrs(r, 'trHeight').val} ${attrs(r, 'trHeight').hRule}`));
      expect([...heights]).toHaveLength(1);
      expect([...heights][0]).toMatch(/^\d+ atLeast$/);
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.at(-1)).not.toContain('<w:tblHeader/>');
    }
  });

  it('page numbers “— N —” in 四号 宋体, odd pages right, even pages left', () => {
    expect(part.settings).toContain('<w:evenAndOddHeaders/>');
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(part.document)![0];
    expect(sect).toMatch(/<w:footerReference w:type="default"/);
    expect(sect).toMatch(/<w:footerReference w:type="even"/);
    const footers = paragraphs(part.footers);
    expect(footers.map((p) => attrs(p.xml, 'jc').val).sort()).toEqual(['left', 'right']);
    for (const p of footers) {
      expect(p.xml).toMatch(/<w:instrText[^>]*>PAGE</);
      expect(p.text.replace(/\s/g, '')).toBe('——');
      expect([...p.fonts]).toEqual(['宋体']);
      expect([...p.sizes]).toEqual([28]);
    }
  });
});
