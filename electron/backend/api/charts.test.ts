import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { breakdownPicture, breakdownSubtitle } from '../../../shared/charts/breakdownSvg';
import { CHART_SHEET } from '../../../shared/workbook/format';
import { renderPng } from '../charts/renderPng';
import { formatPercent } from '../../../shared/charts/shares';
import { DEMO_UNIT_CODE } from '../demo/loadDemo';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';

const T = 'suining-2017';
const YEAR = { year: 2017, fromMonth: 1, toMonth: 12 };
/** This file's own unit with every unit below it. */
const LEVEL = { subtree: true };
const REPORT_2017 = {
  概况信息: '2.44%',
  计划总结信息: '9.19%',
  规范性文件信息: '0.10%',
  工作动态信息: '55.11%',
  人事信息: '2.11%',
  财政信息: '2.29%',
  行政执法信息: '6.07%',
  其他信息: '22.69%',
};

let b: TempBackend;
afterEach(() => b.dispose());

describe('demo.load', () => {
  it('on a file not set up, makes the demo unit this file’s office with the exact 2017 figures', async () => {
    b = await tempBackend({ setup: false });
    const loaded = await b.invoke('demo.load', {});
    expect(loaded).toMatchObject({ unitCode: DEMO_UNIT_CODE, becameSelf: true, year: 2017, templateId: T });
    const status = await b.invoke('app.status', {});
    expect(status).toMatchObject({ setupDone: true, role: 'aggregator', unit: { code: DEMO_UNIT_CODE } });
    const bd = await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: LEVEL });
    expect(Object.fromEntries(bd.items.map((i) => [i.name, formatPercent(i)]))).toEqual(REPORT_2017);
    expect(bd.total).toBe(76891);
    const ov = await b.invoke('charts.overview', { templateId: T, year: 2017 });
    expect(ov.monthsWithData).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ov.headline.find((h) => h.ref === 'pub.total')?.value).toBe(76891);
    expect(ov.violations.filter((v) => v.severity === 'error')).toEqual([]);
    // The real report's 重点信息 exceeds its itemised parts: a warning, with its reason.
    expect(ov.violations.map((v) => v.ruleId)).toEqual(['key.items_gap']);
    expect(await b.invoke('charts.years', { templateId: T, scope: LEVEL })).toEqual([2017]);
    expect(ov.completedMonths).toEqual([]);
    await b.invoke('months.complete', { templateId: T, year: 2017, month: 1, explanations: { 'month:key.items_gap': '部分单位重点领域分项未统计' } });
    expect((await b.invoke('charts.overview', { templateId: T, year: 2017 })).completedMonths).toEqual([1]);
  });

  it('heads 首页 with the entered total and states no shares when it disagrees with the categories', async () => {
    b = await tempBackend({ setup: false });
    await b.invoke('demo.load', {});
    expect((await b.invoke('charts.overview', { templateId: T, year: 2017 })).headlineTotal).toBe(76891);
    const jan = (await b.invoke('values.getYear', { templateId: T, year: 2017 })).values.find((v) => v.indicator === 'pub.total' && v.month === 1)!;
    await b.invoke('values.set', { templateId: T, year: 2017, month: 1, indicator: 'pub.total', raw: String(jan.value + 9) });
    const ov = await b.invoke('charts.overview', { templateId: T, year: 2017 });
    expect(ov.headlineTotal).toBe(76900);
    expect(ov.breakdown.total).toBe(76891);
    expect(ov.breakdown.sharesStated).toBe(false);
    expect(ov.violations.map((v) => v.ruleId)).toContain('pub.categories_sum');
    const bd = await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: LEVEL });
    expect(bd.sharesStated).toBe(false);
  });

  it('on a set-up file, adds the demo unit under this unit and is repeatable', async () => {
    b = await tempBackend({ role: 'aggregator' });
    const first = await b.invoke('demo.load', {});
    expect(first.becameSelf).toBe(false);
    expect(first.cellsWritten).toBeGreaterThan(800);
    const again = await b.invoke('demo.load', {});
    expect(again.cellsWritten).toBe(0);
    const units = await b.invoke('units.list', {});
    expect(units.find((u) => u.code === DEMO_UNIT_CODE)?.parentId).toBe(units.find((u) => u.code === 'TEST-01')?.id);
    // The office's level includes the demo unit; its own figures do not.
    expect((await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: LEVEL })).total).toBe(76891);
    const own = await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: { subtree: false } });
    expect(own.empty).toBe(true);
  });
});

describe('charts', () => {
  it('gives a month, a range and the year; months add up to the year', async () => {
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('demo.load', {});
    const trend = await b.invoke('charts.trend', { templateId: T, year: 2017, scope: LEVEL });
    expect(trend.empty).toBe(false);
    expect(trend.categories).toHaveLength(8);
    expect(trend.months.reduce((s, m) => s + m.total, 0)).toBe(76891);
    const march = await b.invoke('charts.breakdown', { templateId: T, period: { year: 2017, fromMonth: 3, toMonth: 3 }, scope: LEVEL });
    expect(march.total).toBe(trend.months[2].total);
    const h1 = await b.invoke('charts.breakdown', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 6 }, scope: LEVEL });
    expect(h1.total).toBe(trend.months.slice(0, 6).reduce((s, m) => s + m.total, 0));
    expect(h1.items.reduce((s, i) => s + i.basisPoints, 0)).toBe(10_000);
  });

  it('says empty for a period without figures', async () => {
    b = await tempBackend();
    const bd = await b.invoke('charts.breakdown', { templateId: T, period: YEAR, scope: LEVEL });
    expect(bd.empty).toBe(true);
    expect((await b.invoke('charts.trend', { templateId: T, year: 2018, scope: LEVEL })).empty).toBe(true);
    expect((await b.invoke('charts.yoy', { templateId: T, year: 2018, scope: LEVEL })).empty).toBe(true);
    expect(await b.invoke('charts.years', { templateId: T, scope: LEVEL })).toEqual([]);
  });

  it('compares a year with the one before', async () => {
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('demo.load', {});
    const yoy = await b.invoke('charts.yoy', { templateId: T, year: 2018, scope: { unitCode: DEMO_UNIT_CODE, subtree: true } });
    expect(yoy.empty).toBe(false);
    expect(yoy.months.every((m) => m.current === null && m.previous !== null && m.changePercent === null)).toBe(true);
    expect(yoy.months.reduce((s, m) => s + (m.previous ?? 0), 0)).toBe(76891);
  });

  it('ranks the units below an office by total or by one category', async () => {
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('demo.load', {});
    await b.invoke('values.set', { templateId: T, year: 2017, month: 1, indicator: 'pub.cat.work', raw: '5' });
    const byTotal = await b.invoke('charts.ranking', { templateId: T, period: YEAR });
    expect(byTotal.rows).toEqual([{ unitCode: DEMO_UNIT_CODE, unitName: '遂宁市（2017年演示数据）', count: 76891, rank: 1, hasData: true }]);
    const byWork = await b.invoke('charts.ranking', { templateId: T, period: YEAR, by: 'pub.cat.work' });
    expect(byWork.by.name).toBe('工作动态信息');
    expect(byWork.rows[0].count).toBe(42373);
    const r = await b.call('charts.ranking', { templateId: T, period: YEAR, by: 'pub.total' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'not_found', where: 'by' });
  });

  it('refuses a bad period or an unknown unit with a Chinese message, changing nothing', async () => {
    b = await tempBackend();
    const before = snapshot(b);
    const bad = await b.call('charts.breakdown', { templateId: T, period: { year: 2017, fromMonth: 6, toMonth: 3 }, scope: LEVEL });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('起始月份不能晚于结束月份');
    const unknown = await b.call('charts.trend', { templateId: T, year: 2017, scope: { unitCode: 'NOPE', subtree: true } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('NOPE');
    expect(snapshot(b)).toBe(before);
  });
});

describe('the breakdown picture', () => {
  it('saved as PNG and put in the workbook is the very picture the charts page draws from charts.breakdown', async () => {
    b = await tempBackend({ setup: false });
    await b.invoke('demo.load', {});
    const period = { year: 2017, fromMonth: 1, toMonth: 6 };
    for (const scope of [LEVEL, { subtree: false }]) {
      const bd = await b.invoke('charts.breakdown', { templateId: T, period, scope });
      // What BreakdownCharts.tsx draws from that answer.
      const screen = breakdownPicture(bd, bd.caption!, breakdownSubtitle(bd.scope, period));
      expect(screen.svg).toContain(bd.caption!.title);
      expect(screen.svg).toContain(`填报单位：${bd.scope.unitName}`);
      const saved = await b.invoke('charts.breakdownPng', { templateId: T, period, scope });
      expect(Buffer.from(saved.base64, 'base64').equals((await renderPng(screen.svg)).png), JSON.stringify(scope)).toBe(true);
    }
    // The submission workbook's chart sheet: the unit's own figures.
    const own = await b.invoke('charts.breakdown', { templateId: T, period, scope: { subtree: false } });
    const picture = breakdownPicture(own, own.caption!, breakdownSubtitle(own.scope, period));
    const exported = await b.invoke('export.workbook', { templateId: T, period });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ExcelJS.Buffer);
    const [image] = wb.getWorksheet(CHART_SHEET)!.getImages();
    const embedded = wb.getImage(Number(image.imageId)).buffer as unknown as Buffer;
    expect(Buffer.from(embedded).equals((await renderPng(picture.svg)).png)).toBe(true);
  });

  it('依申请公开 outcomes and 复议/诉讼 results: the template’s declared breakdowns, saved as the very picture drawn on screen', async () => {
    b = await tempBackend({ role: 'aggregator' });
    const N = 'national-2021';
    const set = (indicator: string, col: string, month: number, raw: string) => b.invoke('values.set', { templateId: N, year: 2022, month, indicator, col, raw });
    await set('t3.disclosed', 'total', 2, '6');
    await set('t3.disclosed', 'total', 5, '4');
    await set('t3.unable.not_held', 'total', 5, '5');
    await set('t3.handled_total', 'total', 5, '15');
    await set('t4.cases', 'review_upheld', 3, '1');
    await set('t4.cases', 'review_total', 3, '1');
    const period = { year: 2022, fromMonth: 1, toMonth: 12 };
    const r = await b.invoke('charts.breakdowns', { templateId: N, period, scope: LEVEL });
    expect(r.breakdowns.map((d) => d.code)).toEqual(['requests', 'review', 'litigation']);
    const [requests, review, litigation] = r.breakdowns;
    expect(requests.breakdown.items.map((i) => [i.name, i.count, formatPercent(i)])).toEqual([
      ['予以公开', 10, '66.67%'],
      ['部分公开', 0, '0.00%'],
      ['不予公开', 0, '0.00%'],
      ['无法提供', 5, '33.33%'],
      ['不予处理', 0, '0.00%'],
      ['其他处理', 0, '0.00%'],
    ]);
    expect(review.breakdown.items[0]).toMatchObject({ name: '结果维持', count: 1, percent: 100 });
    expect(litigation.breakdown.empty).toBe(true);
    const screen = breakdownPicture(requests.breakdown, requests.caption, breakdownSubtitle(r.scope, period));
    const saved = await b.invoke('charts.breakdownPng', { templateId: N, period, scope: LEVEL, breakdown: 'requests' });
    expect(Buffer.from(saved.base64, 'base64').equals((await renderPng(screen.svg)).png)).toBe(true);
    expect(await b.call('charts.breakdownPng', { templateId: N, period, scope: LEVEL, breakdown: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '报表模板“政府信息公开工作年度报告（2021年版格式）”没有代码为 nope 的统计图', where: 'breakdown' },
    });
  });
});
