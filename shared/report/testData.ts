/**
 * Test data sets for the report: the 2017 Suining totals (as published) and
 * a national-2021 year whose tables satisfy every 勾稽 rule. Tables' total
 * column and 总计 row are derived here so the sample cannot be inconsistent
 * by a slip of arithmetic.
 */
import ledgerJson from '../../resources/templates/ledger-2021.json';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import demoTotals from '../../resources/demo/suining-2017-totals.json';
import { parseTemplate } from '../template/validate';

export const suiningTemplate = parseTemplate(suiningJson, 'suining-2017.json');
export const nationalTemplate = parseTemplate(nationalJson, 'national-2021.json');
export const ledgerTemplate = parseTemplate(ledgerJson, 'ledger-2021.json');

export function suining2017Figures(): Map<string, number> {
  return new Map(Object.entries(demoTotals.totals));
}

const APPLICANTS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other'] as const;
type ByApplicant = Partial<Record<(typeof APPLICANTS)[number], number>>;

const T3_ROWS: Record<string, ByApplicant> = {
  't3.new': { natural: 120, commercial: 15, research: 2, public_welfare: 1, legal_services: 6, other: 4 },
  't3.carried_in': { natural: 5, commercial: 1 },
  't3.disclosed': { natural: 60, commercial: 8, research: 2, public_welfare: 1, legal_services: 3, other: 2 },
  't3.partial': { natural: 10, commercial: 2, other: 1 },
  't3.withheld.third_party': { natural: 3 },
  't3.withheld.process': { natural: 2 },
  't3.unable.not_held': { natural: 30, commercial: 3 },
  't3.unable.unclear': { legal_services: 2 },
  't3.rejected.petition': { commercial: 1 },
  't3.rejected.repeated': { natural: 5 },
  't3.rejected.confirmation': { other: 1 },
  't3.other.no_correction': { natural: 4 },
  't3.other.other': { legal_services: 1 },
  't3.carried_out': { natural: 11, commercial: 2 },
};
const OUTCOME_ROWS = Object.keys(T3_ROWS).filter((r) => !['t3.new', 't3.carried_in', 't3.carried_out'].includes(r));

/** Year figures of a national-2021 report (a city's, say 2021) and its previous year's. */
export function national2021Figures(): { current: Map<string, number>; previous: Map<string, number> } {
  const m = new Map<string, number>();
  const put = (ref: string, v: number) => m.set(ref, v);
  put('t2.rules:issued', 2);
  put('t2.rules:repealed', 1);
  put('t2.rules:in_force', 35);
  put('t2.normative:issued', 12);
  put('t2.normative:repealed', 5);
  put('t2.normative:in_force', 140);
  put('t2.licensing:decisions', 15234);
  put('t2.penalty:decisions', 3421);
  put('t2.coercion:decisions', 87);
  put('t2.fees:amount', 1234.56);
  const handled: ByApplicant = {};
  for (const [row, byCol] of Object.entries(T3_ROWS)) {
    let total = 0;
    for (const col of APPLICANTS) {
      const v = byCol[col] ?? 0;
      put(`${row}:${col}`, v);
      total += v;
      if (OUTCOME_ROWS.includes(row)) handled[col] = (handled[col] ?? 0) + v;
    }
    put(`${row}:total`, total);
  }
  for (const col of APPLICANTS) put(`t3.handled_total:${col}`, handled[col] ?? 0);
  put('t3.handled_total:total', APPLICANTS.reduce((s, c) => s + (handled[c] ?? 0), 0));
  const t4: Record<string, number> = {
    review_upheld: 3, review_corrected: 1, review_other: 0, review_pending: 1,
    direct_upheld: 2, direct_corrected: 0, direct_other: 1, direct_pending: 0,
    after_upheld: 1, after_corrected: 0, after_other: 0, after_pending: 0,
  };
  for (const g of ['review', 'direct', 'after']) {
    let total = 0;
    for (const r of ['upheld', 'corrected', 'other', 'pending']) {
      put(`t4.cases:${g}_${r}`, t4[`${g}_${r}`]);
      total += t4[`${g}_${r}`];
    }
    put(`t4.cases:${g}_total`, total);
  }
  const previous = new Map<string, number>([
    ['t2.rules:in_force', 34],
    ['t2.normative:in_force', 133],
    ...APPLICANTS.map((c) => [`t3.carried_out:${c}`, T3_ROWS['t3.carried_in'][c] ?? 0] as [string, number]),
    ['t3.carried_out:total', 6],
  ]);
  return { current: m, previous };
}

/**
 * A year of the current ledger (ledger-2021): the national tables above and
 * the local statistics, consistent with every rule (categories add up to
 * the total, key areas within 重点信息公开, normative documents published at
 * least as many as issued, fees collected within those notified).
 */
export function ledger2021Figures(): { current: Map<string, number>; previous: Map<string, number> } {
  const { current, previous } = national2021Figures();
  const local: Record<string, number> = {
    'pub.cat.overview': 310, 'pub.cat.plans': 905, 'pub.cat.normative': 64, 'pub.cat.work': 6120,
    'pub.cat.personnel': 233, 'pub.cat.finance': 412, 'pub.cat.enforcement': 1587, 'pub.cat.other': 969,
    'pub.key': 2100, 'pub.cumulative': 98765,
    'key.budget': 120, 'key.procurement': 340, 'key.major_projects': 96, 'key.public_resource_trading': 802,
    'key.social_assistance': 150, 'key.healthcare': 77, 'key.npc': 58, 'key.cppcc': 71,
    'resp.interpretations': 45, 'resp.press_conferences': 18, 'resp.interviews': 6,
    'chan.website': 7300, 'chan.new_media': 5120, 'chan.gazette': 12,
    'work.training.sessions': 9, 'work.training.attendance': 860, 'work.inspections': 3,
    'fee.notices': 2, 'fee.notice_amount': 380, 'fee.collected': 380,
  };
  for (const [ref, v] of Object.entries(local)) current.set(ref, v);
  current.set('pub.total', Object.entries(local).filter(([r]) => r.startsWith('pub.cat.')).reduce((s, [, v]) => s + v, 0));
  current.set('t2.fees:amount', 59237.2449);
  return { current, previous };
}
