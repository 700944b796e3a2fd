/**
 * What counts as submitted (docs/submission-status.md), from the clerk's
 * workbook to the office's matrix and 催报 list: issue 18's November case,
 * completion and 本月无数据 carried in the workbook, the explanations the
 * office reads, and a workbook written before these rows.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, COVER_SHEET } from '../../../shared/workbook/format';
import type { WorkbookMonthState } from '../../../shared/workbook/monthStates';
import { writeWorkbookBuffer } from '../export/buildWorkbook';
import { codeOf, D01, suining, useImportBackend } from '../testing/importHarness';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend } from '../testing/tempBackend';
import { setCell } from '../testing/xlsxEdit';

const h = useImportBackend();
const T = 'suining-2017';
const CATS = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];

async function yearWorkbook(o: { months: number[]; states?: WorkbookMonthState[]; exportedAt: string; revision?: number }) {
  const out = await writeWorkbookBuffer({
    kind: 'submission',
    template: suining,
    period: yearPeriod(2017),
    unit: D01,
    units: [D01],
    values: fillEveryCell(suining, D01.code, o.months, 0),
    monthStates: o.states ?? [],
    revision: o.revision ?? 1,
    exportedAt: o.exportedAt,
    appVersion: 't',
  });
  return new Uint8Array(out.buffer);
}

const matrixRow = async (today: string) => {
  const m = await h.b.invoke('office.matrix', { templateId: T, year: 2017, today });
  return m.rows.find((r) => r.code === D01.code)!;
};
const reminderFor = async (today: string) => (await h.b.invoke('office.reminders', { templateId: T, year: 2017, today })).rows.find((r) => r.code === D01.code);

async function dataSheetColumnA(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.getWorksheet(DATA_SHEET)!.eachRow((row) => out.push(String(row.getCell(1).value ?? '')));
  return out;
}

describe('a 全年 workbook exported in November (issue 18)', () => {
  it('reports the ended months it carries figures for, 本月无数据 and 已完成 — not the empty ones, nor those not over when it was made', async () => {
    const bytes = await yearWorkbook({
      months: [1, 2, 3, 11],
      states: [
        { unitCode: D01.code, month: 2, state: 'completed', completedAt: '2017-03-03T02:00:00.000Z', explanations: [{ key: 'month:key.items_gap', explanation: '部分重点信息未逐项列明', message: '重点领域分项之和小于重点领域信息数' }] },
        { unitCode: D01.code, month: 4, state: 'noData', completedAt: '2017-05-02T02:00:00.000Z', explanations: [] },
      ],
      exportedAt: '2017-11-20T04:00:00.000Z',
    });
    const { applied } = await h.importFiles([['市财政局_全年.xlsx', bytes]]);
    expect(applied.map((p) => p.status)).toEqual(['new']);

    const nov = await matrixRow('2017-11-20');
    expect(nov.cells.map((c) => c.status)).toEqual([
      'received', 'completed', 'received', 'noData', 'overdue', 'overdue', 'overdue', 'overdue', 'overdue', 'overdue', 'notDue', 'notDue',
    ]);
    expect(nov.cells[4].notCounted).toBe('empty');
    expect(nov.cells[1].explanations).toEqual([{ message: '重点领域分项之和小于重点领域信息数', explanation: '部分重点信息未逐项列明' }]);
    expect((await reminderFor('2017-11-20'))?.months).toEqual([5, 6, 7, 8, 9, 10]);

    // In December, November is over: the figures it had on 20 November do not count as its report.
    const dec = await matrixRow('2017-12-07');
    expect(dec.cells[10]).toMatchObject({ status: 'overdue', notCounted: 'early' });
    expect((await reminderFor('2017-12-07'))?.months).toEqual([5, 6, 7, 8, 9, 10, 11]);
    const m = await h.b.invoke('office.matrix', { templateId: T, year: 2017, today: '2017-12-07' });
    expect(m.months.slice(0, 5).map((x) => x.received)).toEqual([1, 1, 1, 1, 0]);

    // The unit sends November again once it is over: now it counts, and November leaves the 催报 list.
    await h.importFiles([['市财政局_全年_第2版.xlsx', await yearWorkbook({ months: [1, 2, 3, 11], exportedAt: '2017-12-02T04:00:00.000Z', revision: 2 })]]);
    expect((await matrixRow('2017-12-07')).cells[10]).toMatchObject({ status: 'received', notCounted: null });
    expect((await reminderFor('2017-12-07'))?.months).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('imports a workbook written before month states (no such rows): months count by their figures', async () => {
    const bytes = await yearWorkbook({ months: [1, 2], exportedAt: '2018-01-03T04:00:00.000Z' });
    expect((await dataSheetColumnA(bytes)).filter((a) => a === 'month_state' || a === 'explanation')).toEqual([]);
    const { applied } = await h.importFiles([['old.xlsx', bytes]]);
    expect(applied.map((p) => p.status)).toEqual(['new']);
    const row = await matrixRow('2018-01-10');
    expect(row.cells.map((c) => c.status)).toEqual(['received', 'received', ...Array<string>(10).fill('overdue')]);
  });

  it('refuses month states that do not fit the file, naming the row, and stores nothing', async () => {
    const base = await yearWorkbook({
      months: [1],
      states: [{ unitCode: D01.code, month: 1, state: 'completed', completedAt: '2017-02-02T00:00:00.000Z', explanations: [] }],
      exportedAt: '2018-01-03T04:00:00.000Z',
    });
    const rows = await dataSheetColumnA(base);
    const stateRow = rows.indexOf('month_state') + 1;
    const before = h.figures();
    // 本月无数据 declared for a month the file has figures for; a state for a month outside the period's units.
    const declaredButFilled = setCell(base, DATA_SHEET, `D${stateRow}`, 'no_data');
    const otherUnit = setCell(base, DATA_SHEET, `B${stateRow}`, 'X99');
    const { plans } = await h.dryRun([
      ['a.xlsx', declaredButFilled],
      ['b.xlsx', otherUnit],
    ]);
    expect(plans.map(codeOf)).toEqual([['bad_meta'], ['bad_meta']]);
    expect(plans[0].problems[0].message).toContain('声明 1月无数据，却含有该月的数据');
    expect(plans[1].problems[0].message).toMatch(new RegExp(`第 ${stateRow} 行的月份状态无效（单位“X99”不在本表的单位列表中）`));
    expect(h.figures()).toBe(before);
  });
});

describe('from the clerk to the office', () => {
  it('completion, 本月无数据 and explanations travel in the exported workbook; the cover and the check say what is open', async () => {
    const clerk = await tempBackend({ setup: false });
    try {
      await clerk.invoke('setup.init', { unitCode: D01.code, unitName: D01.name, role: 'filer', operator: '李四' });
      const Y = { templateId: T, year: 2017 };
      const month = (m: number, total: number) => [
        { month: m, indicator: 'pub.total', raw: String(total) },
        ...CATS.map((c) => ({ month: m, indicator: `pub.cat.${c}`, raw: c === 'other' ? String(total - 7) : '1' })),
      ];
      // January adds up; February has a warning (重点领域 items short of their total); March is empty.
      await clerk.invoke('values.setMany', { ...Y, cells: [...month(1, 10), ...month(2, 8), { month: 2, indicator: 'pub.key', raw: '5' }, { month: 2, indicator: 'key.growth.ppp', raw: '2' }] });
      await clerk.invoke('months.complete', { ...Y, month: 2, explanations: { 'month:key.items_gap': '部分重点信息未逐项列明' } });
      await clerk.invoke('months.declareNoData', { ...Y, month: 3 });

      const check = await clerk.invoke('export.check', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 4 } });
      expect(check).toMatchObject({ ok: false, errors: 0, unexplained: 0, incomplete: [1], emptyUndeclared: [4], notEnded: [] });
      expect(check.summary).toBe('1月未标记完成；4月没有数据也未声明“本月无数据”，上级将视为未报');

      const out = await clerk.invoke('export.workbook', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 4 }, kind: 'submission' });
      const bytes = new Uint8Array(Buffer.from(out.base64, 'base64'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      const cover: string[] = [];
      wb.getWorksheet(COVER_SHEET)!.eachRow((row) => cover.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
      expect(cover).toContain(`检查情况|${check.summary}`);

      await h.importFiles([['d01.xlsx', bytes]]);
      const row = await matrixRow('2018-01-10');
      expect(row.cells.slice(0, 4).map((c) => c.status)).toEqual(['received', 'completed', 'noData', 'overdue']);
      expect(row.cells[1].explanations).toEqual([{ message: expect.stringContaining('重点') as string, explanation: '部分重点信息未逐项列明' }]);
      expect((await reminderFor('2018-01-10'))?.months).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    } finally {
      clerk.dispose();
    }
  });
});
