/**
 * Periods: a year, one month of it, or a range of months. Values are always
 * stored per month; years and ranges are roll-ups.
 */
export interface Period {
  year: number;
  /** Inclusive month range, 1..12. A whole year is 1..12. */
  fromMonth: number;
  toMonth: number;
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function yearPeriod(year: number): Period {
  return { year, fromMonth: 1, toMonth: 12 };
}

export function monthPeriod(year: number, month: number): Period {
  return { year, fromMonth: month, toMonth: month };
}

export function isWholeYear(p: Period): boolean {
  return p.fromMonth === 1 && p.toMonth === 12;
}

export function periodMonths(p: Period): number[] {
  const out: number[] = [];
  for (let m = p.fromMonth; m <= p.toMonth; m++) out.push(m);
  return out;
}

const pad = (m: number) => String(m).padStart(2, '0');

/** The year of the month just ended, whose figures are entered and collected now: last year in January. */
export function reportingYear(today: { year: number; month: number }): number {
  return today.month === 1 ? today.year - 1 : today.year;
}

/** This month on the computer's clock, as periods count it. */
export function currentMonth(now: Date = new Date()): { year: number; month: number } {
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** Whether a month comes after today's: its figures cannot have been counted yet (a mistyped year or month, most likely). */
export function isAfterMonth(year: number, month: number, today: { year: number; month: number }): boolean {
  return year > today.year || (year === today.year && month > today.month);
}

/** The month just ended (December of last year in January): what a clerk exports and an office collects now. */
export function lastEndedMonth(today: { year: number; month: number }): { year: number; month: number } {
  return today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
}

/**
 * The year the ledger opens on: the reporting year, or, for a file whose
 * figures stop well before it (the 2017 demo), its latest year instead of
 * an empty one.
 */
export function ledgerYear(today: { year: number; month: number }, dataYears: readonly number[]): number {
  const reporting = reportingYear(today);
  const latest = dataYears.length ? Math.max(...dataYears) : null;
  return latest === null || latest >= reporting - 1 ? reporting : latest;
}

/** "2017", "2017-03" or "2017-01..2017-06": the CLI and file-name form. */
export function formatPeriodKey(p: Period): string {
  if (isWholeYear(p)) return String(p.year);
  if (p.fromMonth === p.toMonth) return `${p.year}-${pad(p.fromMonth)}`;
  return `${p.year}-${pad(p.fromMonth)}..${p.year}-${pad(p.toMonth)}`;
}

/** "2017年", "2017年3月", "2017年1月至6月". */
export function formatPeriodLabel(p: Period): string {
  if (isWholeYear(p)) return `${p.year}年`;
  if (p.fromMonth === p.toMonth) return `${p.year}年${p.fromMonth}月`;
  return `${p.year}年${p.fromMonth}月至${p.toMonth}月`;
}

function validYear(y: number) {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}
function validMonth(m: number) {
  return Number.isInteger(m) && m >= 1 && m <= 12;
}

export function parsePeriodKey(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? yearPeriod(y) : null;
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return validYear(y) && validMonth(mo) ? monthPeriod(y, mo) : null;
  }
  m = /^(\d{4})-(\d{1,2})\.\.(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const [y1, m1, y2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (y1 !== y2 || !validYear(y1) || !validMonth(m1) || !validMonth(m2) || m1 > m2) return null;
    return { year: y1, fromMonth: m1, toMonth: m2 };
  }
  return null;
}
