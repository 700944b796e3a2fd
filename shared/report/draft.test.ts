import { describe, expect, it } from 'vitest';
import { buildDraft, type DraftInput } from './draft';
import { gridMatrix } from './grids';
import { factsOf, unexplainedViolations } from './model';
import { national2021Figures, nationalTemplate, suining2017Figures, suiningTemplate } from './testData';
import { numbersInText, traceNumbers } from './traceNumbers';
import { voiceFor } from './voice';

const city = { code: 'SN', name: '遂宁市人民政府', kind: '市' };

function suiningDraft(over: Partial<DraftInput> = {}) {
  return buildDraft({ template: suiningTemplate, unit: city, level: true, year: 2017, figures: suining2017Figures(), previous: new Map(), ...over });
}

const para = (d: ReturnType<typeof buildDraft>, id: string) => d.paragraphs.find((p) => p.id === id)?.text;

describe('narrative of the 2017 Suining figures', () => {
  const draft = suiningDraft();

  it('reproduces the published category sentence (shares with two decimals)', () => {
    expect(para(draft, 'categories')).toBe(
      '2017年，我市主动公开政府信息76891条（重点信息公开11764条）。其中，概况信息1876条，占2.44%；计划总结信息7065条，占9.19%；' +
        '规范性文件信息81条，占0.10%；工作动态信息42373条，占55.11%；人事信息1625条，占2.11%；财政信息1758条，占2.29%；' +
        '行政执法信息4668条，占6.07%；其他信息17445条，占22.69%。',
    );
  });

  it('writes requests, fees, reviews, training and key areas like the report', () => {
    expect(para(draft, 'requests')).toBe('全市共受理依申请公开政府信息38件，均按时办结。');
    expect(para(draft, 'fees')).toBe('全市政府信息公开未收取任何费用。');
    expect(para(draft, 'reviews')).toBe('全市共受理行政复议案件4件，行政诉讼案件2件。');
    expect(para(draft, 'training')).toContain('我市共举办各种培训12次，培训1624人次。');
    expect(para(draft, 'training')).toContain('走访了28个市直部门，7个县区(园区)，17个乡镇和23个村(社区)');
    expect(para(draft, 'cumulative')).toContain('累计主动公开政府信息516084条');
    expect(para(draft, 'response')).toBe('全市解读政策86篇；召开新闻发布会36次；开展在线访谈及电视电台节目48期。');
    const growth = draft.paragraphs.find((p) => p.text.startsWith('围绕“稳增长”'))!;
    expect(growth.text).toContain('减税降费政策措施233条');
    expect(growth.text).toContain('公共资源交易1212条');
  });

  it('gives each key-area item its own verb, as the report does, and no stray space', () => {
    const growth = draft.paragraphs.find((p) => p.text.startsWith('围绕“稳增长”'))!.text;
    expect(growth).toMatch(/^围绕“稳增长”，全市开展解读28次、发布解读重要指标数据308次、公开减税降费政策措施233条、降低要素成本政策措施57条/);
    expect(growth).not.toContain('公开重要政策解读');
    expect(growth).toContain('PPP项目79条');
    expect(draft.paragraphs.map((p) => p.text).join('')).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]|[A-Za-z] [\u4e00-\u9fff]/);
    const reform = draft.paragraphs.find((p) => p.text.startsWith('围绕“促改革”'))!.text;
    expect(reform).toMatch(/^围绕“促改革”，全市公开废止政策文件6件、失效政策文件55件/);
  });

  it("explains each broken rule once per report, where the reader first meets it", () => {
    // The key-area gap (11764 vs 8048) touches the category paragraph and every key-area paragraph.
    expect(draft.violations.map((v) => v.checkId)).toEqual(['key.items_gap']);
    const touched = draft.paragraphs.filter((p) => p.violations.includes('key.items_gap'));
    expect(touched.length).toBeGreaterThan(5);
    const explaining = [...draft.paragraphs.filter((p) => p.explains.includes('key.items_gap')).map((p) => p.id), ...draft.tables.filter((t) => t.violations.length > 0).map((t) => t.id)];
    expect(explaining).toEqual(['categories']);
    expect(unexplainedViolations(draft)).toEqual([]);
    // The tables still flag the cells involved.
    expect(draft.tables.find((t) => t.id === 'key')!.rows.flat().some((c) => c.flagged)).toBe(true);
  });

  it('prints no number that is not a table cell, sum or share', () => {
    expect(draft.paragraphs.length).toBeGreaterThan(8);
    expect(traceNumbers(draft)).toEqual([]);
    const all = draft.paragraphs.flatMap((p) => numbersInText(p.text));
    for (const n of [76891, 11764, 1876, 2.44, 81, 0.1, 17445, 22.69, 38, 4, 2, 12, 1624]) expect(all).toContain(n);
  });

  it('states no share when the stated total disagrees with the categories, and notes rounding', () => {
    const broken = suining2017Figures();
    broken.set('pub.total', 76_900);
    const text = para(suiningDraft({ figures: broken }), 'categories')!;
    expect(text).toContain('概况信息1876条；');
    expect(text).not.toContain('占');
    const thirds = new Map([
      ['pub.total', 3],
      ['pub.cat.overview', 1],
      ['pub.cat.plans', 1],
      ['pub.cat.work', 1],
    ]);
    const note = para(suiningDraft({ figures: thirds }), 'categories')!;
    expect(note).toContain('概况信息1条，占33.33%；计划总结信息1条，占33.33%；工作动态信息1条，占33.33%（因四舍五入，合计可能不等于100%）。');
  });

  it('catches a number that does not match its table', () => {
    const broken = suiningDraft();
    const p = broken.paragraphs.find((x) => x.id === 'categories')!;
    p.text = p.text.replace('1876', '1867');
    expect(traceNumbers(broken).map((m) => m.paragraph)).toEqual(['categories']);
    const tampered = suiningDraft();
    const cell = tampered.tables[0].rows.flat().find((c) => c.ref === 'pub.cat.overview')!;
    cell.value = 1000;
    expect(traceNumbers(tampered).some((m) => m.problem.startsWith('1876 '))).toBe(true);
  });
});

describe('phrasing and missing data', () => {
  it('speaks as the unit kind', () => {
    expect(voiceFor({ name: '遂宁市人民政府', kind: '市' }, true)).toEqual({ we: '我市', all: '全市' });
    expect(voiceFor({ name: '射洪县人民政府', kind: '县区' }, false).we).toBe('我县');
    expect(voiceFor({ name: '船山区', kind: '县区' }, false)).toEqual({ we: '我区', all: '全区' });
    expect(voiceFor({ name: '市财政局', kind: '部门' }, false).we).toBe('本机关');
    expect(voiceFor({ name: '市财政局', kind: '部门' }, true).we).toBe('本系统');
    const county = suiningDraft({ unit: { code: 'CS', name: '船山区', kind: '县区' } });
    expect(para(county, 'categories')).toMatch(/^2017年，我区主动公开政府信息76891条/);
    expect(para(county, 'fees')).toBe('全区政府信息公开未收取任何费用。');
    const dept = suiningDraft({ unit: { code: 'CZ', name: '市财政局', kind: '部门' }, level: false });
    expect(para(dept, 'requests')).toBe('本机关共受理依申请公开政府信息38件，均按时办结。');
  });

  it('leaves out zero categories and zero parts instead of printing 0', () => {
    const f = suining2017Figures();
    f.set('pub.cat.normative', 0);
    f.set('pub.key', 0);
    f.set('review.litigation', 0);
    f.set('req.on_time', 30);
    f.set('fee.charged', 25.5);
    f.set('fee.waived', 0);
    const d = suiningDraft({ figures: f });
    expect(para(d, 'categories')).not.toContain('规范性文件信息');
    expect(para(d, 'categories')).not.toContain('重点信息公开');
    expect(para(d, 'reviews')).toBe('全市共受理行政复议案件4件。');
    expect(para(d, 'requests')).toBe('全市共受理依申请公开政府信息38件，按时办结30件。');
    expect(para(d, 'fees')).toBe('全市政府信息公开收取费用25.50元。');
    for (const p of d.paragraphs) expect(p.text).not.toMatch(/(^|[^\d.])0(条|件|次|元|篇|期|人次)/);
    expect(traceNumbers(d)).toEqual([]);
  });

  it('says "none" only when the figures say zero, and omits sections with no data', () => {
    const zeros = new Map([
      ['review.reconsideration', 0],
      ['review.litigation', 0],
      ['req.received', 0],
      ['pub.total', 0],
    ]);
    const d = suiningDraft({ figures: zeros });
    expect(para(d, 'reviews')).toBe('全市未发生因政府信息公开申请行政复议、提起行政诉讼的情况。');
    expect(para(d, 'requests')).toBe('全市本年未收到政府信息公开申请。');
    expect(para(d, 'categories')).toBe('2017年，我市未主动公开政府信息。');
    expect(para(d, 'fees')).toBeUndefined();
    expect(para(d, 'training')).toBeUndefined();
    const empty = suiningDraft({ figures: new Map() });
    expect(empty.paragraphs).toEqual([]);
    expect(empty.tables.length).toBe(6);
    // 一、概述, 六、存在的问题, 七、改进措施 of the 2017 outline.
    expect(empty.placeholders.map((p) => p.section)).toEqual(['1', '6', '7']);
  });

  it('shows a broken rule on its table and flags its cells', () => {
    const f = suining2017Figures();
    f.set('pub.total', 76000);
    const d = suiningDraft({ figures: f });
    const pub = d.tables.find((t) => t.id === 'pub')!;
    // Explained by the paragraph that prints 76000 first; the table flags the cells.
    expect(pub.violations.map((v) => v.ruleId)).not.toContain('pub.categories_sum');
    expect(pub.rows.flat().find((c) => c.ref === 'pub.total')?.flagged).toBe(true);
    expect(d.paragraphs.find((p) => p.id === 'categories')?.violations).toContain('pub.categories_sum');
    expect(d.paragraphs.find((p) => p.id === 'categories')?.explains).toContain('pub.categories_sum');
    expect(d.paragraphs.find((p) => p.id === 'requests')?.violations).toEqual([]);
    expect(suiningDraft().tables.find((t) => t.id === 'pub')!.violations.filter((v) => v.severity === 'error')).toEqual([]);
  });
});

describe('other templates', () => {
  it('get the category sentence and every section as a table', () => {
    const custom = { ...suiningTemplate, id: 'custom-2030', name: '自定义口径', reportPlan: undefined, reportOutline: undefined };
    const d = suiningDraft({ template: custom });
    expect(d.paragraphs.map((p) => p.id)).toEqual(['categories']);
    expect(para(d, 'categories')).toMatch(/^2017年，我市主动公开政府信息76891条。其中，概况信息1876条，占2.44%；/);
    expect(d.tables.map((t) => t.title)).toEqual(custom.sections.map((s, i) => `附表${'一二三四五六'[i]} ${s.title}`));
    expect(traceNumbers(d)).toEqual([]);
  });
});

describe('national 2021 report', () => {
  const { current, previous } = national2021Figures();
  const unit = { code: 'SN', name: '遂宁市人民政府', kind: '市' };
  const draft = buildDraft({ template: nationalTemplate, unit, level: true, year: 2021, figures: current, previous });

  it('fills tables 二, 三 and 四 in the official layout', () => {
    expect(draft.tables.map((t) => t.id)).toEqual(['t2', 't3', 't4']);
    const t2 = gridMatrix(draft.tables[0]);
    expect(t2[0][0]).toBe('第二十条第（一）项');
    expect(t2[1]).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(t2[2]).toEqual(['规章', '2', '1', '35']);
    expect(t2.find((r) => r[0] === '行政事业性收费')).toEqual(['行政事业性收费', '1234.5600', '', '']);
    const t3 = draft.tables[1];
    expect(t3.width).toBe(10);
    expect(t3.rows[0][0]).toMatchObject({ colSpan: 3, rowSpan: 3 });
    expect(t3.rows[0][1]).toMatchObject({ text: '申请人情况', colSpan: 7 });
    expect(t3.rows[1].map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ['自然人', 1, 2],
      ['法人或其他组织', 5, 1],
      ['总计', 1, 2],
    ]);
    const m3 = gridMatrix(t3);
    const withheld = m3.findIndex((r) => r[1] === '（三）不予公开');
    expect(m3[withheld][2]).toBe('1.属于国家秘密');
    expect(m3[withheld + 1][1]).toBe('');
    const outcomes = t3.rows.find((r) => r[0].text === '三、本年度办理结果')!;
    expect(outcomes[0].rowSpan).toBe(22);
    const t4 = gridMatrix(draft.tables[2]);
    expect(t4[0][0]).toBe('行政复议');
    expect(t4[3]).toEqual(['3', '1', '0', '1', '5', '2', '0', '1', '0', '3', '1', '0', '0', '0', '1']);
    expect(draft.violations).toEqual([]);
  });

  it('writes the text from the same figures', () => {
    expect(para(draft, 'received')).toBe('2021年，我市新收政府信息公开申请148件，上年结转6件。新收申请中，自然人提出120件，法人或其他组织提出28件。');
    expect(para(draft, 'outcomes')).toContain('予以公开76件，占53.90%');
    expect(para(draft, 'outcomes')).toContain('结转下年度继续办理13件。');
    expect(para(draft, 'reviews')).toBe(
      '2021年，我市因政府信息公开被申请行政复议5件（结果维持3件、结果纠正1件、尚未审结1件）；被提起行政诉讼4件，其中未经复议直接起诉3件、复议后起诉1件。',
    );
    expect(traceNumbers(draft)).toEqual([]);
    const shares = draft.paragraphs.flatMap(factsOf).filter((f) => f.kind === 'share');
    expect(shares.reduce((s, f) => s + (f.kind === 'share' ? f.basisPoints : 0), 0)).toBe(10_000);
  });

  it('shows broken 勾稽 rules, including the cross-year ones', () => {
    const bad = new Map(current);
    bad.set('t3.handled_total:total', 140);
    const d = buildDraft({ template: nationalTemplate, unit, level: true, year: 2021, figures: bad, previous: new Map([...previous, ['t2.rules:in_force', 30]]) });
    const ids = d.violations.map((v) => v.checkId);
    expect(ids).toContain('t3.items_total@total');
    expect(ids).toContain('t2.in_force@t2.rules');
    // Each explained once: by a paragraph printing its cells, else under its table.
    const places = (id: string) => d.paragraphs.filter((p) => p.explains.includes(id)).length + d.tables.filter((t) => t.violations.some((v) => v.checkId === id)).length;
    for (const id of ids) expect(places(id), id).toBe(1);
    expect(d.tables.find((t) => t.id === 't3')!.rows.flat().some((c) => c.flagged)).toBe(true);
  });
});
