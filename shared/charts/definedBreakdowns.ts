/**
 * The breakdowns a template declares besides its categories (template
 * `breakdowns`: 依申请公开办理结果, 行政复议结果, 行政诉讼结果): each slice is the
 * sum of its cells, shaped exactly as the category breakdown (shape.ts), so
 * the same picture (breakdownSvg.ts), shares and table serve both.
 */
import { findCell } from '../template/cells';
import type { BreakdownDefinition, Template } from '../template/schema';
import { shapeBreakdown, type Breakdown } from './shape';

export interface DefinedBreakdown {
  code: string;
  /** Title and measure of its picture, as breakdownCaption gives the categories'. */
  caption: { title: string; measure: string };
  breakdown: Breakdown;
}

const TOTAL = '#total';
const itemKey = (def: BreakdownDefinition, i: number) => `${def.code}#${i}`;

/** Sum of the cells present (in hundredths, so amounts add exactly); undefined when none is. */
function sumOf(cells: readonly string[], figures: ReadonlyMap<string, number>): number | undefined {
  const present = cells.filter((c) => figures.has(c));
  if (present.length === 0) return undefined;
  return present.reduce((s, c) => s + Math.round(figures.get(c)! * 100), 0) / 100;
}

export function shapeDefinedBreakdown(template: Template, def: BreakdownDefinition, figures: ReadonlyMap<string, number>): DefinedBreakdown {
  const categories = def.items.map((item, i) => ({ code: itemKey(def, i), name: item.label }));
  const sums = new Map<string, number>();
  def.items.forEach((item, i) => {
    const v = sumOf(item.cells, figures);
    if (v !== undefined) sums.set(itemKey(def, i), v);
  });
  const total = sumOf(def.total, figures);
  if (total !== undefined) sums.set(TOTAL, total);
  return {
    code: def.code,
    caption: { title: def.title, measure: findCell(template, def.items[0].cells[0])?.measure ?? '' },
    breakdown: shapeBreakdown(categories, sums, def.total.length > 0 ? TOTAL : undefined),
  };
}

/** Every declared breakdown of the template for one period's figures, in template order. */
export function definedBreakdowns(template: Template, figures: ReadonlyMap<string, number>): DefinedBreakdown[] {
  return template.breakdowns.map((def) => shapeDefinedBreakdown(template, def, figures));
}
