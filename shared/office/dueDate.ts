/**
 * When a unit's monthly figures are due at the office: a day of the month
 * after the reported one (the 5th unless the unit has its own day).
 * Dates are plain "YYYY-MM-DD" strings so "today" can be injected in tests
 * and compared without time zones getting in the way.
 */
export const DEFAULT_DUE_DAY = 5;
export const MAX_DUE_DAY = 28;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A moment as people read it in lists and logs: 2026-11-29 15:03 (local time). */
export function localDateTime(d: Date): string {
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local calendar date of a moment, as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function effectiveDueDay(dueDay: number | null | undefined): number {
  return dueDay ?? DEFAULT_DUE_DAY;
}

/** Due date of the figures for `month` of `year`. */
export function dueDate(year: number, month: number, dueDay: number | null | undefined): string {
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return isoDate(next.y, next.m, effectiveDueDay(dueDay));
}

/** True once the reported month is over (its figures can be submitted). */
export function monthEnded(year: number, month: number, today: string): boolean {
  const next = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
  return today >= next;
}

/** True when the due date has passed (the due day itself is still on time). */
export function isOverdue(year: number, month: number, dueDay: number | null | undefined, today: string): boolean {
  return today > dueDate(year, month, dueDay);
}

/** "2017年3月5日" for messages and the reminder list. */
export function formatDateLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The date `days` after an ISO date (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The date a reminder asks for: the due date of the month just ended when
 * it is still ahead (the usual reminder before the 5th), else three days
 * on, time enough to export and send a workbook.
 */
export function defaultReplyBy(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const last = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  const due = dueDate(last.year, last.month, null);
  return due >= today ? due : addDays(today, 3);
}

/** Months as runs: [1,2,3,5,7,8] → "1—3月、5月、7—8月" (what a notice prints; a list of twelve would not fit a cell). */
export function formatMonthRuns(months: readonly number[]): string {
  if (months.length === 0) return '无';
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && m === last[1] + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}月` : `${a}—${b}月`)).join('、');
}
