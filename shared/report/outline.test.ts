/**
 * The report's headings come from the template (reportOutline): the 2017
 * format prints the 2017 report's own sections, the national formats the
 * national ones, and every paragraph lands under the heading the published
 * report put it.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../template/validate';
import { buildDraft } from './draft';
import { narrativePlan } from './narratives';
import { outlineProblems } from './outline';
import { national2021Figures, nationalTemplate, suining2017Figures, suiningTemplate } from './testData';

/**
 * The headings of 遂宁市人民政府2017年政府信息公开工作年度报告 (2018年3月5日),
 * in print order, as the published text has them, and what each says.
 */
const SEED_2017 = [
  { title: '一、概述', says: ['全市开展调研督查3次', '举办各种培训12次'] },
  { title: '二、主动公开政府信息情况', says: ['累计主动公开政府信息516084条', '主动公开政府信息76891条', '围绕“稳增长”', '召开新闻发布会36次'] },
  { title: '三、政府信息依申请公开情况', says: ['受理依申请公开政府信息38件'] },
  { title: '四、政府信息公开收费及减免情况', says: ['政府信息公开未收取任何费用'] },
  { title: '五、因政府信息公开申请行政复议、提起行政诉讼情况', says: ['行政复议案件4件'] },
  { title: '六、存在的问题', says: [] },
  { title: '七、改进措施', says: [] },
];

const city = { code: 'SN', name: '遂宁市人民政府', kind: '市' };

describe('report outline', () => {
  const d = buildDraft({ template: suiningTemplate, unit: city, level: true, year: 2017, figures: suining2017Figures(), previous: new Map() });

  it("the 2017 draft prints the 2017 report's headings in its order", () => {
    expect(d.sections.map((s) => s.title)).toEqual(SEED_2017.map((s) => s.title));
  });

  it('each paragraph sits under the heading the 2017 report printed it under (收费 under 四, not 六)', () => {
    for (const [i, s] of SEED_2017.entries()) {
      const text = d.paragraphs.filter((p) => p.section === d.sections[i].id).map((p) => p.text).join('');
      for (const phrase of s.says) expect(text, s.title).toContain(phrase);
    }
    expect(d.sections.find((s) => s.id === d.paragraphs.find((p) => p.id === 'fees')!.section)?.title).toBe('四、政府信息公开收费及减免情况');
    expect(d.placeholders.map((p) => d.sections.find((s) => s.id === p.section)?.title)).toEqual(['一、概述', '六、存在的问题', '七、改进措施']);
  });

  it('a national-format draft keeps the national headings', () => {
    const { current, previous } = national2021Figures();
    const n = buildDraft({ template: nationalTemplate, unit: city, level: true, year: 2021, figures: current, previous });
    expect(n.sections.map((s) => s.title)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });

  it('an outline that misplaces, repeats or forgets a paragraph is refused when templates load', () => {
    const plan = narrativePlan(suiningTemplate);
    expect(outlineProblems(suiningTemplate, plan)).toEqual([]);
    const outline = suiningTemplate.reportOutline!;
    const broken = parseTemplate(
      {
        ...suiningTemplate,
        reportOutline: [
          { ...outline[0], contents: ['training', 'nonsense'] },
          ...outline.slice(1, 3),
          { ...outline[3], contents: [] },
          { ...outline[4], contents: ['reviews', 'requests'] },
          ...outline.slice(5),
        ],
      },
      'broken.json',
    );
    expect(outlineProblems(broken, plan)).toEqual([
      '报告提纲“一、概述”中的“nonsense”不是报告方案的段落或表格',
      '报告提纲中“requests”既在“三、政府信息依申请公开情况”又在“五、因政府信息公开申请行政复议、提起行政诉讼情况”',
      '报告方案的“fees”在报告提纲中没有位置',
    ]);
  });
});
