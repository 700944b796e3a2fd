/** 「重要政策解读28次、发布解读重要指标数据308次…」 from a run of list indicators. */
import { joinList, nonzero, seg } from '../facts';
import type { Segment } from '../model';
import type { FactSource } from '../facts';

export interface ItemPhrase {
  ref: string;
  /** Words before the figure; defaults to the indicator's name. */
  before?: string;
}

export function itemList(facts: FactSource, items: ItemPhrase[], sep = '、', last = sep): Segment[] | null {
  const parts: Segment[][] = [];
  for (const it of items) {
    const f = facts.cell(it.ref);
    if (!nonzero(f)) continue;
    const name = it.before ?? facts.template.sections.flatMap((s) => (s.kind === 'list' ? s.groups.flatMap((g) => g.indicators) : [])).find((i) => i.code === it.ref)?.name ?? '';
    parts.push(seg(name, f, facts.measure(it.ref)));
  }
  return parts.length > 0 ? joinList(parts, sep, last) : null;
}

/** True when some of the cells have data and none is above zero (a "none" sentence is then honest). */
export function allZero(facts: FactSource, refs: string[]): boolean {
  const present = refs.map((r) => facts.cell(r)).filter((f) => f !== undefined);
  return present.length > 0 && present.every((f) => f.value === 0);
}
