import { describe, expect, it } from 'vitest';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import demoTotals from '../../resources/demo/suining-2017-totals.json';
import { parseTemplate } from '../template/validate';
import type { RuleScope, Template } from '../template/schema';
import { evaluateRules, type RuleContext, type Violation } from './evaluate';
import { templateChecks } from './expand';

type Values = Record<string, number>;

function run(template: Template, scope: RuleScope, current: Values, previous: Values = {}, context: RuleContext = {}): Violation[] {
  return evaluateRules(template, scope, (ref, year) => (year === 'current' ? current : previous)[ref], context);
}

const without = (values: Values, ref: string): Values =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k !== ref));
const ids = (vs: Violation[]) => vs.map((v) => v.checkId).sort();
const errors = (vs: Violation[]) => vs.filter((v) => v.severity === 'error');
const find = (vs: Violation[], checkId: string) => {
  const v = vs.find((x) => x.checkId === checkId);
  expect(v, `violation ${checkId} in ${ids(vs).join(', ')}`).toBeDefined();
  return v!;
};

// ---------------------------------------------------------------------------
// suining-2017: the real 2017 totals
// ---------------------------------------------------------------------------

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const real: Values = demoTotals.totals;
const with2017 = (patch: Values) => ({ ...real, ...patch });

describe('suining-2017 rules on the real 2017 totals', () => {
  it('raises no error for the year, only the key-area gap warning (11764 vs 8048)', () => {
    const vs = run(suining, 'year', real);
    expect(errors(vs)).toEqual([]);
    expect(ids(vs)).toEqual(['key.items_gap']);
    const v = vs[0];
    expect(v.severity).toBe('warning');
    expect(v.left).toBe(11764);
    expect(v.right).toBe(8048);
    expect(v.message).toContain('11764 > 8048');
    expect(v.message).toContain('差额须在说明中解释');
    expect(v.refs).toContain('pub.key');
    expect(v.refs).toContain('key.livelihood.food_drug_penalties');
    expect(v.refs).not.toContain('key.growth.policy_interpretation'); // 次, not 条
  });

  it('raises no error when the same figures are checked as one month', () => {
    expect(errors(run(suining, 'month', real))).toEqual([]);
  });

  it('主动公开总数 = 八类信息之和 (error)', () => {
    const vs = run(suining, 'year', with2017({ 'pub.cat.work': 42374 }));
    expect(ids(errors(vs))).toEqual(['pub.categories_sum']);
    const v = find(vs, 'pub.categories_sum');
    expect(v.severity).toBe('error');
    expect(v.message).toContain('主动公开政府信息总数 ≠ 八类信息之和：76891 ≠ 76892');
    expect(v.refs).toContain('pub.cat.work');
  });

  it('catches a missing category too (an empty cell is not a zero, but the sum still misses it)', () => {
    const vs = run(suining, 'year', without(real, 'pub.cat.other'));
    expect(find(vs, 'pub.categories_sum').message).toContain('76891 ≠ 59446');
  });

  it('重点信息公开 ≤ 总数 (error)', () => {
    const vs = run(suining, 'year', with2017({ 'pub.key': 80000 }));
    expect(ids(errors(vs))).toEqual(['pub.key_le_total']);
    expect(find(vs, 'pub.key_le_total').message).toBe('其中：重点信息公开多于主动公开政府信息总数：80000 > 76891');
  });

  it('重点信息公开 ≥ 重点领域分项之和 (warning)', () => {
    const vs = run(suining, 'year', with2017({ 'pub.key': 8000 }));
    expect(errors(vs)).toEqual([]);
    expect(ids(vs)).toEqual(['key.items_le_key']);
    const v = vs[0];
    expect(v.severity).toBe('warning');
    expect(v.message).toContain('8000 < 8048');
    expect(v.message).toContain('解释差额');
  });

  it('no key-area warning when the items add up exactly', () => {
    const vs = run(suining, 'year', with2017({ 'pub.key': 8048 }));
    expect(vs).toEqual([]);
  });

  it('按时办结 ≤ 受理 (error)', () => {
    const vs = run(suining, 'year', with2017({ 'req.on_time': 39 }));
    expect(ids(errors(vs))).toEqual(['req.on_time_le_received']);
    expect(find(vs, 'req.on_time_le_received').message).toBe('按时办结多于受理依申请公开：39 > 38');
    expect(ids(errors(run(suining, 'month', { 'req.received': 3, 'req.on_time': 4 })))).toEqual([
      'req.on_time_le_received',
    ]);
  });

  it('累计主动公开 ≥ 本年总数 (warning, year only)', () => {
    const bad = with2017({ 'pub.cumulative': 70000 });
    const vs = run(suining, 'year', bad);
    expect(errors(vs)).toEqual([]);
    const v = find(vs, 'pub.cumulative_ge_total');
    expect(v.severity).toBe('warning');
    expect(v.message).toContain('累计主动公开政府信息少于本年主动公开政府信息总数：70000 < 76891');
    expect(ids(run(suining, 'month', bad))).not.toContain('pub.cumulative_ge_total');
  });

  it('skips rules whose cells are all empty', () => {
    expect(run(suining, 'month', {})).toEqual([]);
    expect(run(suining, 'month', { 'resp.interpretations': 5 })).toEqual([]);
  });

  it('every suining rule is exercised above', () => {
    expect(suining.rules.map((r) => r.id).sort()).toEqual(
      [
        'pub.categories_sum',
        'pub.key_le_total',
        'key.items_le_key',
        'key.items_gap',
        'req.on_time_le_received',
        'pub.cumulative_ge_total',
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------
// national-2021: a small hand-made consistent year
// ---------------------------------------------------------------------------

const national = parseTemplate(nationalJson, 'national-2021.json');

const T3_COLS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other', 'total'];
//                                   自然人 商业 科研 公益 法律 其他 总计
const T3: Record<string, number[]> = {
  't3.new':                        [30, 5, 1, 1, 2, 1, 40],
  't3.carried_in':                 [3, 1, 0, 0, 0, 0, 4],
  't3.disclosed':                  [12, 2, 1, 0, 1, 0, 16],
  't3.partial':                    [3, 1, 0, 0, 0, 0, 4],
  't3.withheld.state_secret':      [1, 0, 0, 0, 0, 0, 1],
  't3.withheld.prohibited':        [0, 0, 0, 0, 0, 0, 0],
  't3.withheld.security':          [0, 0, 0, 0, 0, 0, 0],
  't3.withheld.third_party':       [1, 0, 0, 0, 0, 0, 1],
  't3.withheld.internal':          [0, 0, 0, 0, 0, 0, 0],
  't3.withheld.process':           [1, 0, 0, 0, 0, 0, 1],
  't3.withheld.enforcement_file':  [0, 0, 0, 0, 0, 0, 0],
  't3.withheld.inquiry':           [0, 0, 0, 0, 0, 0, 0],
  't3.unable.not_held':            [6, 1, 0, 1, 0, 0, 8],
  't3.unable.needs_creation':      [1, 0, 0, 0, 0, 0, 1],
  't3.unable.unclear':             [1, 0, 0, 0, 0, 0, 1],
  't3.rejected.petition':          [2, 0, 0, 0, 0, 0, 2],
  't3.rejected.repeated':          [1, 0, 0, 0, 0, 0, 1],
  't3.rejected.publication':       [0, 0, 0, 0, 0, 0, 0],
  't3.rejected.mass_repeated':     [0, 0, 0, 0, 0, 0, 0],
  't3.rejected.confirmation':      [0, 0, 0, 0, 0, 0, 0],
  't3.other.no_correction':        [1, 0, 0, 0, 0, 0, 1],
  't3.other.unpaid_fee':           [0, 0, 0, 0, 0, 0, 0],
  't3.other.other':                [0, 0, 0, 0, 0, 1, 1],
  't3.handled_total':              [30, 4, 1, 1, 1, 1, 38],
  't3.carried_out':                [3, 2, 0, 0, 1, 0, 6],
};

const GOOD: Values = {
  't2.rules:issued': 1,
  't2.rules:repealed': 0,
  't2.rules:in_force': 12,
  't2.normative:issued': 5,
  't2.normative:repealed': 2,
  't2.normative:in_force': 40,
  't2.licensing:decisions': 1234,
  't2.penalty:decisions': 56,
  't2.coercion:decisions': 7,
  't2.fees:amount': 12.34,
  't4.cases:review_upheld': 2,
  't4.cases:review_corrected': 1,
  't4.cases:review_other': 0,
  't4.cases:review_pending': 1,
  't4.cases:review_total': 4,
  't4.cases:direct_upheld': 1,
  't4.cases:direct_corrected': 0,
  't4.cases:direct_other': 1,
  't4.cases:direct_pending': 0,
  't4.cases:direct_total': 2,
  't4.cases:after_upheld': 0,
  't4.cases:after_corrected': 0,
  't4.cases:after_other': 0,
  't4.cases:after_pending': 1,
  't4.cases:after_total': 1,
};
for (const [row, values] of Object.entries(T3)) {
  T3_COLS.forEach((col, i) => (GOOD[`${row}:${col}`] = values[i]));
}

/** Last year: its 结转下年度 is this year's 上年结转; 现行有效件数 11 and 37. */
const PREVIOUS: Values = { 't2.rules:in_force': 11, 't2.normative:in_force': 37 };
T3_COLS.forEach((col, i) => (PREVIOUS[`t3.carried_out:${col}`] = T3['t3.carried_in'][i]));

const good = (patch: Values = {}) => ({ ...GOOD, ...patch });

describe('national-2021 rules', () => {
  it('the hand-made year fills every cell of the template', () => {
    expect(Object.keys(GOOD).sort()).toEqual([...templateCellsRefs()].sort());
  });

  it('a consistent year raises nothing, for the year and as a month', () => {
    expect(run(national, 'year', GOOD, PREVIOUS)).toEqual([]);
    expect(run(national, 'month', GOOD, PREVIOUS)).toEqual([]);
  });

  it('expands the table rules per column and per row', () => {
    const checks = templateChecks(national);
    const count = (ruleId: string) => checks.filter((c) => c.ruleId === ruleId).length;
    expect(count('t3.items_total')).toBe(7);
    expect(count('t3.balance')).toBe(7);
    expect(count('t3.row_total')).toBe(25);
    expect(count('t3.carry_over')).toBe(7);
    expect(count('t2.in_force')).toBe(2);
    expect(count('t4.review_total') + count('t4.direct_total') + count('t4.after_total')).toBe(3);
  });

  it('rule 1: （七）总计 = （一）…（六）, per column', () => {
    const vs = run(national, 'month', good({ 't3.disclosed:natural': 13 }));
    // One cell is in a column (rule 1) and a row (rule 3).
    expect(ids(vs)).toEqual(['t3.items_total@natural', 't3.row_total@t3.disclosed']);
    const v = find(vs, 't3.items_total@natural');
    expect(v.severity).toBe('error');
    expect(v.message).toBe(
      '表三“自然人”列：（七）总计 ≠ （一）予以公开、（二）部分公开及（三）至（六）各项之和：30 ≠ 31',
    );
    expect(v.refs).toContain('t3.withheld.inquiry:natural');
  });

  it('rule 1 holds in the total column when a row total is mistyped', () => {
    const vs = run(national, 'year', good({ 't3.withheld.state_secret:total': 2 }), PREVIOUS);
    expect(ids(vs)).toEqual(['t3.items_total@total', 't3.row_total@t3.withheld.state_secret']);
    expect(find(vs, 't3.items_total@total').message).toContain('表三“总计”列');
    expect(find(vs, 't3.items_total@total').message).toContain('38 ≠ 39');
  });

  it('rule 2: 新收 + 上年结转 = 办理总计 + 结转下年度, per column, year only', () => {
    const bad = good({ 't3.carried_out:commercial': 3, 't3.carried_out:total': 7 });
    const vs = run(national, 'year', bad, PREVIOUS);
    expect(ids(vs)).toEqual(['t3.balance@commercial', 't3.balance@total']);
    const v = find(vs, 't3.balance@commercial');
    expect(v.severity).toBe('error');
    expect(v.message).toBe(
      '表三“商业企业”列：一、本年新收加二、上年结转 ≠ （七）总计加四、结转下年度继续办理：6 ≠ 7',
    );
    expect(find(vs, 't3.balance@total').message).toContain('44 ≠ 45');
    // A month's figures have no opening/closing balance to compare.
    expect(run(national, 'month', bad)).toEqual([]);
  });

  it('rule 3: 总计 = 六类申请人之和, per row', () => {
    const vs = run(national, 'month', good({ 't3.new:total': 41 }));
    expect(ids(vs)).toEqual(['t3.row_total@t3.new']);
    const v = vs[0];
    expect(v.severity).toBe('error');
    expect(v.message).toBe(
      '表三“一、本年新收政府信息公开申请数量”行：总计 ≠ 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和：41 ≠ 40',
    );
    // The same slip in the year also unbalances the total column (rule 2).
    expect(ids(run(national, 'year', good({ 't3.new:total': 41 }), PREVIOUS))).toEqual([
      't3.balance@total',
      't3.row_total@t3.new',
    ]);
  });

  it('rule 3 names the long row labels verbatim', () => {
    const vs = run(national, 'month', good({ 't3.partial:research': 1 }));
    expect(find(vs, 't3.row_total@t3.partial').message).toContain(
      '表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行',
    );
  });

  it('rule 4: 表四 each group 总计 = 维持 + 纠正 + 其他 + 尚未审结', () => {
    const cases: [string, Values, string][] = [
      ['t4.review_total', { 't4.cases:review_total': 5 }, '表四行政复议：总计 ≠ 结果维持、结果纠正、其他结果、尚未审结之和：5 ≠ 4'],
      [
        't4.direct_total',
        { 't4.cases:direct_other': 2 },
        '表四行政诉讼（未经复议直接起诉）：总计 ≠ 结果维持、结果纠正、其他结果、尚未审结之和：2 ≠ 3',
      ],
      [
        't4.after_total',
        { 't4.cases:after_total': 0 },
        '表四行政诉讼（复议后起诉）：总计 ≠ 结果维持、结果纠正、其他结果、尚未审结之和：0 ≠ 1',
      ],
    ];
    for (const [id, patch, message] of cases) {
      const vs = run(national, 'month', good(patch));
      expect(ids(vs)).toEqual([id]);
      expect(vs[0].severity).toBe('error');
      expect(vs[0].message).toBe(message);
    }
  });

  it('rule 5: 本年上年结转 = 上年结转下年度, per column (warning, year, needs both years)', () => {
    const prev = { ...PREVIOUS, 't3.carried_out:natural': 4, 't3.carried_out:total': 5 };
    const vs = run(national, 'year', GOOD, prev);
    expect(ids(vs)).toEqual(['t3.carry_over@natural', 't3.carry_over@total']);
    const v = find(vs, 't3.carry_over@natural');
    expect(v.severity).toBe('warning');
    expect(v.message).toBe(
      '表三“自然人”列：本年二、上年结转政府信息公开申请数量 ≠ 上年四、结转下年度继续办理：3 ≠ 4',
    );
    // Only this year's cells are marked in the grid.
    expect(v.refs).toEqual(['t3.carried_in:natural']);
    expect(run(national, 'month', GOOD, prev)).toEqual([]);
  });

  it('rules 5 and 6 are skipped without last year’s figures (requireAll)', () => {
    expect(run(national, 'year', GOOD, {})).toEqual([]);
    const partial = without(PREVIOUS, 't3.carried_out:research');
    expect(run(national, 'year', good({ 't3.carried_in:research': 9 }), partial).map((v) => v.checkId)).not.toContain(
      't3.carry_over@research',
    );
  });

  it('rule 6: 现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止 (warning)', () => {
    const vs = run(national, 'year', good({ 't2.normative:in_force': 41 }), PREVIOUS);
    expect(ids(vs)).toEqual(['t2.in_force@t2.normative']);
    const v = vs[0];
    expect(v.severity).toBe('warning');
    expect(v.message).toContain('第二十条第（一）项“行政规范性文件”：现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数：41 ≠ 40');
    expect(v.left).toBe(41);
    expect(v.right).toBe(40);
  });

  it('lists errors before warnings', () => {
    const vs = run(
      national,
      'year',
      good({ 't2.rules:in_force': 99, 't4.cases:review_total': 9 }),
      PREVIOUS,
    );
    expect(vs.map((v) => v.severity)).toEqual(['error', 'warning']);
    expect(vs.map((v) => v.checkId)).toEqual(['t4.review_total', 't2.in_force@t2.rules']);
  });
});

describe('evaluate arithmetic', () => {
  it('compares amounts in hundredths, without floating-point noise', () => {
    const t = parseTemplate(
      {
        id: 'amounts',
        version: 1,
        name: '金额',
        sections: [
          {
            kind: 'list',
            code: 'f',
            title: '费用',
            groups: [
              {
                title: '费用',
                indicators: [
                  { code: 'f.total', name: '合计', measure: '万元', valueKind: 'amount' },
                  { code: 'f.a', name: '甲', measure: '万元', valueKind: 'amount' },
                  { code: 'f.b', name: '乙', measure: '万元', valueKind: 'amount' },
                ],
              },
            ],
          },
        ],
        rules: [
          { id: 'f.sum', severity: 'error', left: ['f.total'], op: '=', right: ['f.a', 'f.b'], message: '合计 {op} 甲 + 乙：{left} {op} {right}' },
        ],
      },
      'amounts',
    );
    expect(run(t, 'month', { 'f.total': 0.3, 'f.a': 0.1, 'f.b': 0.2 })).toEqual([]);
    const vs = run(t, 'month', { 'f.total': 0.3, 'f.a': 0.1, 'f.b': 0.21 });
    expect(vs[0].message).toBe('合计 ≠ 甲 + 乙：0.30 ≠ 0.31');
    expect(vs[0].right).toBe(0.31);
  });
});

function templateCellsRefs(): string[] {
  const refs: string[] = [];
  for (const s of national.sections) {
    if (s.kind !== 'table') continue;
    for (const r of s.rows) if (r.code) for (const c of s.columns) refs.push(`${r.code}:${c.code}`);
  }
  return refs;
}

// ---------------------------------------------------------------------------
// who is checked, who reads, and a completed year's blanks
// ---------------------------------------------------------------------------

describe('rule context', () => {
  it('warns when a county, town or street reports 规章, never a city or an unknown unit', () => {
    const rules = { 't2.rules:issued': 2, 't2.normative:issued': 5 };
    for (const kind of ['县区', '乡镇', '街道']) {
      const v = find(run(national, 'month', rules, {}, { unitKind: kind }), 't2.rules_without_power');
      expect(v.severity).toBe('warning');
      expect(v.message).toContain('合计2件');
      expect(v.message).toContain('行政规范性文件');
    }
    expect(ids(run(national, 'month', rules, {}, { unitKind: '市' }))).not.toContain('t2.rules_without_power');
    expect(ids(run(national, 'month', rules))).not.toContain('t2.rules_without_power');
    // A county with no 规章 is fine, whether it wrote 0 or nothing.
    expect(ids(run(national, 'year', { 't2.rules:issued': 0, 't2.normative:issued': 5 }, {}, { unitKind: '县区' }))).not.toContain('t2.rules_without_power');
    expect(ids(run(national, 'year', { 't2.normative:issued': 5 }, {}, { unitKind: '县区' }))).not.toContain('t2.rules_without_power');
  });

  it("adds the office's advice to check the lead departments only for an office", () => {
    const clerk = find(run(suining, 'year', real, {}, { audience: 'filer' }), 'key.items_gap').message;
    const fallback = find(run(suining, 'year', real), 'key.items_gap').message;
    const office = find(run(suining, 'year', real, {}, { audience: 'aggregator' }), 'key.items_gap').message;
    expect(clerk).toContain('差额须在说明中解释');
    expect(clerk).not.toContain('牵头部门');
    expect(fallback).toBe(clerk);
    expect(office).toBe(`${clerk}请核实各牵头部门上报的重点领域数据是否真实。`);
  });

  it('counts a blank of a completed year as 0 instead of skipping the rule', () => {
    const previous = { 't3.carried_out:natural': 3 };
    const current = { 't3.new:natural': 4, 't3.total:natural': 4 };
    // Open year: a blank 上年结转 may yet be entered, so the cross-year rule waits.
    expect(ids(run(national, 'year', current, previous))).not.toContain('t3.carry_over@natural');
    const v = find(run(national, 'year', current, previous, { blanksAreZero: true }), 't3.carry_over@natural');
    expect(v.left).toBe(0);
    expect(v.right).toBe(3);
    // A previous year never entered is no zero.
    expect(ids(run(national, 'year', current, {}, { blanksAreZero: true }))).not.toContain('t3.carry_over@natural');
  });
});
