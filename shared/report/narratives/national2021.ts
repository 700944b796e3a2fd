/**
 * The report of the national 2021 format: sentences over tables 二, 三, 四,
 * each number a cell (or a sum, or a share) of those tables.
 */
import { ROUNDING_NOTE } from '../../charts/shares';
import { findTable } from '../../template/cells';
import { joinList, nonzero, seg } from '../facts';
import type { Segment } from '../model';
import { allZero } from './listItems';
import type { NarrativeInput, NarrativePlan, PlannedParagraph } from './types';

function normative({ facts, voice }: NarrativeInput): Segment[] | null {
  const table = findTable(facts.template, 't2_1');
  if (!table) return null;
  const verbs: Record<string, string> = { issued: '制发', repealed: '废止', in_force: '现行有效' };
  const rows: Segment[][] = [];
  for (const row of table.rows) {
    if (!row.code) continue;
    const parts: Segment[][] = [];
    for (const col of table.columns) {
      const ref = `${row.code}:${col.code}`;
      const f = facts.cell(ref);
      if (!nonzero(f)) continue;
      parts.push(seg(verbs[col.code] ?? col.label, f, facts.measure(ref)));
    }
    if (parts.length > 0) rows.push([`${row.label}`, ...joinList(parts, '，')]);
  }
  if (rows.length === 0) return null;
  return [...seg(facts.yearFact(), `年，${voice.we}`), ...joinList(rows, '；'), '。'];
}

function decisions({ facts, voice }: NarrativeInput): Segment[] | null {
  const parts: Segment[][] = [];
  for (const code of ['t2_5', 't2_6']) {
    const table = findTable(facts.template, code);
    for (const row of table?.rows ?? []) {
      const ref = `${row.code}:decisions`;
      const f = row.code ? facts.cell(ref) : undefined;
      if (nonzero(f)) parts.push(seg(`${row.label}`, f, facts.measure(ref)));
    }
  }
  const fee = facts.cell('t2.fees:amount');
  const out: Segment[] = [];
  if (parts.length > 0) out.push(`${voice.we}本年作出处理决定：`, ...joinList(parts, '，'), '。');
  if (nonzero(fee)) out.push(...seg('本年收取行政事业性收费', fee, `${facts.measure('t2.fees:amount')}。`));
  return out.length > 0 ? out : null;
}

const OUTCOMES: { label: string; rows: string[] }[] = [
  { label: '予以公开', rows: ['t3.disclosed'] },
  { label: '部分公开', rows: ['t3.partial'] },
  {
    label: '不予公开',
    rows: ['state_secret', 'prohibited', 'security', 'third_party', 'internal', 'process', 'enforcement_file', 'inquiry'].map((r) => `t3.withheld.${r}`),
  },
  { label: '无法提供', rows: ['not_held', 'needs_creation', 'unclear'].map((r) => `t3.unable.${r}`) },
  { label: '不予处理', rows: ['petition', 'repeated', 'publication', 'mass_repeated', 'confirmation'].map((r) => `t3.rejected.${r}`) },
  { label: '其他处理', rows: ['no_correction', 'unpaid_fee', 'other'].map((r) => `t3.other.${r}`) },
];
const ORG_COLUMNS = ['commercial', 'research', 'public_welfare', 'legal_services', 'other'];

function received({ facts, voice }: NarrativeInput): Segment[] | null {
  const fresh = facts.cell('t3.new:total');
  const carried = facts.cell('t3.carried_in:total');
  if (!fresh && !carried) return null;
  const year = facts.yearFact();
  if (!nonzero(fresh) && !nonzero(carried)) return seg(year, `年，${voice.we}未收到政府信息公开申请，也没有上年结转的申请。`);
  const out = seg(year, `年，${voice.we}`);
  out.push(...(nonzero(fresh) ? seg('新收政府信息公开申请', fresh, '件') : ['本年未新收政府信息公开申请']));
  if (nonzero(carried)) out.push(...seg('，上年结转', carried, '件'));
  out.push('。');
  const natural = facts.cell('t3.new:natural');
  const orgs = facts.sum(ORG_COLUMNS.map((c) => `t3.new:${c}`));
  const who: Segment[][] = [];
  if (nonzero(natural)) who.push(seg('自然人提出', natural, '件'));
  if (nonzero(orgs)) who.push(seg('法人或其他组织提出', orgs, '件'));
  if (nonzero(fresh) && who.length > 0) out.push('新收申请中，', ...joinList(who, '，'), '。');
  return out;
}

function outcomes({ facts }: NarrativeInput): Segment[] | null {
  const groups = OUTCOMES.map((o) => o.rows.map((r) => `${r}:total`));
  const shares = facts.shares(groups, 't3.handled_total:total');
  const parts: Segment[][] = [];
  OUTCOMES.forEach((o, i) => {
    const f = facts.sum(groups[i]);
    if (nonzero(f)) parts.push(shares ? seg(o.label, f, '件，占', shares.facts[i]) : seg(o.label, f, '件'));
  });
  const total = facts.cell('t3.handled_total:total');
  const out: Segment[] = [];
  if (parts.length > 0) {
    out.push('本年度办理结果中，', ...joinList(parts, '；'));
    if (shares?.roundingNote) out.push(`（${ROUNDING_NOTE}）`);
    if (nonzero(total)) out.push(...seg('，总计', total, '件'));
    out.push('。');
  }
  const carriedOut = facts.cell('t3.carried_out:total');
  if (nonzero(carriedOut)) out.push(...seg('结转下年度继续办理', carriedOut, '件。'));
  return out.length > 0 ? out : null;
}

function reviews({ facts, voice }: NarrativeInput): Segment[] | null {
  const review = facts.cell('t4.cases:review_total');
  const direct = facts.cell('t4.cases:direct_total');
  const after = facts.cell('t4.cases:after_total');
  const lawsuits = facts.sum(['t4.cases:direct_total', 't4.cases:after_total']);
  const year = facts.yearFact();
  if (!nonzero(review) && !nonzero(lawsuits)) {
    return allZero(facts, ['t4.cases:review_total', 't4.cases:direct_total', 't4.cases:after_total'])
      ? seg(year, `年，${voice.we}未发生政府信息公开行政复议、行政诉讼案件。`)
      : null;
  }
  const out = seg(year, `年，${voice.we}`);
  if (nonzero(review)) {
    out.push(...seg('因政府信息公开被申请行政复议', review, '件'));
    const results: Segment[][] = [];
    for (const [col, label] of [
      ['review_upheld', '结果维持'],
      ['review_corrected', '结果纠正'],
      ['review_other', '其他结果'],
      ['review_pending', '尚未审结'],
    ]) {
      const f = facts.cell(`t4.cases:${col}`);
      if (nonzero(f)) results.push(seg(label, f, '件'));
    }
    if (results.length > 0) out.push('（', ...joinList(results, '、'), '）');
  } else out.push('未发生政府信息公开行政复议案件');
  if (nonzero(lawsuits)) {
    out.push(...seg('；被提起行政诉讼', lawsuits, '件'));
    const kinds: Segment[][] = [];
    if (nonzero(direct)) kinds.push(seg('未经复议直接起诉', direct, '件'));
    if (nonzero(after)) kinds.push(seg('复议后起诉', after, '件'));
    if (kinds.length > 1) out.push('，其中', ...joinList(kinds, '、'));
  } else out.push('；未发生政府信息公开行政诉讼案件');
  out.push('。');
  return out;
}

export const national2021: NarrativePlan = {
  paragraphs(input) {
    const out: PlannedParagraph[] = [];
    const add = (id: string, section: PlannedParagraph['section'], segments: Segment[] | null) => {
      if (segments) out.push({ id, section, segments });
    };
    add('normative', '2', normative(input));
    add('decisions', '2', decisions(input));
    add('received', '3', received(input));
    add('outcomes', '3', outcomes(input));
    add('reviews', '4', reviews(input));
    return out;
  },
  tables: [
    { id: 't2', section: '2', title: '二、主动公开政府信息情况', parts: ['t2_1', 't2_5', 't2_6', 't2_8'] },
    { id: 't3', section: '3', title: '三、收到和处理政府信息公开申请情况', parts: ['t3'] },
    { id: 't4', section: '4', title: '四、政府信息公开行政复议、行政诉讼情况', parts: ['t4'] },
  ],
};
