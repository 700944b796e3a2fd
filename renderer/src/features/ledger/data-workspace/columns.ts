/**
 * TanStack column definitions for a grid layout: the row-label column, the
 * measure column (list sections), and the value columns — nested under their
 * group and subgroup for national tables, so the header rows come out like
 * the official table's merged header cells.
 */
import { createColumnHelper, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import type { GridLayout, GridRow, ValueColumn } from '../shared/grid/layout';
import { t } from '../../../i18n/catalog';

export const gridFeatures = tableFeatures({});
const helper = createColumnHelper<typeof gridFeatures, GridRow>();

export const LABEL_COLUMN = 'label';
export const MEASURE_COLUMN = 'measure';
export const valueColumnId = (c: ValueColumn) => `v:${c.id}`;

type Def = ColumnDef<typeof gridFeatures, GridRow, unknown>;

function leaf(c: ValueColumn): Def {
  return helper.display({ id: valueColumnId(c), header: c.label });
}

/** Consecutive columns sharing a header are grouped under it. */
function nest(columns: ValueColumn[], level: 'group' | 'subgroup'): Def[] {
  const out: Def[] = [];
  let i = 0;
  while (i < columns.length) {
    const title = columns[i][level];
    if (!title || title === columns[i].label) {
      out.push(level === 'group' ? (nest([columns[i]], 'subgroup')[0] ?? leaf(columns[i])) : leaf(columns[i]));
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j][level] === title) j++;
    const run = columns.slice(i, j);
    out.push(helper.group({ id: `${level}:${i}:${title}`, header: title, columns: level === 'group' ? nest(run, 'subgroup') : run.map(leaf) }));
    i = j;
  }
  return out;
}

export function gridColumns(layout: GridLayout): Def[] {
  const head: Def[] = [helper.display({ id: LABEL_COLUMN, header: layout.corner || t('ledger.indicator') })];
  if (layout.showMeasure) head.push(helper.display({ id: MEASURE_COLUMN, header: t('ledger.measure') }));
  return [...head, ...nest(layout.columns, 'group')];
}

/** A column's full header path, used to name cells (e.g. "行政复议·结果维持"). */
export function columnPath(c: ValueColumn): string {
  return [c.group, c.subgroup, c.label].filter((h, i, all) => h && (i === 2 || (h !== c.label && all.indexOf(h) === i))).join('·');
}
