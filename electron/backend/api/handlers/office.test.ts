import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUnitByCode } from '../../store/units';
import { recordSubmission } from '../../store/submissions';
import { snapshot, tempBackend, type TempBackend } from '../../testing/tempBackend';

let b: TempBackend;
const T = 'suining-2017';

beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
  await b.invoke('units.update', { code: 'TEST-01', kind: '市', name: '遂宁市' });
  await b.invoke('units.create', { code: 'CZJ', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'CX', name: '船山区', kind: '县区', parentCode: 'TEST-01', dueDay: 10 });
  await b.invoke('units.create', { code: 'CX-JYJ', name: '船山区教育局', kind: '部门', parentCode: 'CX' });
  await b.invoke('units.create', { code: 'OLD', name: '已撤并单位', kind: '部门', parentCode: 'TEST-01' });
  await b.invoke('units.deactivate', { code: 'OLD' });
});
afterEach(() => b.dispose());

function submit(code: string, month: number, revision = 1, fingerprint = `f${revision}`, completed = false) {
  const unitId = findUnitByCode(b.ctx.store.db, code)!.id;
  return recordSubmission(b.ctx.store.db, { unitId, templateId: T, year: 2017, month, revision, fingerprint, completed });
}

async function put(code: string, month: number, indicator: string, raw: string, col?: string) {
  await b.invoke('values.set', { templateId: T, year: 2017, month, indicator, raw, unitCode: code, col });
}

describe('submission matrix', () => {
  it('shows 已报, 未报, 逾期, 已更正, 已完成 and 未到期 relative to the given today and each unit due day', async () => {
    submit('CZJ', 1);
    submit('CZJ', 2, 1);
    submit('CZJ', 2, 2, 'changed');
    submit('CX-JYJ', 1, 1, 'x', true);
    const m = await b.invoke('office.matrix', { templateId: T, year: 2017, today: '2017-04-07' });
    expect(m.rows.map((r) => [r.code, r.depth])).toEqual([
      ['CX', 1],
      ['CX-JYJ', 2],
      ['CZJ', 1],
    ]);
    const statuses = Object.fromEntries(m.rows.map((r) => [r.code, r.cells.slice(0, 5).map((c) => c.status)]));
    // CX is due on the 10th: March is still on time on 7 April; CZJ (the 5th) is overdue.
    expect(statuses).toEqual({
      CX: ['overdue', 'overdue', 'missing', 'notDue', 'notDue'],
      'CX-JYJ': ['completed', 'overdue', 'overdue', 'notDue', 'notDue'],
      CZJ: ['received', 'corrected', 'overdue', 'notDue', 'notDue'],
    });
    expect(m.rows[0].cells[2].dueDate).toBe('2017-04-10');
    expect(m.rows[2].cells[11].dueDate).toBe('2018-01-05');
    expect(m.months.slice(0, 3)).toEqual([
      { month: 1, received: 2, expected: 3 },
      { month: 2, received: 1, expected: 3 },
      { month: 3, received: 0, expected: 3 },
    ]);
    // The due day itself is still on time.
    const onDue = await b.invoke('office.matrix', { templateId: T, year: 2017, today: '2017-04-05' });
    expect(onDue.rows.find((r) => r.code === 'CZJ')!.cells[2].status).toBe('missing');
    // A level below the office: the county's own matrix.
    const county = await b.invoke('office.matrix', { templateId: T, year: 2017, unitCode: 'CX', today: '2017-04-07' });
    expect(county.rows.map((r) => r.code)).toEqual(['CX-JYJ']);
  });

  it('refuses unknown templates, units and malformed dates with a Chinese message', async () => {
    const before = snapshot(b);
    const cases: [unknown, RegExp, string][] = [
      [{ templateId: 'nope', year: 2017 }, /没有编号为 nope 的报表模板/, 'templateId'],
      [{ templateId: T, year: 2017, unitCode: 'NOPE' }, /单位代码 NOPE 不在单位名录中/, 'unitCode'],
      [{ templateId: T, year: 2017, today: '2017-13-01' }, /日期格式应为 YYYY-MM-DD/, 'today'],
    ];
    for (const [args, pattern, where] of cases) {
      const r = await b.call('office.matrix', args);
      expect(r).toMatchObject({ ok: false, error: { where } });
      if (!r.ok) expect(r.error.message).toMatch(pattern);
    }
    expect(snapshot(b)).toBe(before);
  });
});

describe('催报 list', () => {
  it('lists units with months over but not received, as tab-separated text, as a notice and as a workbook', async () => {
    submit('CZJ', 1);
    submit('CZJ', 2);
    const r = await b.invoke('office.reminders', { templateId: T, year: 2017, today: '2017-04-07' });
    expect(r.rows.map((x) => [x.code, x.months, x.overdueMonths, x.dueDate])).toEqual([
      ['CX', [1, 2, 3], [1, 2], '2017-02-10'],
      ['CX-JYJ', [1, 2, 3], [1, 2, 3], '2017-02-05'],
      ['CZJ', [3], [3], '2017-04-05'],
    ]);
    expect(r.tsv.split('\n')).toEqual([
      '单位名称\t单位代码\t未报月份\t其中逾期\t报送截止日',
      '船山区\tCX\t1—3月\t1—2月\t2017年2月10日',
      '船山区教育局\tCX-JYJ\t1—3月\t1—3月\t2017年2月5日',
      '市财政局\tCZJ\t3月\t3月\t2017年4月5日',
    ]);
    // 7 April: March's due day (the 5th) is past, so the notice gives three days.
    expect(r.replyBy).toBe('2017-04-10');
    expect(r.notice.split('\n')).toEqual([
      '关于尽快报送2017年政务公开统计报表的通知',
      '',
      '各有关单位：',
      '\u3000\u3000截至2017年4月7日，下列3个单位尚未报送2017年《政务公开月度台账（2017年遂宁口径）》的月度数据，均已超过报送截止日。请于2017年4月10日前将本单位的报送表（Excel）报送遂宁市，逾期的月份一并补报。',
      '\u3000\u30001. 船山区（CX）：1—3月未报，其中1—2月已逾期。',
      '\u3000\u30002. 船山区教育局（CX-JYJ）：1—3月未报，均已逾期。',
      '\u3000\u30003. 市财政局（CZJ）：3月未报，均已逾期。',
      '\u3000\u3000特此通知。',
      '',
      '遂宁市',
      '2017年4月7日',
    ]);
    // On the 2nd, March's figures are still on time: nobody is late, and the notice asks for them by the 5th.
    const early = await b.invoke('office.reminders', { templateId: T, year: 2017, today: '2017-04-02', throughMonth: 3 });
    expect(early.replyBy).toBe('2017-04-05');
    expect(early.notice).toContain('下列3个单位尚未报送2017年《政务公开月度台账（2017年遂宁口径）》的月度数据，其中2个单位已超过报送截止日。请于2017年4月5日前');
    const chosen = await b.invoke('office.reminders', { templateId: T, year: 2017, today: '2017-04-07', replyBy: '2017-04-20' });
    expect(chosen.notice).toContain('请于2017年4月20日前');
    const upToFeb = await b.invoke('office.reminders', { templateId: T, year: 2017, today: '2017-04-07', throughMonth: 2 });
    expect(upToFeb.rows.map((x) => x.code)).toEqual(['CX', 'CX-JYJ']);

    const x = await b.invoke('office.remindersXlsx', { templateId: T, year: 2017, today: '2017-04-07' });
    expect(x.fileName).toBe('催报名单-TEST-01-2017-2017-04-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('催报名单')!;
    expect(ws.getCell('A1').value).toBe('遂宁市2017年政务公开统计报表催报名单');
    expect(String(ws.getCell('A2').value).split('\u3000')).toEqual(['报表：《政务公开月度台账（2017年遂宁口径）》', '统计日期：2017年4月7日', '未报单位：3个（其中逾期3个）', '请于2017年4月10日前报送']);
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '单位名称', '单位代码', '未报月份', '其中逾期', '报送截止日']);
    expect(ws.getRow(6).values).toEqual([undefined, 3, '市财政局', 'CZJ', '3月', '3月', '2017年4月5日']);
    expect(ws.rowCount).toBe(6);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.getCell('E4').border?.left?.style).toBe('thin');
    expect(ws.getCell('E4').alignment?.wrapText).toBe(true);
  });

  it('refuses a malformed reply-by date in Chinese', async () => {
    const r = await b.call('office.reminders', { templateId: T, year: 2017, replyBy: '2017-4-1' });
    expect(r).toMatchObject({ ok: false, error: { where: 'replyBy' } });
    if (!r.ok) expect(r.error.message).toMatch(/日期格式应为 YYYY-MM-DD/);
  });
});

describe('merged totals', () => {
  beforeEach(async () => {
    // The county office's own figures, its department's, and a city department's.
    await put('CX', 1, 'pub.total', '10');
    await put('CX-JYJ', 1, 'pub.total', '5');
    await put('CX-JYJ', 2, 'pub.total', '7');
    await put('CZJ', 3, 'pub.total', '100');
    await put('CX', 3, 'pub.cumulative', '40');
    await put('CX-JYJ', 6, 'pub.cumulative', '60');
    await put('CZJ', 2, 'fee.charged', '0.1');
    await put('CX-JYJ', 2, 'fee.charged', '0.2');
    await put('OLD', 1, 'pub.total', '1');
  });

  it('sums each level once: a county with its departments, and the city over everything below it', async () => {
    const county = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'CX' });
    expect(county).toMatchObject({ unitCount: 2, reportingUnits: 2, periodLabel: '2017年' });
    expect(county.figures['pub.total']).toBe(22);
    expect(county.figures['pub.cumulative']).toBe(100);
    const city = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    // 22 from the county + 100 + 1 from a deactivated unit whose figures still count; never the county twice.
    expect(city.figures['pub.total']).toBe(123);
    expect(city.figures['fee.charged']).toBe(0.3);
    expect(city).toMatchObject({ unit: { code: 'TEST-01' }, unitCount: 5, reportingUnits: 4 });
    const q1 = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 2 }, unitCode: 'CX' });
    expect(q1).toMatchObject({ periodLabel: '2017年1月至2月', reportingUnits: 1 + 1 });
    expect(q1.figures['pub.total']).toBe(22);
    const feb = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 2, toMonth: 2 } });
    expect(feb.figures['pub.total']).toBe(7);
    expect(feb.figures['pub.cumulative']).toBeUndefined();
  });

  it('adds national table cells the same way', async () => {
    const tpl = await b.invoke('templates.get', { templateId: 'national-2021' });
    const table = tpl.sections.find((s) => s.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('expected a table');
    const row = table.rows.find((r) => r.code)!.code!;
    const col = table.columns[0].code;
    for (const [code, raw] of [['CX', '2'], ['CX-JYJ', '3'], ['CZJ', '4']]) {
      await b.invoke('values.set', { templateId: 'national-2021', year: 2021, month: 5, indicator: row, col, raw, unitCode: code });
    }
    const t = await b.invoke('office.totals', { templateId: 'national-2021', period: { year: 2021, fromMonth: 1, toMonth: 12 } });
    expect(t.figures[`${row}:${col}`]).toBe(9);
  });

  it('compares a unit with its parent total and gives its share', async () => {
    const c = await b.invoke('office.compare', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'CX' });
    expect(c).toMatchObject({ unit: { code: 'CX' }, parent: { code: 'TEST-01' } });
    expect(c.unitFigures['pub.total']).toBe(22);
    expect(c.parentFigures['pub.total']).toBe(123);
    expect(c.shares['pub.total']).toBe(17.89);
    expect(c.shares['fee.charged']).toBe(66.67);
    const dept = await b.invoke('office.compare', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'CX-JYJ' });
    expect(dept.parent.code).toBe('CX');
    expect(dept.shares['pub.total']).toBe(54.55);
    const r = await b.call('office.compare', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'TEST-01' });
    expect(r).toMatchObject({ ok: false, error: { where: 'unitCode', message: '“遂宁市”没有上级单位，无法与上级合计对比' } });
    const bad = await b.call('office.totals', { templateId: T, period: { year: 2017, fromMonth: 5, toMonth: 2 } });
    expect(bad).toMatchObject({ ok: false, error: { where: 'period.fromMonth', message: expect.stringContaining('起始月份不能晚于结束月份') } });
  });
});

describe('submission summary', () => {
  it('counts the month being collected now and lists who is missing', async () => {
    submit('CZJ', 3);
    const s = await b.invoke('office.summary', { templateId: T, today: '2017-04-07' });
    expect(s).toMatchObject({ year: 2017, month: 3, expected: 3, received: 1, dueDate: '2017-04-05' });
    expect(s.missing).toEqual([
      { code: 'CX', name: '船山区', kind: '县区', overdue: false },
      { code: 'CX-JYJ', name: '船山区教育局', kind: '部门', overdue: true },
    ]);
    const jan = await b.invoke('office.summary', { templateId: T, today: '2018-01-20' });
    expect(jan).toMatchObject({ year: 2017, month: 12 });
  });
});

describe('checks of merged totals', () => {
  it('a check the merged figures fail names the units whose own figures fail it', async () => {
    await put('CZJ', 3, 'pub.total', '10');
    await put('CZJ', 3, 'pub.cat.work', '10');
    await put('CX-JYJ', 3, 'pub.total', '7');
    await put('CX-JYJ', 3, 'pub.cat.work', '5');
    const year = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    const sum = year.violations.find((v) => v.ruleId === 'pub.categories_sum')!;
    expect(sum).toMatchObject({ severity: 'error', left: 17, right: 15 });
    expect(sum.units).toEqual([{ code: 'CX-JYJ', name: '船山区教育局', message: expect.stringContaining('7') }]);
    // The county's level holds the failing unit too; a level without it passes.
    expect((await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 3, toMonth: 3 }, unitCode: 'CX' })).violations.map((v) => v.units.map((u) => u.code))).toEqual([['CX-JYJ']]);
    expect((await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 3, toMonth: 3 }, unitCode: 'CZJ' })).violations).toEqual([]);
    // Differences that lie between units: each unit alone is off, the other way; merged they hold.
    await put('CX-JYJ', 3, 'pub.cat.work', '7');
    await put('CZJ', 4, 'pub.total', '3');
    await put('CX', 4, 'pub.cat.work', '3');
    const april = await b.invoke('office.totals', { templateId: T, period: { year: 2017, fromMonth: 4, toMonth: 4 } });
    expect(april.violations.filter((v) => v.ruleId === 'pub.categories_sum')).toEqual([]);
  });
});
