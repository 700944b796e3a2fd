/**
 * 「2017年，我市主动公开政府信息76891条（重点信息公开11764条）。其中，概况信息1876条，占2.44%；…」
 * The categories are the template's indicators marked with `category`; the
 * shares are the breakdown chart's (two decimals, adding to 100.00%).
 */
import { ROUNDING_NOTE } from '../../charts/shares';
import { categoryCells } from '../../template/cells';
import { joinList, nonzero, seg } from '../facts';
import type { Segment } from '../model';
import type { NarrativeInput } from './types';

export function categorySentence({ facts, voice }: NarrativeInput, totalRef: string, keyRef?: string): Segment[] | null {
  const total = facts.cell(totalRef);
  if (!total) return null;
  const year = facts.yearFact();
  if (total.value === 0) return seg(year, `年，${voice.we}未主动公开政府信息。`);
  const unit = facts.measure(totalRef);
  const out = seg(year, `年，${voice.we}主动公开政府信息`, total, `${unit}`);
  const key = keyRef ? facts.cell(keyRef) : undefined;
  if (nonzero(key)) out.push(...seg('（重点信息公开', key, `${facts.measure(keyRef!)}）`));
  out.push('。');
  const cats = categoryCells(facts.template);
  const shares = facts.shares(
    cats.map((c) => [c.ref]),
    totalRef,
  );
  const parts: Segment[][] = [];
  cats.forEach((c, i) => {
    const f = facts.cell(c.ref);
    if (!nonzero(f)) return;
    parts.push(shares ? seg(`${c.category}`, f, `${c.measure}，占`, shares.facts[i]) : seg(`${c.category}`, f, `${c.measure}`));
  });
  if (parts.length > 0) out.push('其中，', ...joinList(parts, '；'), shares?.roundingNote ? `（${ROUNDING_NOTE}）。` : '。');
  return out;
}
