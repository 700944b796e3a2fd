import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';
import { decodeMonth, encodeMonth, layoutOf, type MonthRow, writeMonth } from './monthValues';
import { insertUnit } from './units';
import { applyChanges, getHistory, getValue, getValues, replaceMonths, type ValueChange } from './values';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend();
});
afterEach(() => b.dispose());

const T = 'suining-2017';
const author = { operator: '张三', source: 'entry' };
const db = () => b.ctx.store.db;
const selfId = () => (db().prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number }).id;
const change = (month: number, indicator: string, value: number | null, col = '', unitId = selfId()): ValueChange => ({
  unitId,
  templateId: T,
  year: 2017,
  month,
  indicator,
  col,
  value,
});
const rawRows = () => db().prepare('SELECT * FROM month_values ORDER BY unit_id, month').all() as MonthRow[];
/** Each month row's figures, by name. */
const monthRows = () => rawRows().map((r) => ({ unit_id: r.unit_id, month: r.month, figures: Object.fromEntries(decodeMonth(db(), r)) }));
const changeSets = () =>
  (db().prepare('SELECT unit_id, month, source, changes FROM value_changes ORDER BY id').all() as { unit_id: number; month: number; source: string; changes: string }[]).map(
    (r) => ({ ...r, changes: JSON.parse(r.changes) as unknown[] }),
  );

describe('packed month values', () => {
  it('round-trips figures exactly, one row per unit-month, in (month, indicator, col) order', () => {
    const applied = applyChanges(
      db(),
      [
        change(2, 'fee.charged', 1234567.89),
        change(1, 't3.new', 5, 'natural'),
        change(1, 'pub.total', 0.1),
        change(1, 'pub', 3),
        change(1, 'pub.cat.other', 12),
        change(2, 'pub.total', 0),
      ],
      author,
    );
    expect(applied).toHaveLength(6);
    expect(applied.map((a) => a.oldValue)).toEqual([null, null, null, null, null, null]);
    // An indicator that is a prefix of another sorts first, as the (indicator, col) key did.
    expect(getValues(db(), selfId(), T, 2017).map((v) => [v.month, v.indicator, v.col, v.value])).toEqual([
      [1, 'pub', '', 3],
      [1, 'pub.cat.other', '', 12],
      [1, 'pub.total', '', 0.1],
      [1, 't3.new', 'natural', 5],
      [2, 'fee.charged', '', 1234567.89],
      [2, 'pub.total', '', 0],
    ]);
    expect(monthRows().map((r) => [r.month, r.figures])).toEqual([
      [1, { pub: 3, 'pub.cat.other': 12, 'pub.total': 0.1, 't3.new:natural': 5 }],
      [2, { 'fee.charged': 1234567.89, 'pub.total': 0 }],
    ]);
    // By place: month 1 made the template's layout; fee.charged, new in month 2, grew it at the end.
    const [m1, m2] = rawRows();
    expect(layoutOf(db(), m1.layout).refs).toEqual(['pub', 'pub.cat.other', 'pub.total', 't3.new:natural']);
    expect(m1.data).toBe('3,12,0.1,5');
    expect(layoutOf(db(), m2.layout).refs).toEqual(['pub', 'pub.cat.other', 'pub.total', 't3.new:natural', 'fee.charged']);
    expect(m2.data).toBe(',,0,,1234567.89');
    expect(getValues(db(), selfId(), T, 2017, 2, 2)).toHaveLength(2);
    expect(getValue(db(), { ...change(1, 't3.new', null, 'natural') })).toMatchObject({ value: 5, updatedAt: applied[0].updatedAt });
    expect(getValue(db(), { ...change(1, 't3.new', null, 'total') })).toBeUndefined();
    // Names every plain object inherits are not figures.
    expect(getValue(db(), { ...change(1, 'constructor', null) })).toBeUndefined();
    expect(getValue(db(), { ...change(3, 'pub.total', null) })).toBeUndefined();
  });

  it('skips unchanged values, keeps a month row while it has a figure and deletes it with the last one', () => {
    applyChanges(db(), [change(3, 'pub.total', 10), change(3, 'pub.key', 4)], author);
    expect(applyChanges(db(), [change(3, 'pub.total', 10), change(3, 'pub.rules', null)], author)).toEqual([]);
    expect(changeSets()).toHaveLength(1);
    const cleared = applyChanges(db(), [change(3, 'pub.total', null)], author);
    expect(cleared).toMatchObject([{ indicator: 'pub.total', oldValue: 10, value: null }]);
    expect(monthRows().map((r) => r.figures)).toEqual([{ 'pub.key': 4 }]);
    applyChanges(db(), [change(3, 'pub.key', null)], author);
    expect(monthRows()).toEqual([]);
    expect(getValues(db(), selfId(), T, 2017)).toEqual([]);
    // The history stays: the unit still counts as having records.
    expect(changeSets()).toHaveLength(3);
  });

  it('keeps the history of one cell across change sets, newest first, one set per unit-month and call', () => {
    const other = insertUnit(db(), { code: 'D1', name: '部门', kind: '部门', parentId: selfId() });
    applyChanges(db(), [change(4, 'pub.total', 1)], { operator: '张三', source: 'entry' });
    applyChanges(db(), [change(4, 'pub.key', 9), change(4, 'pub.total', 2), change(5, 'pub.total', 7), change(4, 'pub.total', 2, '', other.id)], {
      operator: '李四',
      source: 'paste',
    });
    applyChanges(db(), [change(4, 'pub.total', null)], { operator: '王五', source: 'import' });
    // The paste touched three unit-months: three sets, the first with both of its cells.
    // A set that created its month's row records no figures (they are the row's, or the next set's old values).
    expect(changeSets().map((s) => [s.unit_id === selfId(), s.month, s.source, s.changes])).toEqual([
      [true, 4, 'entry', 'created'],
      [true, 4, 'paste', [['pub.key', null, 9], ['pub.total', 1, 2]]],
      [true, 5, 'paste', 'created'],
      [false, 4, 'paste', 'created'],
      [true, 4, 'import', [['pub.total', 2, null]]],
    ]);
    const history = getHistory(db(), change(4, 'pub.total', null));
    expect(history.map((h) => [h.oldValue, h.newValue, h.operator, h.source, h.unitCode, h.month, h.indicator, h.col])).toEqual([
      [2, null, '王五', 'import', 'TEST-01', 4, 'pub.total', ''],
      [1, 2, '李四', 'paste', 'TEST-01', 4, 'pub.total', ''],
      [null, 1, '张三', 'entry', 'TEST-01', 4, 'pub.total', ''],
    ]);
    expect(new Set(history.map((h) => h.id)).size).toBe(3);
    expect(history[0].id).toBeGreaterThan(history[1].id);
    expect(getHistory(db(), change(4, 'pub.total', null), 2)).toHaveLength(2);
    expect(getHistory(db(), change(4, 'pub.key', null)).map((h) => h.newValue)).toEqual([9]);
    expect(getHistory(db(), change(4, 'pub.total', null, '', other.id)).map((h) => h.unitCode)).toEqual(['D1']);
  });

  it('recovers what a row-creating set wrote: from the next set touching the cell, else from the row', () => {
    const hist = (indicator: string) => getHistory(db(), change(8, indicator, null)).map((h) => [h.oldValue, h.newValue, h.operator]);
    applyChanges(db(), [change(8, 'pub.total', 3), change(8, 'pub.key', 4)], { operator: '甲', source: 'import' });
    expect(hist('pub.total')).toEqual([[null, 3, '甲']]);
    applyChanges(db(), [change(8, 'pub.total', null), change(8, 'pub.key', null)], { operator: '乙', source: 'entry' });
    expect(monthRows().filter((r) => r.month === 8)).toEqual([]);
    applyChanges(db(), [change(8, 'pub.key', 6)], { operator: '丙', source: 'import' });
    expect(hist('pub.total')).toEqual([
      [3, null, '乙'],
      [null, 3, '甲'],
    ]);
    expect(hist('pub.key')).toEqual([
      [null, 6, '丙'],
      [4, null, '乙'],
      [null, 4, '甲'],
    ]);
    expect(hist('pub.cat.other')).toEqual([]);
    replaceMonths(db(), [{ unitId: selfId(), templateId: T, year: 2017, month: 8, values: new Map([['pub.key', 7]]) }], { operator: '丁', source: 'import' });
    expect(hist('pub.key')[0]).toEqual([6, 7, '丁']);
    expect(hist('pub.key')[1]).toEqual([null, 6, '丙']);
  });

  it('applies a cell named twice in order and records it once in its set', () => {
    applyChanges(db(), [change(6, 'pub.total', 1)], author);
    const applied = applyChanges(db(), [change(6, 'pub.total', 2), change(6, 'pub.total', 3), change(6, 'pub.key', 1), change(6, 'pub.key', null)], author);
    expect(applied.map((a) => [a.indicator, a.oldValue, a.value])).toEqual([
      ['pub.total', 1, 2],
      ['pub.total', 2, 3],
      ['pub.key', null, 1],
      ['pub.key', 1, null],
    ]);
    expect(getValues(db(), selfId(), T, 2017).map((v) => [v.indicator, v.value])).toEqual([['pub.total', 3]]);
    expect(changeSets().at(-1)!.changes).toEqual([['pub.total', 1, 3]]);
  });

  it('refuses negative, NaN and infinite values and bad codes, and writes nothing of the call', () => {
    applyChanges(db(), [change(7, 'pub.total', 5)], author);
    const before = snapshot(b);
    for (const [bad, message] of [
      [change(7, 'pub.key', -1), /数值 -1 是负数/],
      [change(7, 'pub.key', Number.NaN), /数值无效（不是数字）/],
      [change(7, 'pub.key', Number.POSITIVE_INFINITY), /数值无效（不是数字）/],
      // A row holds plain decimals only: what String() would write with an exponent is out of range.
      [change(7, 'pub.key', 1e-7), /数值 1e-7 的小数超过六位/],
      // The limits typing and every reader apply (shared/values/limits.ts).
      [change(7, 'pub.key', 1e12), /数值 1000000000000 超过上限 999999999/],
      [change(7, 'pub.key', 1e15), /数值 1000000000000000 超过上限 999999999/],
      [change(7, 'pub:key', 1), /指标代码“pub:key”无效/],
      [change(13, 'pub.key', 1), /月份 13 无效/],
    ] as const) {
      expect(() => applyChanges(db(), [change(7, 'pub.total', 6), bad], author)).toThrow(message);
      expect(snapshot(b)).toBe(before);
    }
    expect(getValue(db(), change(7, 'pub.total', null))?.value).toBe(5);
  });

  it('applies thousands of values across units and months with one row and one change set per unit-month', () => {
    const units = [selfId(), ...[1, 2, 3].map((i) => insertUnit(db(), { code: `D${i}`, name: `部门${i}`, kind: '部门', parentId: selfId() }).id)];
    const codes = Array.from({ length: 60 }, (_, k) => `ind${String(k).padStart(2, '0')}`);
    const all: ValueChange[] = [];
    // Months interleaved, so grouping cannot rely on the order of the changes.
    for (const code of codes) for (const unitId of units) for (let m = 12; m >= 1; m--) for (const col of ['', 'a']) all.push(change(m, code, (unitId * 7 + m * 3 + code.length) % 50, col, unitId));
    expect(all.length).toBe(5760);
    const applied = applyChanges(db(), all, author);
    expect(applied).toHaveLength(all.length);
    expect(applied[1]).toMatchObject({ indicator: all[1].indicator, month: all[1].month, col: all[1].col });
    expect(monthRows()).toHaveLength(units.length * 12);
    expect(changeSets()).toHaveLength(units.length * 12);
    const stored = getValues(db(), units[2], T, 2017);
    expect(stored).toHaveLength(12 * codes.length * 2);
    const expected = all.filter((c) => c.unitId === units[2]).map((c) => [c.month, c.indicator, c.col, c.value]);
    const order = (x: (string | number | null)[], y: (string | number | null)[]) => (x[0] as number) - (y[0] as number) || (x[1] as string).localeCompare(y[1] as string) || (x[2] as string).localeCompare(y[2] as string);
    expect(stored.map((v) => [v.month, v.indicator, v.col, v.value])).toEqual(expected.sort(order));

    // A second import: every third value changes, every fifth is cleared, the rest is as stored.
    const next = all.map((c, i) => ({ ...c, value: i % 5 === 0 ? null : i % 3 === 0 ? c.value! + 100 : c.value }));
    const second = applyChanges(db(), next, { operator: '王五', source: 'import' });
    expect(second).toHaveLength(next.filter((c, i) => c.value !== all[i].value).length);
    const again = getValues(db(), units[2], T, 2017);
    expect(again).toHaveLength(next.filter((c) => c.unitId === units[2] && c.value !== null).length);
    expect(changeSets()).toHaveLength(units.length * 12 * 2);
    const entries = changeSets().filter((s) => s.source === 'import').reduce((n, s) => n + s.changes.length, 0);
    expect(entries).toBe(second.length);
  });
});

describe('layouts', () => {
  it('a layout grown in a transaction that rolled back is stored again when next used', () => {
    applyChanges(db(), [change(1, 'pub', 1)], author);
    // Month 2 grows the layout by pub.key; month 3 (no such unit) then fails and rolls the call back.
    expect(() => replaceMonths(db(), [{ unitId: selfId(), templateId: T, year: 2017, month: 2, values: new Map([['pub.key', 2]]) }, { unitId: -1, templateId: T, year: 2017, month: 3, values: new Map([['pub', 1]]) }], author)).toThrow(/FOREIGN KEY/);
    expect(db().prepare('SELECT COUNT(*) AS n FROM value_layouts').get()).toEqual({ n: 1 });
    applyChanges(db(), [change(2, 'pub.key', 2)], author);
    expect(db().prepare('SELECT COUNT(*) AS n FROM value_layouts').get()).toEqual({ n: 2 });
    expect(monthRows().map((r) => [r.month, r.figures])).toEqual([
      [1, { pub: 1 }],
      [2, { 'pub.key': 2 }],
    ]);
  });

  it('each template has its own layouts', () => {
    applyChanges(db(), [change(1, 'pub', 1), { ...change(1, 't3.new', 4, 'natural'), templateId: 'national-2021' }], author);
    const layouts = db().prepare('SELECT template_id, refs FROM value_layouts ORDER BY template_id').all();
    expect(layouts).toEqual([
      { template_id: 'national-2021', refs: '["t3.new:natural"]' },
      { template_id: T, refs: '["pub"]' },
    ]);
  });
});

describe('replaceMonths (an import stores whole unit-months)', () => {
  const month = (m: number, values: [string, number][]) => ({ unitId: selfId(), templateId: T, year: 2017, month: m, values: new Map(values) });

  it('sets a month to exactly the given figures: changed and new refs set, absent ones cleared, one change set each, rows sorted', () => {
    applyChanges(db(), [change(3, 'pub.total', 5), change(3, 'pub.cat.other', 2), change(4, 'pub', 1)], author);
    const changed = replaceMonths(db(), [month(3, [['t3.new:natural', 9], ['pub.total', 5], ['pub', 4]]), month(4, [['pub', 1]])], { operator: '李四', source: 'import' });
    // month 3: pub.cat.other cleared, pub new, t3.new new, pub.total unchanged; month 4 unchanged
    expect(changed).toBe(3);
    expect(getValues(db(), selfId(), T, 2017).map((v) => [v.month, v.indicator, v.col, v.value])).toEqual([
      [3, 'pub', '', 4],
      [3, 'pub.total', '', 5],
      [3, 't3.new', 'natural', 9],
      [4, 'pub', '', 1],
    ]);
    const sets = changeSets().filter((c) => c.source === 'import');
    expect(sets).toHaveLength(1);
    expect(sets[0].month).toBe(3);
    expect(new Set(sets[0].changes.map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify(['t3.new:natural', null, 9]), JSON.stringify(['pub', null, 4]), JSON.stringify(['pub.cat.other', 2, null])]));
    expect(getHistory(db(), { unitId: selfId(), templateId: T, year: 2017, month: 3, indicator: 'pub.cat.other', col: '' }).map((h) => [h.oldValue, h.newValue, h.operator])).toEqual([
      [2, null, '李四'],
      [null, 2, '张三'],
    ]);
  });

  it('an empty month deletes the row; invalid figures refuse the whole call and change nothing', () => {
    applyChanges(db(), [change(5, 'pub.total', 5)], author);
    expect(replaceMonths(db(), [month(5, [])], author)).toBe(1);
    expect(monthRows()).toEqual([]);
    const before = snapshot(b);
    expect(() => replaceMonths(db(), [month(6, [['pub.total', 1]]), month(7, [['pub', -1]])], author)).toThrow(/测试单位（TEST-01）.*数值 -1 是负数/);
    expect(() => replaceMonths(db(), [month(6, [['pub.total', 1e12]])], author)).toThrow(/超过上限 999999999/);
    expect(() => replaceMonths(db(), [month(6, [['pub.total', Number.NaN]])], author)).toThrow();
    // A ref new to the layout is checked as the layout would take it in; the month before it is rolled back too.
    expect(() => replaceMonths(db(), [month(6, [['pub.total', 1], ['pub.new', 2]]), month(7, [[':no-indicator', 1]])], author)).toThrow(/指标代码“”无效/);
    expect(() => replaceMonths(db(), [month(7, [['pub\u0000x', 1]])], author)).toThrow(/无效/);
    expect(snapshot(b)).toBe(before);
  });

  it('refuses and admits at the edges of the whole-number shortcut exactly what figureFault decides', () => {
    const before = snapshot(b);
    const refused: [number, RegExp][] = [
      [-1, /数值 -1 是负数/],
      [1_000_000_000, /数值 1000000000 超过上限 999999999/],
      [2 ** 53, /超过上限/],
      [Number.POSITIVE_INFINITY, /数值无效（不是数字）/],
      [Number.NaN, /数值无效（不是数字）/],
      [999_999_999.5, /超过上限/],
      [0.0000001, /小数超过六位/],
      [-0.5, /是负数/],
    ];
    for (const [value, message] of refused) {
      expect(() => replaceMonths(db(), [month(6, [['pub.total', 1], ['pub', value]])], author), String(value)).toThrow(message);
    }
    // Not a number at all (a caller outside TypeScript's reach): refused, not stored as text.
    expect(() => replaceMonths(db(), [month(6, [['pub', '7' as unknown as number]])], author)).toThrow(/数值无效（不是数字）/);
    expect(snapshot(b)).toBe(before);
    expect(replaceMonths(db(), [month(6, [['pub', 0], ['pub.total', 999_999_999], ['pub.key', 1.5], ['pub.rules', 0.000001], ['pub.cat.other', -0]])], author)).toBe(5);
    expect(monthRows()).toEqual([{ unit_id: selfId(), month: 6, figures: { pub: 0, 'pub.cat.other': 0, 'pub.key': 1.5, 'pub.rules': 0.000001, 'pub.total': 999_999_999 } }]);
  });

  it('writes a month it found no row for with a plain insert, which never overwrites a row', () => {
    replaceMonths(db(), [month(8, [['pub', 3]])], author);
    const key = { unitId: selfId(), templateId: T, year: 2017, month: 8 };
    const encoded = encodeMonth(db(), T, new Map([['pub', 4]]), () => undefined);
    expect(() => writeMonth(db(), key, encoded, 'now', true)).toThrow(/UNIQUE/);
    expect(monthRows()).toEqual([{ unit_id: selfId(), month: 8, figures: { pub: 3 } }]);
    writeMonth(db(), key, encoded, 'now');
    expect(monthRows()).toEqual([{ unit_id: selfId(), month: 8, figures: { pub: 4 } }]);
  });
});
