import { describe, expect, it } from 'vitest';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import { parseTemplate } from '../template/validate';
import { definedBreakdowns } from './definedBreakdowns';
import { formatPercent } from './shares';

const national = parseTemplate(nationalJson, 'national-2021.json');

describe('breakdowns a template declares', () => {
  it('依申请公开 outcomes: each slice the sum of its rows, shares stated against 总计', () => {
    const figures = new Map<string, number>([
      ['t3.disclosed:total', 50],
      ['t3.partial:total', 10],
      ['t3.withheld.state_secret:total', 3],
      ['t3.withheld.process:total', 7],
      ['t3.unable.not_held:total', 20],
      ['t3.handled_total:total', 90],
    ]);
    const [requests] = definedBreakdowns(national, figures);
    expect(requests.caption).toEqual({ title: '政府信息公开申请办理结果', measure: '件' });
    expect(requests.breakdown.items.map((i) => [i.name, i.count, formatPercent(i)])).toEqual([
      ['予以公开', 50, '55.56%'],
      ['部分公开', 10, '11.11%'],
      ['不予公开', 10, '11.11%'],
      ['无法提供', 20, '22.22%'],
      ['不予处理', 0, '0.00%'],
      ['其他处理', 0, '0.00%'],
    ]);
    expect(requests.breakdown).toMatchObject({ total: 90, empty: false, sharesStated: true });
    // A 总计 that disagrees with the slices: no share is stated.
    figures.set('t3.handled_total:total', 91);
    expect(definedBreakdowns(national, figures)[0].breakdown.sharesStated).toBe(false);
  });

  it('诉讼 results add the direct and after-review suits; nothing entered is empty, not zero', () => {
    const figures = new Map<string, number>([
      ['t4.cases:direct_upheld', 2],
      ['t4.cases:after_upheld', 1],
      ['t4.cases:direct_pending', 1],
      ['t4.cases:direct_total', 3],
      ['t4.cases:after_total', 1],
    ]);
    const byCode = Object.fromEntries(definedBreakdowns(national, figures).map((d) => [d.code, d.breakdown]));
    expect(byCode.litigation.items.map((i) => i.count)).toEqual([3, 0, 0, 1]);
    expect(byCode.litigation.sharesStated).toBe(true);
    expect(byCode.review.empty).toBe(true);
  });

  it('templates declare them as data: the 2017 ledger has none, a bad cell is refused on load', () => {
    expect(definedBreakdowns(parseTemplate(suiningJson, 'suining-2017.json'), new Map())).toEqual([]);
    const bad = { ...nationalJson, breakdowns: [{ code: 'x', title: '坏图', items: [{ label: 'a', cells: ['t3.nope:total'] }, { label: 'b', cells: ['t3.new:total'] }] }] };
    expect(() => parseTemplate(bad, 'bad.json')).toThrow('统计图 坏图 引用了不存在的单元格 t3.nope:total');
  });
});
