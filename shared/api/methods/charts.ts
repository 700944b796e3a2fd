/** Charts and the overview: figures shaped for drawing, computed by the backend. */
import { z } from 'zod';
import type { Violation } from '../../rules/evaluate';
import type { Breakdown, CategoryDef, RankingRow, Trend, YoyMonth } from '../../charts/shape';
import type { Period } from '../../values/period';
import { monthSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../common';

export const periodSchema = z
  .strictObject({ year: yearSchema, fromMonth: monthSchema, toMonth: monthSchema })
  .refine((p) => p.fromMonth <= p.toMonth, { message: '起始月份不能晚于结束月份', path: ['toMonth'] });

/** Whose figures: a unit (this file's own by default), alone or with every unit below it. */
const scope = {
  templateId: templateIdSchema,
  unitCode: unitCodeSchema.optional(),
  /** true: the unit and its whole subtree; false: the unit's own figures. Default: the subtree. */
  level: z.boolean().optional(),
};

export const chartInputs = {
  'charts.breakdown': z.strictObject({ ...scope, period: periodSchema }),
  'charts.trend': z.strictObject({ ...scope, year: yearSchema }),
  'charts.yoy': z.strictObject({ ...scope, year: yearSchema }),
  'charts.ranking': z.strictObject({
    templateId: templateIdSchema,
    period: periodSchema,
    /** Ranks the units directly below this one (each with its subtree); this file's unit by default. */
    unitCode: unitCodeSchema.optional(),
    /** A category ref of the template; the category total when absent. */
    by: z.string().min(1).max(80).optional(),
  }),
  'charts.overview': z.strictObject({ templateId: templateIdSchema, year: yearSchema }),
  'charts.years': z.strictObject({ ...scope }),
  /** set: the 2017 Suining figures (default), or the current ledger's city demo (2023–2025, a city with its units). */
  'demo.load': z.strictObject({ set: z.enum(['suining-2017', 'city']).default('suining-2017') }),
};

export interface ChartScope {
  unitCode: string;
  unitName: string;
  level: boolean;
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
  headline: { ref: string; label: string; measure: string; value: number | null }[];
  violations: Violation[];
  breakdown: Breakdown;
  categories: CategoryDef[];
}

export interface DemoLoaded {
  unitCode: string;
  unitName: string;
  templateId: string;
  year: number;
  /** The demo unit became this data file's own unit (the file was not set up). */
  becameSelf: boolean;
  cellsWritten: number;
}

export interface ChartOutputs {
  'charts.breakdown': Breakdown & { period: Period; scope: ChartScope };
  'charts.trend': Trend & { scope: ChartScope; categories: CategoryDef[] };
  'charts.yoy': { year: number; months: YoyMonth[]; empty: boolean; scope: ChartScope };
  'charts.ranking': { period: Period; parent: ChartScope; by: { ref: string | null; name: string }; rows: RankingRow[] };
  'charts.overview': OverviewFigures;
  /** Years with any figure, latest first. */
  'charts.years': number[];
  'demo.load': DemoLoaded;
}
