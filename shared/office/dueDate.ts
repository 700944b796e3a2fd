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
