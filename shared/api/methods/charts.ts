/** Charts and the overview: figures shaped for drawing, computed by the backend, and the breakdown as a picture. */
import { z } from 'zod';
import type { Violation } from '../../rules/evaluate';
import type { Breakdown, CategoryDef, RankingRow, Trend, YoyMonth } from '../../charts/shape';
import type { Period } from '../../values/period';
import type { ValueKind } from '../../template/schema';
import type { breakdownCaption } from '../../charts/breakdownSvg';
import type { DefinedBreakdown } from '../../charts/definedBreakdowns';
import { periodSchema, scopeSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

const target = { templateId: templateIdSchema, scope: scopeSchema };

export const chartInputs = {
  'charts.breakdown': z.strictObject({ ...target, period: periodSchema }),
  /** The breakdowns the template declares besides its categories (依申请公开办理结果, 复议/诉讼结果). */
  'charts.breakdowns': z.strictObject({ ...target, period: periodSchema }),
  /** The breakdown drawn as the chart on screen draws it (shared/charts/breakdownSvg.ts), as a PNG: the categories', or a declared one by its code. */
  'charts.breakdownPng': z.strictObject({ ...target, period: periodSchema, breakdown: z.string().regex(/^[a-z][a-z0-9_]*$/, '统计图代码有误').optional() }),
  'charts.trend': z.strictObject({ ...target, year: yearSchema }),
  'charts.yoy': z.strictObject({ ...target, year: yearSchema }),
  'charts.ranking': z.strictObject({
    templateId: templateIdSchema,
    period: periodSchema,
    /** Ranks the units directly below this one (each with its subtree); this file's unit by default. */
    unitCode: unitCodeSchema.optional(),
    /** A category ref of the template; the category total when absent. */
    by: z.string().min(1).max(80).optional(),
  }),
  /** 首页: this data file's own unit with its subtree. */
  'charts.overview': z.strictObject({ templateId: templateIdSchema, year: yearSchema }),
  'charts.years': z.strictObject(target),
};

export type BreakdownCaption = NonNullable<ReturnType<typeof breakdownCaption>>;

/** The scope a chart was drawn for, resolved: named, and how many units it took in. */
export interface ChartScope {
  unitCode: string;
  unitName: string;
  subtree: boolean;
  /** Units whose figures are included. */
  unitCount: number;
}

export interface OverviewFigures {
  year: number;
  scope: ChartScope;
  /** Months with any figure entered. */
  monthsWithData: number[];
  /** Months of the unit's own ledger marked complete (null when unknown). */
  completedMonths: number[] | null;
  /**
   * The year so far's entered total the categories add up to (主动公开政府信息总数), as
   * every other page shows it; the category sum where the template states no total.
   */
  headlineTotal: number;
  /** Year figure of each list indicator that heads its section (e.g. 主动公开政府信息总数). */
  headline: { ref: string; label: string; measure: string; valueKind: ValueKind; decimals: number; value: number | null }[];
  violations: Violation[];
  breakdown: Breakdown;
  /** Title and measure of the breakdown picture; null when the template has no categories. */
  caption: BreakdownCaption | null;
  categories: CategoryDef[];
}

export interface ChartOutputs {
  'charts.breakdown': Breakdown & { period: Period; scope: ChartScope; caption: BreakdownCaption | null };
  'charts.breakdowns': { period: Period; scope: ChartScope; breakdowns: DefinedBreakdown[] };
  'charts.breakdownPng': { base64: string; width: number; height: number };
  'charts.trend': Trend & { scope: ChartScope; categories: CategoryDef[] };
  'charts.yoy': { year: number; months: YoyMonth[]; empty: boolean; scope: ChartScope };
  'charts.ranking': { period: Period; parent: ChartScope; by: { ref: string | null; name: string }; rows: RankingRow[] };
  'charts.overview': OverviewFigures;
  /** Years with any figure, latest first. */
  'charts.years': number[];
}
