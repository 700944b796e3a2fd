import { describe, expect, it } from 'vitest';
import nationalJson from '../../../../../../resources/templates/national-2021.json';
import suiningJson from '../../../../../../resources/templates/suining-2017.json';
import { byRefAndMonth } from '../../../../../../shared/rules/periodLookup';
import { parseTemplate } from '../../../../../../shared/template/validate';
import { countEntries, shownText, splitValueKey, valueKey, type EntryState } from './cellStates';
import { keyAction, type KeyInput } from './keyboard';
import { buildLayout, locate } from './layout';
import { liveViolations, ruleMarks } from './liveRules';
import { parseClipboard, planPaste, toClipboardText } from './paste';
import { at, jumpSelection, moveSelection, pointerSelect, rectPositions, selectionRect, stepSelection } from './selection';

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const national = parseTemplate(nationalJson, 'national-2021.json');
const B = { rows: 10, cols: 13 };

describe('selection', () => {
  it('moves with arrows and stops at the edges', () => {
    let s = at({ r: 0, c: 0 });
    s = moveSelection(s, -1, 0, false, B);
    expect(s.focus).toEqual({ r: 0, c: 0 });
    s = moveSelection(s, 1, 1, false, B);
    expect(s).toEqual(at({ r: 1, c: 1 }));
    expect(moveSelection(at({ r: 9, c: 12 }), 1, 1, false, B).focus).toEqual({ r: 9, c: 12 });
  });

  it('grows a range with Shift+arrows from the anchor, in any direction', () => {
    let s = at({ r: 2, c: 2 });
    s = moveSelection(s, 1, 0, true, B);
    s = moveSelection(s, 1, 0, true, B);
    s = moveSelection(s, 0, -1, true, B);
    expect(s.anchor).toEqual({ r: 2, c: 2 });
    expect(selectionRect(s)).toEqual({ top: 2, bottom: 4, left: 1, right: 2 });
    expect(rectPositions(selectionRect(s))).toHaveLength(6);
    expect(moveSelection(s, 0, 1, false, B)).toEqual(at({ r: 4, c: 2 }));
  });

  it('selects a range with the mouse (click, then Shift+click or drag)', () => {
    const s = pointerSelect(pointerSelect(at({ r: 0, c: 0 }), { r: 5, c: 3 }, false), { r: 3, c: 7 }, true);
    expect(selectionRect(s)).toEqual({ top: 3, bottom: 5, left: 3, right: 7 });
    expect(s.focus).toEqual({ r: 3, c: 7 });
  });

  it('jumps to the row’s ends and the grid’s corners, as Excel’s Home/End and Ctrl+Home/Ctrl+End do', () => {
    const s = at({ r: 4, c: 5 });
    expect(jumpSelection(s, 'rowStart', false, B)).toEqual(at({ r: 4, c: 0 }));
    expect(jumpSelection(s, 'rowEnd', false, B)).toEqual(at({ r: 4, c: 12 }));
    expect(jumpSelection(s, 'first', false, B)).toEqual(at({ r: 0, c: 0 }));
    expect(jumpSelection(s, 'last', false, B)).toEqual(at({ r: 9, c: 12 }));
    expect(selectionRect(jumpSelection(s, 'rowEnd', true, B))).toEqual({ top: 4, bottom: 4, left: 5, right: 12 });
    expect(jumpSelection(s, 'last', true, B).anchor).toEqual({ r: 4, c: 5 });
  });

  it('steps with Tab and Enter, wrapping Tab to the next row', () => {
    expect(stepSelection(at({ r: 0, c: 12 }), 0, 1, B).focus).toEqual({ r: 1, c: 0 });
    expect(stepSelection(at({ r: 1, c: 0 }), 0, -1, B).focus).toEqual({ r: 0, c: 12 });
    expect(stepSelection(at({ r: 9, c: 4 }), 1, 0, B).focus).toEqual({ r: 9, c: 4 });
  });
});

describe('keyboard', () => {
  const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('navigates, edits, clears and undoes like a spreadsheet', () => {
    expect(keyAction(k('ArrowDown'), null)).toEqual({ kind: 'move', dr: 1, dc: 0, extend: false });
    expect(keyAction(k('ArrowLeft', { shiftKey: true }), null)).toEqual({ kind: 'move', dr: 0, dc: -1, extend: true });
    expect(keyAction(k('Tab', { shiftKey: true }), null)).toEqual({ kind: 'step', dr: 0, dc: -1 });
    expect(keyAction(k('7'), null)).toEqual({ kind: 'startEdit', text: '7' });
    expect(keyAction(k('７'), null)).toEqual({ kind: 'startEdit', text: '７' });
    expect(keyAction(k('F2'), null)).toEqual({ kind: 'startEdit', text: null });
    expect(keyAction(k('Delete'), null)).toEqual({ kind: 'clear' });
    expect(keyAction(k('z', { ctrlKey: true }), null)).toEqual({ kind: 'undo' });
    expect(keyAction(k('y', { ctrlKey: true }), null)).toEqual({ kind: 'redo' });
    expect(keyAction(k('Z', { ctrlKey: true, shiftKey: true }), null)).toEqual({ kind: 'redo' });
    expect(keyAction(k('c', { ctrlKey: true }), null)).toEqual({ kind: 'none' });
  });
  it('commits on Enter/Tab/arrows while typing over a cell, but lets arrows move the caret after F2', () => {
    expect(keyAction(k('Enter'), 'replace')).toEqual({ kind: 'commitMove', dr: 1, dc: 0, step: true });
    expect(keyAction(k('ArrowRight'), 'replace')).toEqual({ kind: 'commitMove', dr: 0, dc: 1, step: false });
    expect(keyAction(k('ArrowRight'), 'edit')).toEqual({ kind: 'none' });
    expect(keyAction(k('Escape'), 'edit')).toEqual({ kind: 'cancel' });
    expect(keyAction(k('5'), 'edit')).toEqual({ kind: 'none' });
  });
  it('jumps with Home/End and Ctrl+Home/Ctrl+End, extending with Shift, and opens the help with F1 or ?', () => {
    expect(keyAction(k('Home'), null)).toEqual({ kind: 'jump', to: 'rowStart', extend: false });
    expect(keyAction(k('End', { shiftKey: true }), null)).toEqual({ kind: 'jump', to: 'rowEnd', extend: true });
    expect(keyAction(k('Home', { ctrlKey: true }), null)).toEqual({ kind: 'jump', to: 'first', extend: false });
    expect(keyAction(k('End', { ctrlKey: true, shiftKey: true }), null)).toEqual({ kind: 'jump', to: 'last', extend: true });
    expect(keyAction(k('F1'), null)).toEqual({ kind: 'help' });
    expect(keyAction(k('?', { shiftKey: true }), null)).toEqual({ kind: 'help' });
    // While editing, Home/End move the caret and "?" is text.
    expect(keyAction(k('Home'), 'edit')).toEqual({ kind: 'none' });
    expect(keyAction(k('?'), 'replace')).toEqual({ kind: 'none' });
  });
});

describe('paste', () => {
  it('reads an Excel/WPS block: tabs, CRLF, trailing newline, quoted cells, ragged rows', () => {
    expect(parseClipboard('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseClipboard('"1,212"\t"a\nb"\n７\n')).toEqual([
      ['1,212', 'a\nb'],
      ['７', ''],
    ]);
    expect(parseClipboard('')).toEqual([]);
  });

  const open = () => null;
  it('maps a block from the active cell', () => {
    const plan = planPaste(parseClipboard('1\t2\r\n3\t4\r\n'), { r: 8, c: 11 }, selectionRect(at({ r: 8, c: 11 })), B, open);
    expect(plan).toEqual({
      ok: true,
      targets: [
        { pos: { r: 8, c: 11 }, raw: '1' },
        { pos: { r: 8, c: 12 }, raw: '2' },
        { pos: { r: 9, c: 11 }, raw: '3' },
        { pos: { r: 9, c: 12 }, raw: '4' },
      ],
    });
  });

  it('refuses a block larger than the room left, whole, saying how big each is', () => {
    const plan = planPaste(parseClipboard('1\t2\t3\r\n'), { r: 0, c: 11 }, selectionRect(at({ r: 0, c: 11 })), B, open);
    expect(plan).toEqual({ ok: false, message: '粘贴的数据有 1 行 3 列，从当前单元格起只能容纳 10 行 2 列，超出表格范围，未粘贴任何数据' });
  });

  it('refuses a block landing on a locked or roll-up cell, whole', () => {
    const plan = planPaste([['1', '2']], { r: 0, c: 11 }, selectionRect(at({ r: 0, c: 11 })), B, (p) => (p.c === 12 ? '全年合计由各月汇总' : null));
    expect(plan).toEqual({ ok: false, message: '粘贴区域包含不能填写的单元格（全年合计由各月汇总），未粘贴任何数据' });
  });

  it('fills a selected range with a single copied value', () => {
    const sel = moveSelection(at({ r: 0, c: 0 }), 1, 1, true, B);
    const plan = planPaste([['9']], sel.focus, selectionRect(sel), B, open);
    expect(plan.ok && plan.targets.map((t) => t.raw)).toEqual(['9', '9', '9', '9']);
  });

  it('copies as tab-separated rows with CRLF', () => {
    expect(toClipboardText([['1', ''], ['3', '4']])).toBe('1\t\r\n3\t4');
  });
});

describe('cell states', () => {
  it('counts invalid and unsaved cells and shows what was typed until saved', () => {
    const saving: EntryState = { kind: 'saving', raw: '12', value: 12 };
    const states = new Map<string, EntryState>([
      ['a|1', saving],
      ['a|2', { kind: 'invalid', raw: 'x', message: '不是数字' }],
      ['a|3', { kind: 'saved' }],
    ]);
    expect(countEntries(states)).toEqual({ invalid: 1, unsaved: 2 });
    expect(shownText(saving, '')).toBe('12');
    expect(shownText({ kind: 'saved' }, '12')).toBe('12');
    expect(splitValueKey(valueKey('t3.new:natural', 11))).toEqual({ ref: 't3.new:natural', month: 11 });
  });
});

describe('layout and live rules', () => {
  it('lays the seed ledger out by section with months and 全年, and folds a section away', () => {
    const all = suining.sections.map((s) => s.code);
    const layout = buildLayout(suining, { kind: 'list', sections: all });
    expect(layout.columns.map((c) => c.label)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '全年']);
    expect(layout.dataRows.length).toBeGreaterThanOrEqual(70);
    expect(layout.rows[0]).toMatchObject({ kind: 'section', label: '主动公开政府信息' });
    const folded = buildLayout(suining, { kind: 'list', sections: all }, new Set(['pub']));
    expect(folded.dataRows.length).toBe(layout.dataRows.length - 11);
    expect(locate(layout, 'pub.total', 3)).toEqual({ r: 0, c: 2 });
    expect(locate(layout, 'pub.total', 'year')).toEqual({ r: 0, c: 12 });
  });

  it('lays a national table out like the official one, label rows included, for a month or the year', () => {
    const t3 = buildLayout(national, { kind: 'table', section: 't3', period: 4 });
    expect(t3.columns.length).toBe(7);
    expect(t3.rows.some((r) => r.kind === 'label')).toBe(true);
    expect(t3.dataRows.every((r) => r.cells.every((c) => c.period === 4))).toBe(true);
    expect(locate(t3, 't3.new:natural', 4)).not.toBeNull();
    expect(locate(t3, 't3.new:natural', 5)).toBeNull();
  });

  it('carries the template’s field notes for the cells people count wrong', () => {
    const note = (section: string, id: string) => buildLayout(national, { kind: 'table', section, period: 'year' }).dataRows.find((r) => r.id === id)?.note;
    expect(note('t3', 't3.new')).toContain('收到申请之日');
    expect(note('t3', 't3.carried_in')).toContain('期初数');
    expect(note('t3', 't3.carried_out')).toContain('期末数');
    expect(note('t4', 't4.cases')).toContain('复议后起诉');
    expect(note('t4', 't4.cases')).toContain('只由作出原行为的部门统计一次');
    expect(note('t3', 't3.disclosed')).toBeUndefined();
    const list = buildLayout(suining, { kind: 'list', sections: ['req'] });
    expect(list.dataRows.find((r) => r.id === 'req.received')?.note).toContain('收到申请之日');
  });

  it('flags a rule per month and on the year roll-up, marking the cells involved', () => {
    const cats = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];
    const values = byRefAndMonth([
      { indicator: 'pub.total', col: '', month: 3, value: 76891 },
      ...cats.map((c) => ({ indicator: `pub.cat.${c}`, col: '', month: 3, value: c === 'other' ? 76883 : 1 })),
    ]);
    const found = liveViolations(suining, values, byRefAndMonth([])).filter((v) => v.ruleId === 'pub.categories_sum');
    expect(found.map((v) => v.period)).toEqual([3, 'year']);
    expect(found[0].message).toContain('76891 ≠ 76890');
    const marks = ruleMarks(found);
    expect(marks.get('pub.total|3')).toBe('error');
    expect(marks.get('pub.cat.finance|year')).toBe('error');
    expect(marks.get('pub.total|4')).toBeUndefined();
  });
});
