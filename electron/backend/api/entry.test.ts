import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { tempBackend, type TempBackend } from '../testing/tempBackend';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend();
});
afterEach(() => b.dispose());

const T = { templateId: 'suining-2017', year: 2017 };
const CATS = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];

/** Everything stored, including this feature's tables, to prove a refusal changed nothing. */
function everything(x: Backend): string {
  const db = x.ctx.store.db;
  const tables = ['units', 'month_values', 'value_changes', 'settings', 'month_status', 'month_reopens', 'cell_comments'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

async function fillMonth(month: number, total: number, other: number) {
  await b.invoke('values.setMany', {
    ...T,
    cells: [
      { month, indicator: 'pub.total', raw: String(total) },
      ...CATS.map((c) => ({ month, indicator: `pub.cat.${c}`, raw: String(c === 'other' ? other : 1) })),
    ],
  });
}

describe('completing a month', () => {
  it('refuses while an error remains, listing it, and changes nothing', async () => {
    await fillMonth(3, 76891, 76883);
    const before = everything(b);
    const r = await b.call('months.complete', { ...T, month: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('rule_errors');
      expect(r.error.message).toContain('2017年3月不能标记完成');
      expect(r.error.message).toContain('76891 ≠ 76890');
      expect((r.error.details as { errors: unknown[] }).errors).toHaveLength(1);
    }
    expect(everything(b)).toBe(before);
  });

  it('locks a completed month: writes are refused in Chinese and nothing changes', async () => {
    await fillMonth(3, 76890, 76883);
    const status = await b.invoke('months.complete', { ...T, month: 3 });
    expect(status).toMatchObject({ month: 3, completed: true, completedBy: '张三（TEST-01）' });
    const before = everything(b);
    const one = await b.call('values.set', { ...T, month: 3, indicator: 'pub.total', raw: '1' });
    expect(one).toMatchObject({ ok: false, error: { code: 'locked' } });
    if (!one.ok) expect(one.error.message).toBe('2017年3月已标记完成，数据已锁定；如需修改，请先撤销完成');
    const many = await b.call('values.setMany', {
      ...T,
      source: 'paste',
      cells: [
        { month: 4, indicator: 'pub.total', raw: '1' },
        { month: 3, indicator: 'pub.key', raw: '1' },
      ],
    });
    expect(many).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(everything(b)).toBe(before);
    // Other months stay open.
    expect((await b.call('values.set', { ...T, month: 4, indicator: 'pub.total', raw: '1' })).ok).toBe(true);
  });

  it('needs an explanation for each warning, and keeps it with the month', async () => {
    await b.invoke('values.setMany', {
      ...T,
      cells: [
        { month: 5, indicator: 'pub.key', raw: '5' },
        { month: 5, indicator: 'pub.total', raw: '8' },
        ...CATS.map((c) => ({ month: 5, indicator: `pub.cat.${c}`, raw: '1' })),
        { month: 5, indicator: 'key.growth.ppp', raw: '2' },
      ],
    });
    const before = everything(b);
    const refused = await b.call('months.complete', { ...T, month: 5 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_errors' } });
    if (!refused.ok) expect(refused.error.message).toContain('需要填写说明');
    const tooShort = await b.call('months.complete', { ...T, month: 5, explanations: { 'month:key.items_gap': '是' } });
    expect(tooShort.ok).toBe(false);
    expect(everything(b)).toBe(before);
    const done = await b.invoke('months.complete', { ...T, month: 5, explanations: { 'month:key.items_gap': '部分重点信息未逐项列明' } });
    expect(done.warnings).toMatchObject([{ checkId: 'month:key.items_gap', explanation: '部分重点信息未逐项列明' }]);
    expect((await b.invoke('months.status', T))[4]).toMatchObject({ completed: true, warnings: [{ explanation: '部分重点信息未逐项列明' }] });
  });

  it('checks the year’s roll-up when completing December', async () => {
    // November is off by one (12 ≠ 11); December adds up on its own, the year does not.
    await fillMonth(11, 12, 4);
    await fillMonth(12, 9, 2);
    const r = await b.call('months.complete', { ...T, month: 12 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('全年：主动公开政府信息总数 ≠ 八类信息之和：21 ≠ 20');
  });

  it('reads a blank of a completed year as 0 when December completes it', async () => {
    // 累计 never entered: while any month is open, the year rule waits for it.
    await fillMonth(12, 9, 2);
    expect((await b.call('months.complete', { ...T, month: 12 })).ok).toBe(true);
    await b.invoke('months.reopen', { ...T, month: 12, reason: '补全其他月份' });
    for (let m = 1; m <= 11; m++) await b.invoke('months.declareNoData', { ...T, month: m });
    // Now the year is complete: 累计 0 is less than the year's 9.
    const r = await b.call('months.complete', { ...T, month: 12 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('全年：累计主动公开政府信息少于本年主动公开政府信息总数：0 < 9');
  });

  it('reopens only with a reason, which is recorded', async () => {
    await fillMonth(3, 76890, 76883);
    await b.invoke('months.complete', { ...T, month: 3 });
    const before = everything(b);
    for (const reason of ['', ' ', '改']) {
      const r = await b.call('months.reopen', { ...T, month: 3, reason });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      if (!r.ok) expect(r.error.message).toContain('原因');
    }
    expect(everything(b)).toBe(before);
    const reopened = await b.invoke('months.reopen', { ...T, month: 3, reason: '财政信息漏报一条' });
    expect(reopened).toMatchObject({ completed: false, reopens: [{ reason: '财政信息漏报一条', reopenedBy: '张三（TEST-01）' }] });
    expect((await b.call('values.set', { ...T, month: 3, indicator: 'pub.total', raw: '1' })).ok).toBe(true);
  });

  it('refuses to complete twice or reopen an open month, in Chinese, changing nothing', async () => {
    await fillMonth(3, 76890, 76883);
    await b.invoke('months.complete', { ...T, month: 3 });
    const before = everything(b);
    const twice = await b.call('months.complete', { ...T, month: 3 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', message: '2017年3月已经标记完成' } });
    const open = await b.call('months.reopen', { ...T, month: 4, reason: '测试原因' });
    expect(open).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!open.ok) expect(open.error.message).toMatch(/[\u4e00-\u9fff]/);
    const badMonth = await b.call('months.complete', { ...T, month: 13 });
    expect(badMonth).toMatchObject({ ok: false, error: { code: 'bad_request', where: 'month' } });
    expect(everything(b)).toBe(before);
  });
});

describe('本月无数据 and explanations kept', () => {
  it('declares an ended, empty month 本月无数据 (locked like a completed one); refuses a month with figures, one not over, an empty month marked complete', async () => {
    await fillMonth(3, 76890, 76883);
    const before = everything(b);
    const empty = await b.call('months.complete', { ...T, month: 4 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('2017年4月还没有填写任何数据，不能标记完成；如本月确实没有需要统计的事项，请点“本月无数据”') as string } });
    const filled = await b.call('months.declareNoData', { ...T, month: 3 });
    expect(filled).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已经填写了数据') as string } });
    const next = new Date().getFullYear() + 1;
    const future = await b.call('months.declareNoData', { templateId: T.templateId, year: next, month: 1 });
    expect(future).toMatchObject({ ok: false, error: { code: 'conflict', message: `${next}年1月尚未结束，月末之后才能声明本月无数据` } });
    expect(everything(b)).toBe(before);

    const declared = await b.invoke('months.declareNoData', { ...T, month: 4 });
    expect(declared).toMatchObject({ month: 4, completed: true, noData: true });
    const typed = await b.call('values.set', { ...T, month: 4, indicator: 'pub.total', raw: '1' });
    expect(typed).toMatchObject({ ok: false, error: { code: 'locked' } });
    const reopened = await b.invoke('months.reopen', { ...T, month: 4, reason: '补录一条主动公开信息' });
    expect(reopened).toMatchObject({ completed: false, noData: false });
  });

  it('offers the explanations a reopened month was completed with', async () => {
    await b.invoke('values.setMany', {
      ...T,
      cells: [
        { month: 5, indicator: 'pub.key', raw: '5' },
        { month: 5, indicator: 'pub.total', raw: '8' },
        ...CATS.map((c) => ({ month: 5, indicator: `pub.cat.${c}`, raw: '1' })),
        { month: 5, indicator: 'key.growth.ppp', raw: '2' },
      ],
    });
    await b.invoke('months.complete', { ...T, month: 5, explanations: { 'month:key.items_gap': '部分重点信息未逐项列明' } });
    expect((await b.invoke('months.status', T))[4].explanations).toEqual({ 'month:key.items_gap': '部分重点信息未逐项列明' });
    const reopened = await b.invoke('months.reopen', { ...T, month: 5, reason: '核对重点领域分项' });
    expect(reopened).toMatchObject({ completed: false, warnings: [], explanations: { 'month:key.items_gap': '部分重点信息未逐项列明' } });
    const again = await b.invoke('months.complete', { ...T, month: 5, explanations: reopened.explanations });
    expect(again.warnings).toMatchObject([{ checkId: 'month:key.items_gap', explanation: '部分重点信息未逐项列明' }]);
  });
});

describe('cell comments', () => {
  it('sets, replaces and removes a comment', async () => {
    await b.invoke('comments.set', { ...T, month: 2, indicator: 'pub.total', text: '含补录' });
    await b.invoke('comments.set', { ...T, month: 2, indicator: 'pub.total', text: '含1月补录3条' });
    expect(await b.invoke('comments.get', T)).toMatchObject([{ month: 2, indicator: 'pub.total', col: '', text: '含1月补录3条', updatedBy: '张三（TEST-01）' }]);
    expect(await b.invoke('comments.set', { ...T, month: 2, indicator: 'pub.total', text: '  ' })).toBeNull();
    expect(await b.invoke('comments.get', T)).toEqual([]);
  });

  it('refuses a comment on an unknown cell or an over-long one, in Chinese, changing nothing', async () => {
    const before = everything(b);
    const unknown = await b.call('comments.set', { ...T, month: 2, indicator: 'nope', text: '说明' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', where: 'nope' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('没有指标 nope');
    const long = await b.call('comments.set', { ...T, month: 2, indicator: 'pub.total', text: '长'.repeat(1001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!long.ok) expect(long.error.message).toContain('1000');
    expect(everything(b)).toBe(before);
  });
});
