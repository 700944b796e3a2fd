/**
 * What the office looks for in the submission matrix of hundreds of units:
 * only the units with a month missing (or only overdue ones), sorted by the
 * directory's order, by name, or by how many months are missing.
 */
import type { MatrixRow, SubmissionStatus } from '../../../../shared/api/methods/office';

export type MatrixShow = 'all' | 'missing' | 'overdue';
export type MatrixSort = 'tree' | 'name' | 'missing';

const MISSING: ReadonlySet<SubmissionStatus> = new Set(['missing', 'overdue']);

export function missingMonths(row: MatrixRow): number {
  return row.cells.filter((c) => MISSING.has(c.status)).length;
}

export function overdueMonths(row: MatrixRow): number {
  return row.cells.filter((c) => c.status === 'overdue').length;
}

const collator = new Intl.Collator('zh-CN');

export function viewMatrixRows(rows: readonly MatrixRow[], show: MatrixShow, sort: MatrixSort): MatrixRow[] {
  const kept = rows.filter((r) => (show === 'all' ? true : show === 'missing' ? missingMonths(r) > 0 : overdueMonths(r) > 0));
  if (sort === 'tree') return kept;
  const indexed = kept.map((r, i) => ({ r, i }));
  indexed.sort((a, b) =>
    sort === 'name'
      ? collator.compare(a.r.name, b.r.name) || a.i - b.i
      : missingMonths(b.r) - missingMonths(a.r) || overdueMonths(b.r) - overdueMonths(a.r) || a.i - b.i,
  );
  return indexed.map((x) => x.r);
}
