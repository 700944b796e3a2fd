/**
 * The report of the current monthly ledger (ledger-2021): the national
 * format's sections 二 to 四 from its tables, the local statistics (the
 * category breakdown, key areas, interpretation, channels, training) in 一
 * and 二, and in 六 the 信息处理费 figures the 2021 format asks bodies to
 * report there. Every number is a cell of the template's tables.
 */
import { nonzero, seg } from '../facts';
import type { Segment } from '../model';
import { categorySentence } from './categories';
import { itemList } from './listItems';
import { national2021 } from './national2021';
import { cumulative, keyAreas, response, training } from './suining2017';
import type { NarrativeInput, NarrativePlan, PlannedParagraph } from './types';

function channels({ facts, voice }: NarrativeInput): Segment[] | null {
  const list = itemList(
    facts,
    [
      { ref: 'chan.website', before: '通过政府网站发布信息' },
      { ref: 'chan.new_media', before: '通过政务新媒体发布信息' },
      { ref: 'chan.gazette', before: '编发政府公报' },
      { ref: 'chan.reading_points', before: '政府信息公开查阅点接待' },
    ],
    '，',
  );
  return list ? [`${voice.all}`, ...list, '。'] : null;
}

/** 「依据《政府信息公开信息处理费管理办法》，本年发出收费通知2件，总金额380.00元，实际收取总金额380.00元。」 */
function processingFees({ facts, voice }: NarrativeInput): Segment[] | null {
  const notices = facts.cell('fee.notices');
  const amount = facts.cell('fee.notice_amount');
  const collected = facts.cell('fee.collected');
  if (!notices && !amount && !collected) return null;
  if (!nonzero(notices) && !nonzero(amount) && !nonzero(collected)) {
    return [`${voice.we}本年未发出信息处理费收费通知，未收取信息处理费。`];
  }
  const out: Segment[] = ['依据《政府信息公开信息处理费管理办法》，', `${voice.we}本年`];
  out.push(...(nonzero(notices) ? seg('发出收费通知', notices, facts.measure('fee.notices')) : ['未发出收费通知']));
  if (nonzero(amount)) out.push(...seg('，总金额', amount, facts.measure('fee.notice_amount')));
  out.push(...(nonzero(collected) ? seg('，实际收取总金额', collected, `${facts.measure('fee.collected')}。`) : ['，未实际收取信息处理费。']));
  return out;
}

export const ledger2021: NarrativePlan = {
  paragraphs(input) {
    const out: PlannedParagraph[] = [];
    const add = (id: string, section: PlannedParagraph['section'], segments: Segment[] | null) => {
      if (segments) out.push({ id, section, segments });
    };
    add('training', '1', training(input));
    add('categories', '2', categorySentence(input, 'pub.total', 'pub.key'));
    add('cumulative', '2', cumulative(input));
    out.push(...keyAreas(input));
    add('response', '2', response(input));
    add('channels', '2', channels(input));
    out.push(...national2021.paragraphs(input));
    add('fees', '6', processingFees(input));
    return out;
  },
  tables: [
    ...national2021.tables,
    { id: 'fee', section: '6', title: '信息处理费收取情况', parts: ['fee'] },
    { id: 'pub', section: 'appendix', title: '附表一 主动公开政府信息（按类别）', parts: ['pub'] },
    { id: 'key', section: 'appendix', title: '附表二 重点领域信息公开', parts: ['key'] },
    { id: 'resp', section: 'appendix', title: '附表三 政策解读与回应关切', parts: ['resp'] },
    { id: 'chan', section: 'appendix', title: '附表四 公开渠道', parts: ['chan'] },
    { id: 'work', section: 'appendix', title: '附表五 工作推进', parts: ['work'] },
  ],
};
