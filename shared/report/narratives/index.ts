/** The narrative plan of each template; other templates get the generic one. */
import type { Template } from '../../template/schema';
import { categorySentence } from './categories';
import { ledger2021 } from './ledger2021';
import { national2021 } from './national2021';
import { suining2017 } from './suining2017';
import type { NarrativePlan } from './types';

const PLANS: Record<string, NarrativePlan> = {
  'suining-2017': suining2017,
  'national-2021': national2021,
  'ledger-2021': ledger2021,
};

export function hasNarrativePlan(id: string): boolean {
  return Object.hasOwn(PLANS, id);
}

const DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一…九十九: table labels carry no Arabic digits, so every digit in the draft is a figure. */
function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1] : ''}十${ones ? DIGITS[ones - 1] : ''}`;
}

/** Any template: the category sentence if it has one, and every section as a table. */
function genericPlan(template: Template): NarrativePlan {
  const total = template.sections.flatMap((s) => (s.kind === 'list' ? s.groups.flatMap((g) => g.indicators) : [])).find((i) => i.level === 0);
  return {
    paragraphs: (input) => {
      const segments = total ? categorySentence(input, total.code) : null;
      return segments && template.sections.some((s) => s.kind === 'list' && s.groups.some((g) => g.indicators.some((i) => i.category)))
        ? [{ id: 'categories', section: '2', segments }]
        : [];
    },
    tables: template.sections.map((s, i) => ({ id: s.code, section: 'appendix', title: `附表${chineseNumber(i + 1)} ${s.title}`, parts: [s.code] })),
  };
}

export function narrativePlan(template: Template): NarrativePlan {
  const id = template.reportPlan ?? template.id;
  return (hasNarrativePlan(id) ? PLANS[id] : undefined) ?? genericPlan(template);
}
