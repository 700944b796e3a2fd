/** The category breakdown picture of a unit's period figures (annual-report style). */
import { breakdownSvg, type BreakdownItem } from '../../../shared/charts/breakdownSvg';
import { statedShares } from '../../../shared/charts/shares';
import { categoryCells, categoryTotalRef } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodLabel, type Period } from '../../../shared/values/period';
import { renderPng, type RenderedPng } from './renderPng';

/** Category items with their period counts (0 where empty); null when the template has no categories. */
export function breakdownItems(template: Template, figures: Map<string, number>): { items: BreakdownItem[]; measure: string; title: string } | null {
  const cells = categoryCells(template);
  if (cells.length === 0) return null;
  const section = template.sections.find((s) => s.code === cells[0].sectionCode);
  return {
    items: cells.map((c) => ({ key: c.ref, label: c.category!, count: figures.get(c.ref) ?? 0 })),
    measure: cells[0].measure,
    title: `${section?.title ?? template.name}分类情况`,
  };
}

export async function breakdownPicture(
  template: Template,
  figures: Map<string, number>,
  who: { unitName: string; period: Period },
): Promise<RenderedPng | null> {
  const b = breakdownItems(template, figures);
  if (!b) return null;
  const { svg } = breakdownSvg(b.items, {
    title: b.title,
    subtitle: `填报单位：${who.unitName}\u3000统计期间：${formatPeriodLabel(who.period)}`,
    measure: b.measure,
    sharesStated: sharesStatedFor(template, figures, b.items),
  });
  return renderPng(svg);
}

function sharesStatedFor(template: Template, figures: Map<string, number>, items: BreakdownItem[]): boolean {
  const totalRef = categoryTotalRef(template);
  return statedShares(items, totalRef === undefined ? undefined : figures.get(totalRef)) !== null;
}
