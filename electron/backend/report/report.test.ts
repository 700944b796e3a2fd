import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceNumbers } from '../../../shared/report/traceNumbers';
import { applyChanges } from '../store/values';
import { seedSuiningCity } from '../testing/reportData';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';

let b: TempBackend;

beforeAll(async () => {
  b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市', operator: '王五' });
  seedSuiningCity(b, 'SN');
});
afterAll(() => b.dispose());

describe('report.draft', () => {
  it('gives the city the published 2017 figures from its units (per-unit roll-up, then sum)', async () => {
    const d = await b.invoke('report.draft', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } });
    const cats = d.paragraphs.find((p) => p.id === 'categories')!.text;
    expect(cats).toMatch(/^2017年，我市主动公开政府信息76891条（重点信息公开11764条）。其中，概况信息1876条，占2.44%；/);
    expect(cats).toContain('其他信息17445条，占22.69%。');
    expect(d.paragraphs.find((p) => p.id === 'cumulative')!.text).toContain('516084条');
    expect(d.title).toBe('遂宁市2017年政府信息公开工作年度报告');
    expect(traceNumbers(d)).toEqual([]);
  });

  it('a unit alone speaks for itself with its own figures', async () => {
    const d = await b.invoke('report.draft', { templateId: 'suining-2017', year: 2017, scope: { unitCode: 'SN-CSQ', subtree: false } });
    const text = d.paragraphs.find((p) => p.id === 'categories')!.text;
    expect(text).toMatch(/^2017年，我区主动公开政府信息\d+条/);
    expect(text).not.toContain('76891');
    expect(traceNumbers(d)).toEqual([]);
    const dept = await b.invoke('report.draft', { templateId: 'suining-2017', year: 2017, scope: { unitCode: 'SN-CZJ', subtree: false } });
    expect(dept.paragraphs.find((p) => p.id === 'categories')!.text).toMatch(/^2017年，本机关主动公开政府信息25630条/);
    // Titles as published: a government under its place's name, a department under its own.
    expect(d.title).toBe('船山区2017年政府信息公开工作年度报告');
    expect(dept.title).toBe('遂宁市财政局2017年政府信息公开工作年度报告');
  });

  it('refuses an unknown unit and a year without data, in Chinese, changing nothing', async () => {
    const before = snapshot(b);
    await expect(b.invoke('report.draft', { year: 2017, scope: { unitCode: 'NOPE', subtree: false } })).rejects.toThrow('单位代码 NOPE 不在单位名录中');
    await expect(b.invoke('report.draft', { templateId: 'suining-2017', year: 2016, scope: { subtree: true } })).rejects.toThrow(
      '遂宁市人民政府（SN）及其下级单位在2016年没有“政务公开月度台账（2017年遂宁口径）”的数据，无法生成年报草稿',
    );
    await expect(b.invoke('report.docx', { templateId: 'nope', year: 2017, scope: { subtree: false } })).rejects.toThrow('没有编号为 nope 的报表模板');
    expect(snapshot(b)).toBe(before);
  });
});

describe('report.docx', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    const r = await b.invoke('report.docx', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } });
    expect(r.fileName).toBe('遂宁市2017年政府信息公开工作年度报告（含下级单位，草稿）.docx');
    dir = fs.mkdtempSync(path.join(b.dir, 'docx-'));
    file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
  });

  it("holds the 2017 format's own headings, the paragraphs, the placeholders and the tables", () => {
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const plain = xml.replace(/<[^>]+>/g, '');
    for (const h of ['一、概述', '二、主动公开政府信息情况', '三、政府信息依申请公开情况', '四、政府信息公开收费及减免情况', '五、因政府信息公开申请行政复议、提起行政诉讼情况', '六、存在的问题', '七、改进措施']) {
      expect(plain).toContain(h);
    }
    expect(plain).toContain('2017年，我市主动公开政府信息76891条（重点信息公开11764条）');
    expect(plain).toContain('【请在此填写存在的问题。】');
    expect(plain).toContain('四、政府信息公开收费及减免情况全市政府信息公开未收取任何费用。');
    expect(plain).not.toContain('一、总体情况');
    expect(xml.match(/<w:tbl>/g)?.length).toBe(6);
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  it('national tables keep their merged headers and a broken rule is noted under its table', async () => {
    const db = b.ctx.store.db;
    const unit = db.prepare("SELECT id FROM units WHERE code = 'SN'").get() as { id: number };
    const put = (indicator: string, col: string, value: number) => ({ unitId: unit.id, templateId: 'national-2021', year: 2021, month: 12, indicator, col, value });
    applyChanges(
      db,
      [
        put('t3.new', 'natural', 5),
        put('t3.new', 'total', 5),
        put('t3.disclosed', 'natural', 4),
        put('t3.disclosed', 'total', 4),
        put('t3.handled_total', 'natural', 4),
        put('t3.handled_total', 'total', 4),
      ],
      { operator: '测试', source: 'entry' },
    );
    const r = await b.invoke('report.docx', { templateId: 'national-2021', year: 2021, scope: { subtree: false } });
    const natFile = path.join(dir, 'national.docx');
    fs.writeFileSync(natFile, Buffer.from(r.base64, 'base64'));
    const xml = execFileSync('unzip', ['-p', natFile, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('申请人情况');
    // Explained once, after the paragraph that first prints the figures: 自然人 and 总计 columns, one note each.
    expect(plain).toMatch(/【本段数字涉及未通过的勾稽关系】[^【]*5 ≠ 4/);
    expect(plain.split('一、本年新收加二、上年结转 ≠').length - 1).toBe(2);
    expect(plain).toContain('2021年，我市新收政府信息公开申请5件。');
  });
});
