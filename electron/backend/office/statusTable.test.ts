/** Every row of docs/submission-status.md's decision table, as written there. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SubmissionStatus } from '../../../shared/api/methods/office';
import { monthVerdict, type MonthContent, type NotCounted, type ReceivedMonth } from '../../../shared/office/submissionStatus';

const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/submission-status.md'), 'utf8');
const table = doc.slice(doc.indexOf('## The decision table'), doc.indexOf('## The 催报 list'));
const rows = table
  .split('\n')
  .filter((l) => /^\| \d+ \|/.test(l))
  .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

const CONTENT: Record<string, MonthContent> = { 有数据: 'figures', 本月无数据: 'noData', '空（无数据，未声明）': 'empty' };
const STATUS: Record<string, SubmissionStatus> = {
  已报: 'received',
  已完成: 'completed',
  已更正: 'corrected',
  无数据: 'noData',
  未报: 'missing',
  逾期: 'overdue',
  未到期: 'notDue',
};
const WHY: Record<string, NotCounted | null> = { '': null, 该月没有数据: 'empty', 导出时该月尚未结束: 'early' };
const yes = (s: string) => {
  if (s !== '是' && s !== '否') throw new Error(`not 是/否: ${s}`);
  return s === '是';
};

describe('docs/submission-status.md decision table', () => {
  it('has its rows', () => expect(rows.length).toBeGreaterThanOrEqual(19));

  for (const [n, month, content, completed, corrected, madeOn, dueDay, today, status, why] of rows) {
    it(`row ${n}: ${content} ${month}月, 统计日期 ${today} → ${status}`, () => {
      const received: ReceivedMonth | undefined =
        content === '—' ? undefined : { content: CONTENT[content], completed: yes(completed), corrected: yes(corrected), madeOn };
      if (received) expect(received.content, `row ${n}: unknown content ${content}`).toBeDefined();
      expect(STATUS[status], `row ${n}: unknown status ${status}`).toBeDefined();
      expect(monthVerdict(received, 2026, Number(month), Number(dueDay), today)).toEqual({ status: STATUS[status], notCounted: WHY[why] });
    });
  }
});
