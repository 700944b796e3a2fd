/** The narrative plan of each template; other templates get the generic one. */
import type { Template } from '../../template/schema';
import { categorySentence } from './categories';
import { national2021 } from './national2021';
import { suining2017 } from './suining2017';
import type { NarrativePlan } from './types';

const PLANS: Record<string, NarrativePlan> = {
  'suining-2017': suining2017,
  'national-2021': national2021,
};

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
    tables: template.sections.map((s, i) => ({ id: s.code, section: 'appendix', title: `附表${i + 1} ${s.title}`, parts: [s.code] })),
  };
}

export function narrativePlan(template: Template): NarrativePlan {
  return PLANS[template.id] ?? genericPlan(template);
}
