/**
 * The series fills of shared/charts/palette.ts for recharts and the HTML
 * legends: the very patterns the breakdown picture and the saved PNG use.
 */
import { useId, type ComponentType } from 'react';
import type { RechartsFill, RechartsFillDefinitionProps } from 'recharts';
import { seriesPattern, seriesStyle } from '../../../../shared/charts/palette';
import { svgElements } from './SvgPicture';

export { PREVIOUS_YEAR, SINGLE_SERIES, TOTAL_LINE } from '../../../../shared/charts/palette';

export interface SeriesFill {
  /** Solid colour (tooltips, the PNG legend). */
  color: string;
  /** What the chart paints: the colour, or the colour with its texture. */
  fill: string | RechartsFill;
}

// Made once per series: a new definition component on every render would redraw the pattern each time.
const definitions: ComponentType<RechartsFillDefinitionProps>[] = [];
function definition(index: number): ComponentType<RechartsFillDefinitionProps> {
  definitions[index] ??= function SeriesPattern({ id }: RechartsFillDefinitionProps) {
    return <>{svgElements(seriesPattern(id, index))}</>;
  };
  return definitions[index];
}

export function seriesFill(index: number): SeriesFill {
  const s = seriesStyle(index);
  return { color: s.color, fill: s.texture ? { color: s.color, definition: definition(index) } : s.color };
}

/** A legend swatch painted with series `index`'s fill. */
export function Swatch({ index }: { index: number }) {
  const id = `swatch${useId().replace(/:/g, '')}`;
  return (
    <svg className="swatch" width="14" height="14" aria-hidden="true">
      <defs>{svgElements(seriesPattern(id, index))}</defs>
      <rect width="14" height="14" fill={`url(#${id})`} stroke="#111827" strokeWidth="0.8" />
    </svg>
  );
}
