import { describe, expect, it } from 'vitest';
import ledgerJson from '../../resources/templates/ledger-2021.json';
import { buildDraft } from '../report/draft';
import { ledger2021Figures, ledgerTemplate as ledger, nationalTemplate as national } from '../report/testData';
import { traceNumbers } from '../report/traceNumbers';
import { evaluateRules } from '../rules/evaluate';
import { categoryCells, findCell, templateCells } from './cells';
import { parseTemplate, TemplateError } from './validate';

describe('ledger-2021: the current monthly ledger', () => {
  it('is the default, names its report plan and shares the national cells', () => {
    expect(ledger.default).toBe(true);
    expect(ledger.reportPlan).toBe('ledger-2021');
    expect(ledger.sharesCellsWith).toEqual(['national-2021']);
    expect(national.default).toBe(false);
  });

  it('holds every cell of the national template under the same code, unit, kind, decimals and roll-up', () => {
    const mine = templateCells(ledger);
    for (const [ref, theirs] of templateCells(national)) {
      const c = mine.get(ref);
      expect(c, ref).toBeDefined();
      expect({ ...c, sectionCode: theirs.sectionCode }).toEqual(theirs);
    }
    expect(national.rules.map((r) => r.id).every((id) => ledger.rules.some((r) => r.id === id))).toBe(true);
  });

  it('keeps the national tables with the official labels and its 万元 amount with four decimals', () => {
    expect(ledger.sections.slice(0, 6).map((s) => s.code)).toEqual(['t2_1', 't2_5', 't2_6', 't2_8', 't3', 't4']);
    expect(findCell(ledger, 't2.fees:amount')).toMatchObject({ measure: '万元', valueKind: 'amount', decimals: 4 });
    expect(findCell(ledger, 't3.carried_in:total')?.rollup).toBe('first');
    expect(findCell(ledger, 't3.carried_out:total')?.rollup).toBe('last');
  });

  it('has the local statistics: eight categories, key areas, interpretation, channels, training and 信息处理费', () => {
    expect(categoryCells(ledger).map((c) => c.category)).toEqual([
      '概况信息', '计划总结信息', '规范性文件信息', '工作动态信息', '人事信息', '财政信息', '行政执法信息', '其他信息',
    ]);
    expect(ledger.sections.slice(6).map((s) => s.code)).toEqual(['pub', 'key', 'resp', 'chan', 'work', 'fee']);
    expect(findCell(ledger, 'fee.notices')).toMatchObject({ label: '发出收费通知的件数', measure: '件', valueKind: 'count' });
    expect(findCell(ledger, 'fee.notice_amount')).toMatchObject({ label: '发出收费通知的总金额', measure: '元', decimals: 2 });
    expect(findCell(ledger, 'fee.collected')).toMatchObject({ label: '实际收取的总金额', measure: '元', decimals: 2 });
  });

  it('has rules tying the local part to the national tables', () => {
    const ids = ledger.rules.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['link.normative_published', 'link.unpaid_le_notices', 'link.fee_collected_le_notified', 'pub.categories_sum']));
  });

  it('a consistent year breaks no rule; a year that publishes fewer normative documents than it issued, or closes unpaid-fee cases without notices, is flagged', () => {
    const { current, previous } = ledger2021Figures();
    const check = (c: Map<string, number>) => evaluateRules(ledger, 'year', (ref, which) => (which === 'current' ? c : previous).get(ref));
    expect(check(current)).toEqual([]);
    const fewer = new Map(current).set('pub.cat.normative', 3).set('pub.total', current.get('pub.total')! - 61);
    expect(check(fewer).map((v) => v.checkId)).toEqual(['link.normative_published']);
    const unpaid = new Map(current).set('fee.notices', 0).set('fee.notice_amount', 0).set('fee.collected', 0);
    unpaid.set('t3.other.unpaid_fee:natural', 1).set('t3.other.unpaid_fee:total', 1);
    unpaid.set('t3.other.other:natural', 0);
    expect(check(unpaid).map((v) => v.checkId)).toContain('link.unpaid_le_notices');
    const categories = new Map(current).set('pub.cat.work', 6121);
    expect(check(categories).map((v) => v.checkId)).toEqual(['pub.categories_sum']);
  });

  it('refuses decimals on a count', () => {
    const bad = structuredClone(ledgerJson) as { sections: { code: string; decimals?: number }[] };
    bad.sections.find((s) => s.code === 't2_1')!.decimals = 2;
    expect(() => parseTemplate(bad, 'bad.json')).toThrow(TemplateError);
    expect(() => parseTemplate(bad, 'bad.json')).toThrow(/是数量，不能有小数位/);
  });
});

describe('ledger-2021 report draft: one entry, a complete national-format report', () => {
  const { current, previous } = ledger2021Figures();
  const draft = buildDraft({ template: ledger, unit: { code: 'C', name: '示例市人民政府', kind: '市' }, level: true, year: 2024, figures: current, previous });
  const text = (id: string) => draft.paragraphs.find((p) => p.id === id)?.text;

  it('has the category sentence, the national tables 二 三 四 in their sections and the 信息处理费 in 六', () => {
    expect(text('categories')).toMatch(/^2024年，我市主动公开政府信息10600条（重点信息公开2100条）。其中，概况信息310条，占2\.92%；/);
    expect(draft.tables.filter((t) => t.section !== 'appendix').map((t) => [t.id, t.section])).toEqual([
      ['t2', '2'],
      ['t3', '3'],
      ['t4', '4'],
      ['fee', '6'],
    ]);
    expect(text('fees')).toBe('依据《政府信息公开信息处理费管理办法》，我市本年发出收费通知2件，总金额380.00元，实际收取总金额380.00元。');
    expect(text('decisions')).toContain('本年收取行政事业性收费59237.2449万元。');
    for (const id of ['normative', 'received', 'outcomes', 'reviews', 'response', 'channels', 'training']) expect(text(id), id).toBeDefined();
  });

  it('prints no number that is not a table cell, sum or share, and no rule is broken', () => {
    expect(traceNumbers(draft)).toEqual([]);
    expect(draft.violations).toEqual([]);
  });
});
