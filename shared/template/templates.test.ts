import { describe, expect, it } from 'vitest';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import demoTotals from '../../resources/demo/suining-2017-totals.json';
import { categoryCells, findCell, findTable, templateCells } from './cells';
import type { ListSection } from './schema';
import { parseTemplate, TemplateError } from './validate';

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const national = parseTemplate(nationalJson, 'national-2021.json');

describe('suining-2017 template', () => {
  it('parses with id, version and name', () => {
    expect(suining.id).toBe('suining-2017');
    expect(suining.version).toBe(1);
    expect(suining.name).toBe('政务公开月度台账（2017年遂宁口径）');
  });

  it('groups the indicators like the ledger', () => {
    expect(suining.sections.map((s) => s.title)).toEqual([
      '主动公开政府信息',
      '重点领域信息公开',
      '政策解读与回应关切',
      '依申请公开',
      '收费、复议与诉讼',
      '工作推进',
    ]);
    const key = suining.sections.find((s) => s.code === 'key') as ListSection;
    expect(key.groups.map((g) => g.title)).toEqual(['稳增长', '促改革', '调结构', '惠民生', '防风险', '建议提案']);
    expect(key.groups.map((g) => g.indicators.length)).toEqual([8, 11, 6, 12, 5, 2]);
  });

  it('has exactly the indicators of the demo totals (every ledger statistic)', () => {
    const refs = [...templateCells(suining).keys()].sort();
    expect(refs).toEqual(Object.keys(demoTotals.totals).sort());
    expect(refs).toHaveLength(71);
    expect(demoTotals.templateId).toBe(suining.id);
    expect(demoTotals.year).toBe(2017);
  });

  it('uses the ledger names and units', () => {
    const expectCell = (ref: string, label: string, measure: string) => {
      const c = findCell(suining, ref);
      expect(c, ref).toBeDefined();
      expect(c!.label).toBe(label);
      expect(c!.measure).toBe(measure);
    };
    expectCell('pub.total', '主动公开政府信息总数', '条');
    expectCell('pub.key', '其中：重点信息公开', '条');
    expectCell('key.growth.policy_interpretation', '重要政策解读', '次');
    expectCell('key.reform.repealed_documents', '废止政策文件', '件');
    expectCell('key.reform.online_services', '网上办理政务服务事项', '项');
    expectCell('key.livelihood.food_drug_penalties', '“四品一械”行政处罚案件', '条');
    expectCell('resp.interpretations', '解读政策', '篇');
    expectCell('resp.interviews', '在线访谈及电视电台节目', '期');
    expectCell('req.received', '受理依申请公开', '件');
    expectCell('req.on_time', '按时办结', '件');
    expectCell('fee.charged', '收取费用', '元');
    expectCell('fee.waived', '减免', '元');
    expectCell('review.reconsideration', '行政复议', '件');
    expectCell('review.litigation', '行政诉讼', '件');
    expectCell('work.training.attendance', '培训人次', '人次');
    expectCell('work.visits.villages', '走访村(社区)', '个');
  });

  it('has unique cell labels', () => {
    const labels = [...templateCells(suining).values()].map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('marks the eight categories for the breakdown chart, adding up to the total', () => {
    const cats = categoryCells(suining);
    expect(cats.map((c) => c.category)).toEqual([
      '概况信息',
      '计划总结信息',
      '规范性文件信息',
      '工作动态信息',
      '人事信息',
      '财政信息',
      '行政执法信息',
      '其他信息',
    ]);
    expect(cats.every((c) => c.label === c.category)).toBe(true);
    const totals = demoTotals.totals as Record<string, number>;
    expect(cats.reduce((s, c) => s + totals[c.ref], 0)).toBe(totals['pub.total']);
    // The report's printed shares (two decimals).
    const share = (ref: string) => Math.round((totals[ref] / totals['pub.total']) * 10000) / 100;
    expect(share('pub.cat.overview')).toBe(2.44);
    expect(share('pub.cat.work')).toBe(55.11);
    expect(share('pub.cat.other')).toBe(22.69);
  });

  it('rolls the stock up by last value and keeps fees as amounts', () => {
    expect(findCell(suining, 'pub.cumulative')!.rollup).toBe('last');
    expect(findCell(suining, 'pub.total')!.rollup).toBe('sum');
    expect(findCell(suining, 'fee.charged')!.valueKind).toBe('amount');
    expect(findCell(suining, 'fee.waived')!.valueKind).toBe('amount');
    const amounts = [...templateCells(suining).values()].filter((c) => c.valueKind === 'amount');
    expect(amounts.map((c) => c.ref)).toEqual(['fee.charged', 'fee.waived']);
  });

  it('key-area rules cover exactly the itemised 条 indicators (8048 in 2017)', () => {
    const itemised = [...templateCells(suining).values()].filter(
      (c) => c.sectionCode === 'key' && c.measure === '条',
    );
    const totals = demoTotals.totals as Record<string, number>;
    expect(itemised.reduce((s, c) => s + totals[c.ref], 0)).toBe(8048);
    for (const id of ['key.items_le_key', 'key.items_gap']) {
      const rule = suining.rules.find((r) => r.id === id)!;
      expect(rule.severity).toBe('warning');
      expect(rule.right.map((t) => t.ref).sort()).toEqual(itemised.map((c) => c.ref).sort());
    }
  });
});

describe('national-2021 template', () => {
  it('parses with id, version and name', () => {
    expect(national.id).toBe('national-2021');
    expect(national.version).toBe(1);
    expect(national.name).toBe('政府信息公开工作年度报告（2021年版格式）');
  });

  it('has the four small tables of section 二', () => {
    const t21 = findTable(national, 't2_1')!;
    expect(t21.title).toBe('第二十条第（一）项');
    expect(t21.cornerLabel).toBe('信息内容');
    expect(t21.rows.map((r) => r.label)).toEqual(['规章', '行政规范性文件']);
    expect(t21.columns.map((c) => c.label)).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
    expect(findCell(national, 't2.normative:in_force')!.rollup).toBe('last');
    expect(findCell(national, 't2.normative:issued')!.rollup).toBe('sum');

    const t25 = findTable(national, 't2_5')!;
    expect(t25.title).toBe('第二十条第（五）项');
    expect(t25.rows.map((r) => r.label)).toEqual(['行政许可']);
    expect(t25.columns.map((c) => c.label)).toEqual(['本年处理决定数量']);

    const t26 = findTable(national, 't2_6')!;
    expect(t26.title).toBe('第二十条第（六）项');
    expect(t26.rows.map((r) => r.label)).toEqual(['行政处罚', '行政强制']);

    const t28 = findTable(national, 't2_8')!;
    expect(t28.title).toBe('第二十条第（八）项');
    expect(t28.rows.map((r) => r.label)).toEqual(['行政事业性收费']);
    expect(t28.columns.map((c) => c.label)).toEqual(['本年收费金额（单位：万元）']);
    const fee = findCell(national, 't2.fees:amount')!;
    expect(fee.valueKind).toBe('amount');
    expect(fee.measure).toBe('万元');

    for (const t of [t21, t25, t26, t28]) expect(t.cornerLabel).toBe('信息内容');
    const countCells = [...templateCells(national).values()].filter((c) => c.ref !== 't2.fees:amount');
    expect(countCells.every((c) => c.valueKind === 'count' && c.measure === '件')).toBe(true);
  });

  it('has table 三 with 25 coded rows, 7 columns and the verbatim labels', () => {
    const t3 = findTable(national, 't3')!;
    expect(t3.title).toBe('三、收到和处理政府信息公开申请情况');
    expect(t3.cornerNote).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const coded = t3.rows.filter((r) => r.code);
    expect(coded).toHaveLength(25);
    expect(t3.columns).toHaveLength(7);
    expect(t3.columns.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(t3.columns.every((c) => c.group === '申请人情况')).toBe(true);
    expect(t3.columns.filter((c) => c.subgroup === '法人或其他组织').map((c) => c.code)).toEqual([
      'commercial',
      'research',
      'public_welfare',
      'legal_services',
      'other',
    ]);
    expect(t3.rows.filter((r) => !r.code).map((r) => r.label)).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    const labels = t3.rows.map((r) => r.label);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels[1]).toBe('二、上年结转政府信息公开申请数量');
    expect(labels).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(labels).toContain('3.危及“三安全一稳定”');
    expect(labels).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(labels).toContain('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(labels.at(-2)).toBe('（七）总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    expect(findCell(national, 't3.carried_in:natural')!.rollup).toBe('first');
    expect(findCell(national, 't3.carried_out:total')!.rollup).toBe('last');
    expect(findCell(national, 't3.new:total')!.rollup).toBe('sum');
  });

  it('has table 四 with one row of 15 columns in three groups', () => {
    const t4 = findTable(national, 't4')!;
    expect(t4.title).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(t4.rows.filter((r) => r.code)).toHaveLength(1);
    expect(t4.columns).toHaveLength(15);
    const groupOf = (c: (typeof t4.columns)[number]) => [c.group, c.subgroup ?? ''].join('/');
    expect([...new Set(t4.columns.map(groupOf))]).toEqual(['行政复议/', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉']);
    for (let g = 0; g < 3; g++) {
      expect(t4.columns.slice(g * 5, g * 5 + 5).map((c) => c.label)).toEqual([
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
      ]);
    }
  });

  it('names every cell distinctly (column groups and subgroups in the label)', () => {
    const labels = [...templateCells(national).values()].map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(findCell(national, 't4.cases:direct_upheld')!.label).toBe('案件数量 / 行政诉讼·未经复议直接起诉·结果维持');
    expect(findCell(national, 't3.new:commercial')!.label).toBe(
      '一、本年新收政府信息公开申请数量 / 申请人情况·法人或其他组织·商业企业',
    );
    expect(findCell(national, 't2.rules:issued')!.label).toBe('规章 / 本年制发件数');
  });

  it('declares rules 1–6 of the format with the right severity and scope', () => {
    const byId = new Map(national.rules.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(
      [
        't3.items_total',
        't3.balance',
        't3.row_total',
        't4.review_total',
        't4.direct_total',
        't4.after_total',
        't3.carry_over',
        't2.in_force',
        't2.rules_without_power',
      ].sort(),
    );
    // Only governments with rule-making power issue 规章.
    expect(byId.get('t2.rules_without_power')!.unitKinds).toEqual(['县区', '园区', '乡镇', '街道', '村社区']);
    for (const id of ['t3.items_total', 't3.balance', 't3.row_total', 't4.review_total', 't4.direct_total', 't4.after_total']) {
      expect(byId.get(id)!.severity, id).toBe('error');
    }
    expect(byId.get('t3.balance')!.scope).toEqual(['year']);
    expect(byId.get('t3.items_total')!.scope).toEqual(['month', 'year']);
    for (const id of ['t3.carry_over', 't2.in_force']) {
      const r = byId.get(id)!;
      expect(r.severity).toBe('warning');
      expect(r.scope).toEqual(['year']);
      expect(r.requireAll).toBe(true);
      expect(r.right.some((t) => t.year === 'previous')).toBe(true);
    }
    // Rule 1 names every item of （一）–（六）: 2 + 8 + 3 + 5 + 3.
    expect(byId.get('t3.items_total')!.right).toHaveLength(21);
  });
});

describe('parseTemplate', () => {
  it('refuses a rule that names a missing cell', () => {
    const broken = structuredClone(suiningJson) as { rules: { right: string[] }[] };
    broken.rules[0].right.push('pub.cat.nonexistent');
    expect(() => parseTemplate(broken, 'broken.json')).toThrow(TemplateError);
    expect(() => parseTemplate(broken, 'broken.json')).toThrow(/pub\.cat\.nonexistent/);
  });

  it('refuses duplicate codes', () => {
    const broken = structuredClone(nationalJson) as { sections: { rows?: { code?: string }[] }[] };
    broken.sections[0].rows![1].code = 't2.rules';
    expect(() => parseTemplate(broken, 'broken.json')).toThrow(/t2\.rules 重复/);
  });

  it('refuses an unknown measure unit', () => {
    const broken = structuredClone(suiningJson) as { sections: { groups: { indicators: { measure: string }[] }[] }[] };
    broken.sections[0].groups[0].indicators[0].measure = '个数';
    expect(() => parseTemplate(broken, 'broken.json')).toThrow(TemplateError);
  });
});
