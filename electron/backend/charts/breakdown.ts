/**
 * The breakdown picture as a PNG: the tree of shared/charts/breakdownSvg.ts
 * that the charts page draws, rasterised (charts.breakdownPng, the
 * workbook's chart sheet).
 */
import { breakdownCaption, breakdownPicture, breakdownSubtitle, type BreakdownSvg } from '../../../shared/charts/breakdownSvg';
import { shapeDefinedBreakdown } from '../../../shared/charts/definedBreakdowns';
import { categoriesOf, shapeBreakdown } from '../../../shared/charts/shape';
import { categoryTotalRef } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import { renderPng, type RenderedPng } from './renderPng';

/** Whose figures the picture names: a resolved scope (ChartScope). */
export interface PictureScope {
  unitName: string;
  subtree: boolean;
  unitCount: number;
}

/**
 * The picture of a scope's period figures: the categories', or the declared
 * breakdown `code` (template `breakdowns`); null when the template has no such breakdown.
 */
export function breakdownPictureSvg(template: Template, figures: ReadonlyMap<string, number>, who: PictureScope, period: Period, code?: string): BreakdownSvg | null {
  if (code !== undefined) {
    const def = template.breakdowns.find((b) => b.code === code);
    if (!def) return null;
    const shaped = shapeDefinedBreakdown(template, def, figures);
    return breakdownPicture(shaped.breakdown, shaped.caption, breakdownSubtitle(who, period));
  }
  const caption = breakdownCaption(template);
  if (!caption) return null;
  return breakdownPicture(shapeBreakdown(categoriesOf(template), figures, categoryTotalRef(template)), caption, breakdownSubtitle(who, period));
}

export async function breakdownPng(template: Template, figures: ReadonlyMap<string, number>, who: PictureScope, period: Period, code?: string): Promise<RenderedPng | null> {
  const picture = breakdownPictureSvg(template, figures, who, period, code);
  return picture && renderPng(picture.svg);
}
