import type { OverviewFigures } from '../../../../shared/api/methods/charts';
import { categoriesOf, shapeBreakdown, shapeRanking, shapeTrend, shapeYoy } from '../../../../shared/charts/shape';
import { breakdownCaption } from '../../../../shared/charts/breakdownSvg';
import { definedBreakdowns } from '../../../../shared/charts/definedBreakdowns';
import { evaluateRules } from '../../../../shared/rules/evaluate';
import { categoryTotalRef, findCell, sectionCells } from '../../../../shared/template/cells';
import { yearPeriod } from '../../../../shared/values/period';
import { resolveTemplate, resolveUnit, ruleAudience } from '../../context';
import { yearStatus } from '../../store/months';
import { dataYears, resolveScope, scopeMonthlyFigures, scopePeriodFigures, subtreeFlowTotals } from '../../charts/scope';
import { breakdownPng } from '../../charts/breakdown';
import { subtreeUnitIds } from '../../store/aggregate';
import { listUnits } from '../../store/units';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

export const chartHandlers: HandlerMap<'charts.breakdown' | 'charts.breakdowns' | 'charts.breakdownPng' | 'charts.trend' | 'charts.yoy' | 'charts.ranking' | 'charts.overview' | 'charts.years'> = {
  'charts.breakdown': (ctx, { templateId, period, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    const figures = scopePeriodFigures(ctx, template, s.unitIds, period);
    return { ...shapeBreakdown(categoriesOf(template), figures, categoryTotalRef(template)), period, scope: s.scope, caption: breakdownCaption(template) };
  },

  'charts.breakdowns': (ctx, { templateId, period, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    return { period, scope: s.scope, breakdowns: definedBreakdowns(template, scopePeriodFigures(ctx, template, s.unitIds, period)) };
  },

  'charts.breakdownPng': async (ctx, { templateId, period, scope, breakdown }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    const picture = await breakdownPng(template, scopePeriodFigures(ctx, template, s.unitIds, period), s.scope, period, breakdown);
    if (!picture && breakdown !== undefined) fail('not_found', `报表模板“${template.name}”没有代码为 ${breakdown} 的统计图`, 'breakdown');
    if (!picture) fail('not_found', `报表模板“${template.name}”没有分类指标，无法生成分类统计图`, 'templateId');
    return { base64: picture.png.toString('base64'), width: picture.width, height: picture.height };
  },

  'charts.trend': (ctx, { templateId, year, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    const categories = categoriesOf(template);
    return { ...shapeTrend(categories, scopeMonthlyFigures(ctx, template, s.unitIds, year), year), scope: s.scope, categories };
  },

  'charts.yoy': (ctx, { templateId, year, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    const categories = categoriesOf(template);
    const current = shapeTrend(categories, scopeMonthlyFigures(ctx, template, s.unitIds, year), year);
    const previous = shapeTrend(categories, scopeMonthlyFigures(ctx, template, s.unitIds, year - 1), year - 1);
    return { year, ...shapeYoy(current, previous), scope: s.scope };
  },

  'charts.ranking': (ctx, { templateId, period, unitCode, by }) => {
    const template = resolveTemplate(ctx, templateId);
    const parent = resolveUnit(ctx, unitCode);
    const categories = categoriesOf(template);
    const category = by === undefined ? undefined : (categories.find((c) => c.code === by) ?? fail('not_found', `模板“${template.name}”中没有分类指标 ${by}`, 'by'));
    const children = listUnits(ctx.store.db).filter((u) => u.parentId === parent.id);
    const refs = category ? [category.code] : categories.map((c) => c.code);
    // Category cells are flows; a template marking a stock as a category is ranked by the general roll-up.
    const allFlows = refs.every((r) => findCell(template, r)?.rollup === 'sum');
    const totals = allFlows
      ? subtreeFlowTotals(ctx, template, children.map((u) => u.id), refs, period)
      : new Map(children.map((u) => [u.id, scopePeriodFigures(ctx, template, subtreeUnitIds(ctx.store.db, u.id), period)]));
    const rows = children.map((u) => {
      const figures = totals.get(u.id) ?? new Map<string, number>();
      const present = refs.filter((r) => figures.has(r));
      return { unitCode: u.code, unitName: u.name, count: present.length === 0 ? null : present.reduce((s, r) => s + figures.get(r)!, 0) };
    });
    const allIds = subtreeUnitIds(ctx.store.db, parent.id);
    return {
      period,
      parent: { unitCode: parent.code, unitName: parent.name, subtree: true, unitCount: allIds.length },
      by: { ref: category?.code ?? null, name: category?.name ?? '主动公开信息（各类合计）' },
      rows: shapeRanking(rows),
    };
  },

  'charts.overview': (ctx, { templateId, year }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, { subtree: true });
    const monthly = scopeMonthlyFigures(ctx, template, s.unitIds, year);
    const monthsWithData = [...new Set([...monthly.values()].flatMap((ms) => ms.flatMap((v, m) => (m > 0 && v !== null ? [m] : []))))].sort((a, b) => a - b);
    const current = scopePeriodFigures(ctx, template, s.unitIds, yearPeriod(year));
    const previous = scopePeriodFigures(ctx, template, s.unitIds, yearPeriod(year - 1));
    const violations = evaluateRules(template, 'year', (ref, y) => (y === 'current' ? current : previous).get(ref), { audience: ruleAudience(ctx), unitKind: s.unit.kind });
    const categories = categoriesOf(template);
    const totalRef = categoryTotalRef(template);
    const breakdown = shapeBreakdown(categories, current, totalRef);
    const headline: OverviewFigures['headline'] = template.sections.flatMap((sec) => {
      if (sec.kind !== 'list') return [];
      const first = sectionCells(sec)[0];
      return first ? [{ ref: first.ref, label: first.label, measure: first.measure, valueKind: first.valueKind, decimals: first.decimals, value: current.get(first.ref) ?? null }] : [];
    });
    return { year, scope: s.scope, monthsWithData, completedMonths: yearStatus(ctx.store.db, s.unit.id, template.id, year).filter((m) => m.completed).map((m) => m.month), headlineTotal: (totalRef === undefined ? undefined : current.get(totalRef)) ?? breakdown.total, headline, violations, breakdown, caption: breakdownCaption(template), categories };
  },

  'charts.years': (ctx, { templateId, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const s = resolveScope(ctx, scope);
    return dataYears(ctx, template.id, s.unitIds);
  },

};
