/** The 催报 list: units with months that are over but not received, and the text to send them. */
import type { Reminders, ReminderRow, SubmissionMatrix } from '../../../shared/api/methods/office';
import { formatDateLabel } from '../../../shared/office/dueDate';

export const REMINDER_HEADERS = ['单位名称', '单位代码', '未报月份', '其中逾期', '报送截止日'];

export function reminderRows(matrix: SubmissionMatrix, throughMonth = 12): ReminderRow[] {
  const out: ReminderRow[] = [];
  for (const r of matrix.rows) {
    const open = r.cells.filter((c) => c.month <= throughMonth && (c.status === 'missing' || c.status === 'overdue'));
    if (open.length === 0) continue;
    out.push({
      code: r.code,
      name: r.name,
      kind: r.kind,
      months: open.map((c) => c.month),
      overdueMonths: open.filter((c) => c.status === 'overdue').map((c) => c.month),
      dueDate: open[0].dueDate,
    });
  }
  return out;
}

const monthList = (months: number[]) => (months.length === 0 ? '无' : months.map((m) => `${m}月`).join('、'));

/** One line per unit, as the clerk pastes it into Excel, WPS or a chat message. */
export function reminderCells(r: ReminderRow): string[] {
  return [r.name, r.code, monthList(r.months), monthList(r.overdueMonths), formatDateLabel(r.dueDate)];
}

export function reminders(matrix: SubmissionMatrix, throughMonth?: number): Reminders {
  const rows = reminderRows(matrix, throughMonth);
  // Tabs and line breaks inside a name would break the columns when pasted.
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const tsv = [REMINDER_HEADERS, ...rows.map(reminderCells)].map((cells) => cells.map(clean).join('\t')).join('\n');
  return { year: matrix.year, today: matrix.today, rows, tsv };
}
