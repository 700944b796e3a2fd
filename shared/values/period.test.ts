import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  formatPeriodKey,
  isAfterMonth,
  formatPeriodLabel,
  isWholeYear,
  lastEndedMonth,
  ledgerYear,
  reportingYear,
  monthPeriod,
  parsePeriodKey,
  periodMonths,
  yearPeriod,
} from './period';

describe('period keys', () => {
  it('formats a year, a month and a range', () => {
    expect(formatPeriodKey(yearPeriod(2017))).toBe('2017');
    expect(formatPeriodKey(monthPeriod(2017, 3))).toBe('2017-03');
    expect(formatPeriodKey(monthPeriod(2017, 12))).toBe('2017-12');
    expect(formatPeriodKey({ year: 2017, fromMonth: 1, toMonth: 6 })).toBe('2017-01..2017-06');
  });

  it('parses what it formats', () => {
    expect(parsePeriodKey('2017')).toEqual({ year: 2017, fromMonth: 1, toMonth: 12 });
    expect(parsePeriodKey('2017-03')).toEqual({ year: 2017, fromMonth: 3, toMonth: 3 });
    expect(parsePeriodKey('2017-3')).toEqual({ year: 2017, fromMonth: 3, toMonth: 3 });
    expect(parsePeriodKey(' 2021-12 ')).toEqual({ year: 2021, fromMonth: 12, toMonth: 12 });
    expect(parsePeriodKey('2017-01..2017-06')).toEqual({ year: 2017, fromMonth: 1, toMonth: 6 });
    for (const p of [yearPeriod(2021), monthPeriod(2021, 7), { year: 2021, fromMonth: 4, toMonth: 9 }]) {
      expect(parsePeriodKey(formatPeriodKey(p))).toEqual(p);
    }
  });

  it('a range over the whole year is the year', () => {
    const p = parsePeriodKey('2017-01..2017-12')!;
    expect(isWholeYear(p)).toBe(true);
    expect(formatPeriodKey(p)).toBe('2017');
  });

  it('refuses invalid keys', () => {
    for (const key of [
      '',
      'abc',
      '17',
      '1999',
      '2101',
      '2017-00',
      '2017-13',
      '2017-1-1',
      '2017/03',
      '2017-06..2017-01',
      '2017-11..2018-02',
      '2017-01..2017-13',
    ]) {
      expect(parsePeriodKey(key), key).toBeNull();
    }
  });
});

describe('period labels and months', () => {
  it('labels in Chinese', () => {
    expect(formatPeriodLabel(yearPeriod(2017))).toBe('2017年');
    expect(formatPeriodLabel(monthPeriod(2017, 3))).toBe('2017年3月');
    expect(formatPeriodLabel({ year: 2017, fromMonth: 1, toMonth: 6 })).toBe('2017年1月至6月');
  });

  it('lists the months of a period', () => {
    expect(periodMonths(yearPeriod(2017))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(periodMonths(monthPeriod(2017, 5))).toEqual([5]);
    expect(periodMonths({ year: 2017, fromMonth: 4, toMonth: 6 })).toEqual([4, 5, 6]);
    expect(isWholeYear(monthPeriod(2017, 1))).toBe(false);
  });
});

describe('the month just ended', () => {
  it('is last month, December of last year in January', () => {
    expect(lastEndedMonth({ year: 2026, month: 11 })).toEqual({ year: 2026, month: 10 });
    expect(lastEndedMonth({ year: 2027, month: 1 })).toEqual({ year: 2026, month: 12 });
  });
});

describe('the year the ledger opens on', () => {
  it('is the year of the month just ended, a year back in January', () => {
    expect(reportingYear({ year: 2027, month: 1 })).toBe(2026);
    expect(reportingYear({ year: 2027, month: 2 })).toBe(2027);
    expect(ledgerYear({ year: 2026, month: 11 }, [])).toBe(2026);
    expect(ledgerYear({ year: 2027, month: 1 }, [2026])).toBe(2026);
    expect(ledgerYear({ year: 2026, month: 2 }, [2025])).toBe(2026);
    expect(ledgerYear({ year: 2026, month: 5 }, [2026, 2025])).toBe(2026);
  });

  it('is the latest year with figures when they stop well before it (the demo)', () => {
    expect(ledgerYear({ year: 2026, month: 11 }, [2017])).toBe(2017);
    expect(ledgerYear({ year: 2026, month: 11 }, [2016, 2017])).toBe(2017);
  });
});

describe('months after today', () => {
  const today = { year: 2026, month: 11 };
  it('are the later months of this year and every month of a later year, not this month or before', () => {
    expect(isAfterMonth(2026, 12, today)).toBe(true);
    expect(isAfterMonth(2027, 1, today)).toBe(true);
    expect(isAfterMonth(2026, 11, today)).toBe(false);
    expect(isAfterMonth(2025, 12, today)).toBe(false);
  });
  it('counts months from 1 on the computer clock', () => {
    expect(currentMonth(new Date(2026, 0, 15))).toEqual({ year: 2026, month: 1 });
  });
});
