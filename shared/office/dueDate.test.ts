import { describe, expect, it } from 'vitest';
import { addDays, defaultReplyBy, formatMonthRuns } from './dueDate';

describe('reminder dates and month lists', () => {
  it('writes months as runs, in order, once each', () => {
    expect(formatMonthRuns([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe('1—12月');
    expect(formatMonthRuns([7, 1, 2, 3, 5, 8, 3])).toBe('1—3月、5月、7—8月');
    expect(formatMonthRuns([11])).toBe('11月');
    expect(formatMonthRuns([])).toBe('无');
  });

  it('counts days across months, years and 29 February', () => {
    expect(addDays('2017-04-29', 3)).toBe('2017-05-02');
    expect(addDays('2017-12-30', 3)).toBe('2018-01-02');
    expect(addDays('2016-02-27', 2)).toBe('2016-02-29');
    expect(addDays('2017-02-27', 2)).toBe('2017-03-01');
  });

  it('asks by the month just ended’s due day while it is ahead, else three days on', () => {
    expect(defaultReplyBy('2017-04-02')).toBe('2017-04-05');
    expect(defaultReplyBy('2017-04-05')).toBe('2017-04-05');
    expect(defaultReplyBy('2017-04-06')).toBe('2017-04-09');
    expect(defaultReplyBy('2018-01-03')).toBe('2018-01-05');
    expect(defaultReplyBy('2018-01-20')).toBe('2018-01-23');
  });
});
