/** The 催报 list: units with months that are over but not received, as a table and as a notice to send them. */
import { toDelimited } from '../../../shared/values/textSafety';
import type { Reminders, ReminderRow, SubmissionMatrix } from '../../../shared/api/methods/office';
import { defaultReplyBy, formatDateLabel, formatMonthRuns } from '../../../shared/office/dueDate';

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

/** One line per unit, as the clerk pastes it into Excel or WPS, and as the workbook prints it. */
export function reminderCells(r: ReminderRow): string[] {
  return [r.name, r.code, formatMonthRuns(r.months), formatMonthRuns(r.overdueMonths), formatDateLabel(r.dueDate)];
}

const INDENT = '\u3000\u3000';

function unitLine(r: ReminderRow, i: number): string {
  const missing = `${formatMonthRuns(r.months)}未报`;
  const overdue =
    r.overdueMonths.length === 0 ? '' : r.overdueMonths.length === r.months.length ? '，均已逾期' : `，其中${formatMonthRuns(r.overdueMonths)}已逾期`;
  return `${INDENT}${i + 1}. ${r.name}（${r.code}）：${missing}${overdue}。`;
}

/**
 * The notice (通知) the office sends, in the wording of one: title, who it
 * is addressed to, what is missing and by when, the units one per line, and
 * the sender and date at the end. Plain text, so that it pastes into a
 * message, a mail or a Word document alike.
 */
export function reminderNotice(o: { matrix: SubmissionMatrix; rows: ReminderRow[]; templateName: string; replyBy: string }): string {
  const { matrix, rows } = o;
  const overdue = rows.filter((r) => r.overdueMonths.length > 0).length;
  const lead =
    `${INDENT}截至${formatDateLabel(matrix.today)}，下列${rows.length}个单位尚未报送${matrix.year}年《${o.templateName}》的月度数据` +
    (overdue === 0 ? '' : overdue === rows.length ? '，均已超过报送截止日' : `，其中${overdue}个单位已超过报送截止日`) +
    `。请于${formatDateLabel(o.replyBy)}前将本单位的报送表（Excel）报送${matrix.root.name}` +
    (overdue > 0 ? '，逾期的月份一并补报。' : '。');
  return [
    `关于尽快报送${matrix.year}年政务公开统计报表的通知`,
    '',
    '各有关单位：',
    lead,
    ...rows.map(unitLine),
    `${INDENT}特此通知。`,
    '',
    matrix.root.name,
    formatDateLabel(matrix.today),
  ].join('\n');
}

export function reminders(matrix: SubmissionMatrix, o: { throughMonth?: number; templateName: string; replyBy?: string }): Reminders {
  const rows = reminderRows(matrix, o.throughMonth);
  const replyBy = o.replyBy ?? defaultReplyBy(matrix.today);
  // Tabs and line breaks inside a name would break the columns when pasted; a name starting with "=" would paste as a formula.
  const tsv = toDelimited([REMINDER_HEADERS, ...rows.map(reminderCells)], '\n');
  return {
    year: matrix.year,
    today: matrix.today,
    office: matrix.root,
    templateName: o.templateName,
    replyBy,
    rows,
    tsv,
    notice: reminderNotice({ matrix, rows, templateName: o.templateName, replyBy }),
  };
}
