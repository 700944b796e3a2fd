/**
 * The report of the 2017 Suining format (list sections), phrased like the
 * 2017 Suining report: 概述 (training, inspections), 主动公开 (categories,
 * key areas, interpretation), 依申请公开, 收费, 复议与诉讼.
 */
import { findCell } from '../../template/cells';
import { nonzero, seg } from '../facts';
import type { Segment } from '../model';
import { categorySentence } from './categories';
import { allZero, itemList } from './listItems';
import type { NarrativeInput, NarrativePlan, PlannedParagraph } from './types';

export function training({ facts, voice }: NarrativeInput): Segment[] | null {
  const sessions = facts.cell('work.training.sessions');
  const people = facts.cell('work.training.attendance');
  const inspections = facts.cell('work.inspections');
  const out: Segment[] = [];
  if (nonzero(inspections)) out.push(...seg(`${voice.all}开展调研督查`, inspections, `${facts.measure('work.inspections')}`));
  // 「走访了28个市直部门，7个县区(园区)…」: the figure comes before the place.
  const places = ['work.visits.departments', 'work.visits.counties', 'work.visits.towns', 'work.visits.villages']
    .map((ref) => ({ ref, f: facts.cell(ref) }))
    .filter((x) => nonzero(x.f));
  if (places.length > 0) {
    out.push(out.length > 0 ? '，走访了' : `${voice.all}走访了`);
    places.forEach((p, i) => {
      if (i > 0) out.push(i === places.length - 1 ? '和' : '，');
      const name = (findCell(facts.template, p.ref)?.label ?? '').replace(/^走访/, '');
      out.push(...seg(p.f!, `${facts.measure(p.ref)}${name}`));
    });
  }
  if (out.length > 0) out.push('。');
  if (nonzero(sessions)) {
    out.push(...seg(`${voice.we}共举办各种培训`, sessions, facts.measure('work.training.sessions')));
    if (nonzero(people)) out.push(...seg('，培训', people, facts.measure('work.training.attendance')));
    out.push('。');
  }
  return out.length > 0 ? out : null;
}

export function cumulative({ facts, voice }: NarrativeInput): Segment[] | null {
  const f = facts.cell('pub.cumulative');
  return nonzero(f) ? seg(`${voice.we}通过政府信息公开目录累计主动公开政府信息`, f, `${facts.measure('pub.cumulative')}。`) : null;
}

export function keyAreas({ facts, voice }: NarrativeInput): PlannedParagraph[] {
  const section = facts.template.sections.find((s) => s.code === 'key');
  if (!section || section.kind !== 'list') return [];
  return section.groups.flatMap((g, i) => {
    // 公开 stands before a run of published items; an item with its own verb (开展解读28次) says it itself.
    let verbSaid = false;
    const items = g.indicators
      .filter((ind) => nonzero(facts.cell(ind.code)))
      .map((ind) => {
        const before = ind.phrase ?? `${verbSaid ? '' : '公开'}${ind.name}`;
        verbSaid = ind.phrase === undefined;
        return { ref: ind.code, before };
      });
    const list = itemList(facts, items);
    if (!list) return [];
    return [{ id: `key.${i + 1}`, section: '2' as const, segments: [`围绕“${g.title}”，${voice.all}`, ...list, '。'] }];
  });
}

export function response({ facts, voice }: NarrativeInput): Segment[] | null {
  const refs = ['resp.interpretations', 'resp.press_conferences', 'resp.interviews'];
  const list = itemList(
    facts,
    [
      { ref: 'resp.interpretations', before: '解读政策' },
      { ref: 'resp.press_conferences', before: '召开新闻发布会' },
      { ref: 'resp.interviews', before: '开展在线访谈及电视电台节目' },
    ],
    '；',
  );
  if (list) return [`${voice.all}`, ...list, '。'];
  return allZero(facts, refs) ? [`${voice.all}本年未开展政策解读和新闻发布活动。`] : null;
}

function requests({ facts, voice }: NarrativeInput): Segment[] | null {
  const received = facts.cell('req.received');
  const onTime = facts.cell('req.on_time');
  if (!received) return null;
  if (received.value === 0) return [`${voice.all}本年未收到政府信息公开申请。`];
  const out = seg(`${voice.all}共受理依申请公开政府信息`, received, facts.measure('req.received'));
  if (onTime && onTime.value === received.value) out.push('，均按时办结');
  else if (onTime) out.push(...seg('，按时办结', onTime, facts.measure('req.on_time')));
  out.push('。');
  return out;
}

function fees({ facts, voice }: NarrativeInput): Segment[] | null {
  const charged = facts.cell('fee.charged');
  const waived = facts.cell('fee.waived');
  if (!charged) return null;
  if (charged.value === 0) return [`${voice.all}政府信息公开未收取任何费用。`];
  const out = seg(`${voice.all}政府信息公开收取费用`, charged, facts.measure('fee.charged'));
  if (nonzero(waived)) out.push(...seg('，减免', waived, facts.measure('fee.waived')));
  out.push('。');
  return out;
}

function reviews({ facts, voice }: NarrativeInput): Segment[] | null {
  const refs = ['review.reconsideration', 'review.litigation'];
  const list = itemList(
    facts,
    [
      { ref: 'review.reconsideration', before: '行政复议案件' },
      { ref: 'review.litigation', before: '行政诉讼案件' },
    ],
    '，',
  );
  if (list) return [`${voice.all}共受理`, ...list, '。'];
  return allZero(facts, refs) ? [`${voice.all}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。`] : null;
}

export const suining2017: NarrativePlan = {
  paragraphIds: ['training', 'cumulative', 'categories', 'key', 'response', 'requests', 'reviews', 'fees'],
  paragraphs(input) {
    const out: PlannedParagraph[] = [];
    const add = (id: string, section: PlannedParagraph['section'], segments: Segment[] | null) => {
      if (segments) out.push({ id, section, segments });
    };
    add('training', '1', training(input));
    add('cumulative', '2', cumulative(input));
    add('categories', '2', categorySentence(input, 'pub.total', 'pub.key'));
    out.push(...keyAreas(input));
    add('response', '2', response(input));
    add('requests', '3', requests(input));
    add('reviews', '4', reviews(input));
    add('fees', '6', fees(input));
    return out;
  },
  tables: [
    { id: 'pub', section: 'appendix', title: '附表一 主动公开政府信息', parts: ['pub'] },
    { id: 'key', section: 'appendix', title: '附表二 重点领域信息公开', parts: ['key'] },
    { id: 'resp', section: 'appendix', title: '附表三 政策解读与回应关切', parts: ['resp'] },
    { id: 'req', section: 'appendix', title: '附表四 依申请公开', parts: ['req'] },
    { id: 'fees', section: 'appendix', title: '附表五 收费、复议与诉讼', parts: ['fees'] },
    { id: 'work', section: 'appendix', title: '附表六 工作推进', parts: ['work'] },
  ],
};
