import { describe, expect, it } from 'vitest';
import spec from '../../resources/demo/ledger-2021-city.json';
import { buildDraft } from '../report/draft';
import { ledgerTemplate as ledger } from '../report/testData';
import { traceNumbers } from '../report/traceNumbers';
import { evaluateRules } from '../rules/evaluate';
import { rollupMonths } from '../values/rollup';
import { cityDemoTotals, cityLevel, type CityDemoSpec } from './cityDemo';
import { spreadYear } from './spread';
import { templateCells } from '../template/cells';

const demo = spec as CityDemoSpec;
const totals = cityDemoTotals(ledger, demo);
const YEARS = [2023, 2024, 2025];

/** The published figures (resources/demo/README.md) the 2023 city level must equal. */
const PUBLISHED_2023: Record<string, number> = {
  't3.new:total': 132,
  't3.carried_in:total': 2,
  't3.disclosed:total': 27,
  't3.partial:total': 38,
  't3.handled_total:total': 122,
  't3.carried_out:total': 12,
  't4.cases:review_upheld': 6,
  't4.cases:review_pending': 1,
  't4.cases:review_total': 7,
  'resp.interpretations': 61,
  'chan.gazette': 12,
};

describe('the current ledger demo: a city, its departments, counties and townships, 2023–2025', () => {
  it('has the units and years', () => {
    expect(totals.size).toBe(15);
    expect([...totals.get('DEMO-SZF')!.keys()]).toEqual(YEARS);
    expect(new Set(demo.units.map((u) => u.kind))).toEqual(new Set(['市', '部门', '县区', '乡镇']));
  });

  it('the 2023 city level equals the published report', () => {
    const level = cityLevel(ledger, totals, 2023);
    for (const [ref, v] of Object.entries(PUBLISHED_2023)) expect(level.get(ref), ref).toBe(v);
    const sum = (refs: string[]) => refs.reduce((s, r) => s + (level.get(`${r}:total`) ?? 0), 0);
    expect(sum(['t3.unable.not_held', 't3.unable.needs_creation', 't3.unable.unclear'])).toBe(48);
    expect(sum(['t3.rejected.petition', 't3.rejected.repeated', 't3.rejected.publication', 't3.rejected.mass_repeated', 't3.rejected.confirmation'])).toBe(5);
    expect(sum(['t3.other.no_correction', 't3.other.unpaid_fee', 't3.other.other'])).toBe(4);
    expect((level.get('t4.cases:direct_total') ?? 0) + (level.get('t4.cases:after_total') ?? 0)).toBe(4);
    expect((level.get('t4.cases:direct_upheld') ?? 0) + (level.get('t4.cases:after_upheld') ?? 0)).toBe(2);
    expect(level.get('t2.fees:amount')).toBe(59237.2449);
  });

  it('every unit, every year and the city level break no rule, errors or warnings, carry-overs included', () => {
    for (const [code, years] of totals) {
      for (const year of YEARS) {
        const v = evaluateRules(ledger, 'year', (ref, which) => years.get(which === 'current' ? year : year - 1)?.[ref]);
        expect(v.map((x) => `${code} ${year} ${x.message}`)).toEqual([]);
      }
    }
    for (const year of YEARS) {
      const cur = cityLevel(ledger, totals, year);
      const prev = cityLevel(ledger, totals, year - 1);
      expect(evaluateRules(ledger, 'year', (ref, which) => (which === 'current' ? cur : prev).get(ref)).map((x) => x.message)).toEqual([]);
    }
    expect(cityLevel(ledger, totals, 2024).get('t3.carried_in:total')).toBe(12);
  });

  it('catches injected errors: an unbalanced table 三, a category that does not add up, a broken carry-over', () => {
    const y = { ...totals.get('DEMO-JYJ')!.get(2024)! };
    const prev = totals.get('DEMO-JYJ')!.get(2023)!;
    const check = (t: Record<string, number>) => evaluateRules(ledger, 'year', (ref, which) => (which === 'current' ? t : prev)[ref]).map((v) => v.checkId);
    expect(check({ ...y, 't3.new:natural': y['t3.new:natural'] + 1 })).toEqual(expect.arrayContaining(['t3.balance@natural', 't3.row_total@t3.new']));
    expect(check({ ...y, 'pub.cat.work': y['pub.cat.work'] + 5 })).toContain('pub.categories_sum');
    expect(check({ ...y, 't3.carried_in:natural': y['t3.carried_in:natural'] + 1, 't3.new:natural': y['t3.new:natural'] - 1 })).toContain('t3.carry_over@natural');
  });

  it('spread over the months, each unit rolls up to its year and holds every monthly rule', () => {
    const cells = templateCells(ledger);
    for (const [code, years] of totals) {
      const { months, unknown } = spreadYear(ledger, years.get(2024)!);
      expect(unknown).toEqual([]);
      for (const [ref, v] of Object.entries(years.get(2024)!)) expect(rollupMonths(months.get(ref)!, cells.get(ref)!.rollup, cells.get(ref)!), `${code} ${ref}`).toBe(v);
      for (let m = 1; m <= 12; m++) {
        const errors = evaluateRules(ledger, 'month', (ref) => months.get(ref)?.[m]).filter((v) => v.severity === 'error');
        expect(errors.map((e) => `${code} ${m}月 ${e.message}`)).toEqual([]);
      }
    }
  });

  it('gives a complete 2021-format report for the city whose every number is its table cell', () => {
    for (const year of YEARS) {
      const draft = buildDraft({ template: ledger, unit: { code: 'DEMO-SZF', name: '示例市人民政府办公室', kind: '市' }, level: true, year, figures: cityLevel(ledger, totals, year), previous: cityLevel(ledger, totals, year - 1) });
      expect(traceNumbers(draft)).toEqual([]);
      expect(draft.violations).toEqual([]);
      for (const id of ['categories', 'normative', 'decisions', 'received', 'outcomes', 'reviews', 'fees', 'response', 'channels', 'training']) {
        expect(draft.paragraphs.some((p) => p.id === id), `${year} ${id}`).toBe(true);
      }
      const level = cityLevel(ledger, totals, year);
      for (const cell of draft.tables.flatMap((t) => t.rows.flat()).filter((c) => c.ref)) expect(cell.value ?? undefined, `${year} ${cell.ref}`).toBe(level.get(cell.ref!));
    }
  });
});
