import { describe, expect, it } from 'vitest';
import suiningJson from '../../resources/templates/suining-2017.json';
import nationalJson from '../../resources/templates/national-2021.json';
import demo from '../../resources/demo/suining-2017-totals.json';
import { parseTemplate } from '../template/validate';
import { categoriesOf, changePercent, shapeBreakdown, shapeRanking, shapeTrend, shapeYoy, sortedByCount } from './shape';
import { breakdownTable, rankingTable, toTsv, trendTable, yoyTable } from './table';

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const cats = categoriesOf(suining);
const totals = new Map(Object.entries(demo.totals as Record<string, number>));

describe('categoriesOf', () => {
  it('takes the categories from the template, in template order', () => {
    expect(cats.map((c) => c.name)).toEqual(['概况信息', '计划总结信息', '规范性文件信息', '工作动态信息', '人事信息', '财政信息', '行政执法信息', '其他信息']);
    expect(categoriesOf(parseTemplate(nationalJson, 'national-2021.json'))).toEqual([]);
  });
});

describe('shapeBreakdown', () => {
  it('gives the 2017 report shares and the total', () => {
    const b = shapeBreakdown(cats, totals);
    expect(b.empty).toBe(false);
    expect(b.total).toBe(76891);
    expect(b.items.find((i) => i.name === '工作动态信息')).toMatchObject({ count: 42373, percent: 55.11 });
    expect(sortedByCount(b.items).map((i) => i.name).slice(0, 3)).toEqual(['工作动态信息', '其他信息', '计划总结信息']);
    expect(breakdownTable(b).rows.at(-1)).toEqual(['合计', 76891, '100.00%']);
    expect(breakdownTable(b).rows[2]).toEqual(['规范性文件信息', 81, '0.10%']);
  });
  it('says empty when nothing was entered, and not when all entered are zero', () => {
    const none = shapeBreakdown(cats, new Map());
    expect(none.empty).toBe(true);
    expect(none.items.every((i) => i.count === 0 && i.basisPoints === 0)).toBe(true);
    const zero = shapeBreakdown(cats, new Map([['pub.cat.work', 0]]));
    expect(zero.empty).toBe(false);
    expect(zero.total).toBe(0);
    expect(breakdownTable(zero).rows.at(-1)).toEqual(['合计', 0, '0.00%']);
  });
});

describe('shapeTrend and shapeYoy', () => {
  const monthly = new Map<string, (number | null)[]>([
    ['pub.cat.work', [null, 5, null, 7, ...new Array(9).fill(null)]],
    ['pub.cat.other', [null, 1, null, null, ...new Array(9).fill(null)]],
  ]);
  it('sums categories per month and marks months without data', () => {
    const t = shapeTrend(cats, monthly, 2017);
    expect(t.months).toHaveLength(12);
    expect(t.months[0]).toMatchObject({ month: 1, total: 6, hasData: true });
    expect(t.months[1]).toMatchObject({ month: 2, total: 0, hasData: false });
    expect(t.months[2]).toMatchObject({ month: 3, total: 7, hasData: true });
    expect(t.empty).toBe(false);
    expect(trendTable(t, cats).rows[1]).toEqual(['2月', ...new Array(8).fill(null), null]);
  });
  it('is empty for a year with no figures', () => {
    expect(shapeTrend(cats, new Map(), 2018).empty).toBe(true);
  });
  it('compares the same months of two years', () => {
    const prev = new Map<string, (number | null)[]>([['pub.cat.work', [null, 4, 3, null, ...new Array(9).fill(null)]]]);
    const y = shapeYoy(shapeTrend(cats, monthly, 2018), shapeTrend(cats, prev, 2017));
    expect(y.months.slice(0, 4)).toEqual([
      { month: 1, current: 6, previous: 4, changePercent: 50 },
      { month: 2, current: null, previous: 3, changePercent: null },
      { month: 3, current: 7, previous: null, changePercent: null },
      { month: 4, current: null, previous: null, changePercent: null },
    ]);
    expect(yoyTable(y.months, 2018).head).toEqual(['月份', '2018年', '2017年', '同比增减']);
    expect(yoyTable(y.months, 2018).rows[0]).toEqual(['1月', 6, 4, '+50.00%']);
    expect(shapeYoy(shapeTrend(cats, new Map(), 2018), shapeTrend(cats, new Map(), 2017)).empty).toBe(true);
  });
  it('has no change against a zero month', () => {
    expect(changePercent(3, 0)).toBeNull();
    expect(changePercent(1, 3)).toBe(-66.67);
  });
});

describe('shapeRanking', () => {
  it('ranks by count, equal counts share a rank, units without data last', () => {
    const r = shapeRanking([
      { unitCode: 'A', unitName: '甲', count: 5 },
      { unitCode: 'B', unitName: '乙', count: null },
      { unitCode: 'C', unitName: '丙', count: 9 },
      { unitCode: 'D', unitName: '丁', count: 5 },
    ]);
    expect(r.map((x) => [x.unitCode, x.rank, x.hasData])).toEqual([
      ['C', 1, true],
      ['A', 2, true],
      ['D', 2, true],
      ['B', 4, false],
    ]);
    expect(rankingTable(r, '主动公开总数').rows[3]).toEqual([4, '乙', 'B', null]);
  });
});

describe('toTsv', () => {
  it('pastes into Excel: tabs between cells, CRLF rows, no stray tabs inside cells', () => {
    expect(toTsv({ head: ['a', 'b'], rows: [['x\ty', 1], [null, 2.5]] })).toBe('a\tb\r\nx y\t1\r\n\t2.5\r\n');
  });
});
