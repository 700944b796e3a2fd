import { describe, expect, it } from 'vitest';
import type { MatrixRow, SubmissionStatus } from '../../../../shared/api/methods/office';
import { missingMonths, viewMatrixRows } from './matrixView';

function row(code: string, name: string, statuses: SubmissionStatus[]): MatrixRow {
  return {
    code,
    name,
    kind: '部门',
    depth: 1,
    dueDay: 5,
    cells: statuses.map((status, i) => ({ month: i + 1, status, dueDate: '2026-01-05', revision: null, receivedAt: null })),
  };
}

const rows = [
  row('A', '市财政局', ['received', 'missing', 'notDue']),
  row('B', '船山区', ['overdue', 'overdue', 'notDue']),
  row('C', '安居区', ['completed', 'corrected', 'notDue']),
  row('D', '市教育局', ['overdue', 'received', 'notDue']),
];
const codes = (r: MatrixRow[]) => r.map((x) => x.code).join('');

describe('viewMatrixRows', () => {
  it('keeps the directory order and every unit by default', () => {
    expect(codes(viewMatrixRows(rows, 'all', 'tree'))).toBe('ABCD');
  });

  it('shows only units with a month missing, or only overdue ones', () => {
    expect(codes(viewMatrixRows(rows, 'missing', 'tree'))).toBe('ABD');
    expect(codes(viewMatrixRows(rows, 'overdue', 'tree'))).toBe('BD');
  });

  it('sorts by months missing (most first, then most overdue) or by name', () => {
    expect(rows.map(missingMonths)).toEqual([1, 2, 0, 1]);
    expect(codes(viewMatrixRows(rows, 'all', 'missing'))).toBe('BDAC');
    expect(codes(viewMatrixRows(rows, 'all', 'name'))).toBe('CBAD');
  });
});
