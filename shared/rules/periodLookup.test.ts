import { describe, expect, it } from 'vitest';
import suiningJson from '../../resources/templates/suining-2017.json';
import { parseTemplate } from '../template/validate';
import { evaluateRules } from './evaluate';
import { byRefAndMonth, monthLookup, yearLookup } from './periodLookup';

const template = parseTemplate(suiningJson, 'suining-2017.json');
const cats = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];
const v = (indicator: string, month: number, value: number) => ({ indicator, col: '', month, value });

describe('period lookups for the rules', () => {
  const values = byRefAndMonth([
    v('pub.total', 1, 10),
    ...cats.map((c) => v(`pub.cat.${c}`, 1, c === 'other' ? 3 : 1)),
    v('pub.total', 2, 5),
    ...cats.map((c) => v(`pub.cat.${c}`, 2, c === 'other' ? 1 : 0)),
  ]);
  const none = byRefAndMonth([]);

  it('checks one month by its own figures', () => {
    expect(evaluateRules(template, 'month', monthLookup(template, values, none, 1)).map((x) => x.ruleId)).not.toContain('pub.categories_sum');
    const feb = evaluateRules(template, 'month', monthLookup(template, values, none, 2));
    expect(feb.find((x) => x.ruleId === 'pub.categories_sum')?.message).toContain('5 ≠ 1');
  });

  it('checks the year by each cell’s roll-up', () => {
    const year = evaluateRules(template, 'year', yearLookup(template, values, none));
    expect(year.find((x) => x.ruleId === 'pub.categories_sum')?.message).toContain('15 ≠ 11');
  });
});
