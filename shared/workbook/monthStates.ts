/**
 * Month completion in the workbook: which months of each unit were marked
 * complete (标记本月完成) or declared 本月无数据 when it exported, and the
 * clerk's explanation of each warning accepted at completion. They are meta
 * rows of the hidden data sheet, between the meta keys and [units]:
 *
 *   month_state | unit_code | month | completed | no_data | completed_at (ISO)
 *   explanation | unit_code | month | check key | explanation | message
 *
 * Readers before these rows take only the meta keys they know, so a workbook
 * with them still imports there (its months counted by their figures), and
 * one without them imports here: no format version change. Rows are written
 * in units order, months ascending, explanations in the order accepted, so
 * the same state gives the same rows (the data sheet's canonical content;
 * issue 16 signs every meta row).
 */

export const MONTH_STATE_KEY = 'month_state';
export const EXPLANATION_KEY = 'explanation';

export type MonthCompletion = 'completed' | 'noData';
const STATE_TEXT: Record<MonthCompletion, string> = { completed: 'completed', noData: 'no_data' };

/** Longest explanation or message a row may carry (what months.complete accepts, and a rule message). */
export const MAX_EXPLANATION_CHARS = 500;

export interface WorkbookExplanation {
  /** Key of the check (months.ts explanationKey: scope and check id). */
  key: string;
  explanation: string;
  /** The warning as the clerk saw it. */
  message: string;
}

export interface WorkbookMonthState {
  unitCode: string;
  month: number;
  state: MonthCompletion;
  completedAt: string;
  explanations: WorkbookExplanation[];
}

/** Line breaks and control characters of an explanation typed in a text box, flattened: a row cell is one line of XML-safe text. */
// eslint-disable-next-line no-control-regex -- control characters are what XML cannot hold
const oneLine = (s: string) => s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();

export function monthStateRows(states: WorkbookMonthState[], unitOrder: string[]): (string | number)[][] {
  const order = new Map(unitOrder.map((c, i) => [c, i]));
  const sorted = [...states].sort((a, b) => (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0) || a.month - b.month);
  const out: (string | number)[][] = [];
  for (const s of sorted) out.push([MONTH_STATE_KEY, s.unitCode, s.month, STATE_TEXT[s.state], s.completedAt]);
  for (const s of sorted) for (const e of s.explanations) out.push([EXPLANATION_KEY, s.unitCode, s.month, e.key, oneLine(e.explanation), oneLine(e.message)]);
  return out;
}

/** A meta row as read: its cells as text from column B on, and its row number. */
export interface StateRowRead {
  row: number;
  key: typeof MONTH_STATE_KEY | typeof EXPLANATION_KEY;
  cells: string[];
}

export type StatesRead = { ok: true; states: WorkbookMonthState[] } | { ok: false; row: number; why: string };

/** Checks the rows against the file's units and period; explanations belong to a month stated complete. */
export function readMonthStateRows(rows: StateRowRead[], units: Set<string>, fromMonth: number, toMonth: number): StatesRead {
  const byKey = new Map<string, WorkbookMonthState>();
  const states: WorkbookMonthState[] = [];
  const monthOf = (r: StateRowRead): { why: string } | { unitCode: string; month: number } => {
    const [unitCode = '', monthText] = r.cells;
    const month = Number(monthText);
    if (!units.has(unitCode)) return { why: `单位“${unitCode}”不在本表的单位列表中` };
    if (!Number.isInteger(month) || month < fromMonth || month > toMonth) return { why: `月份“${monthText ?? ''}”不在本表的统计期间内` };
    return { unitCode, month };
  };
  for (const r of rows.filter((x) => x.key === MONTH_STATE_KEY)) {
    const m = monthOf(r);
    if ('why' in m) return { ok: false, row: r.row, why: m.why };
    const stateText = r.cells[2];
    const state = (Object.keys(STATE_TEXT) as MonthCompletion[]).find((k) => STATE_TEXT[k] === stateText);
    if (!state) return { ok: false, row: r.row, why: `月份状态“${stateText ?? ''}”无法识别` };
    const k = `${m.unitCode}\t${m.month}`;
    if (byKey.has(k)) return { ok: false, row: r.row, why: `${m.month}月的状态出现了两次` };
    const s: WorkbookMonthState = { unitCode: m.unitCode, month: m.month, state, completedAt: r.cells[3] ?? '', explanations: [] };
    byKey.set(k, s);
    states.push(s);
  }
  for (const r of rows.filter((x) => x.key === EXPLANATION_KEY)) {
    const m = monthOf(r);
    if ('why' in m) return { ok: false, row: r.row, why: m.why };
    const s = byKey.get(`${m.unitCode}\t${m.month}`);
    if (!s || s.state !== 'completed') return { ok: false, row: r.row, why: `${m.month}月没有标记完成，却有提醒的说明` };
    const [, , key = '', explanation = '', message = ''] = r.cells;
    if (!key || explanation.length > MAX_EXPLANATION_CHARS || message.length > MAX_EXPLANATION_CHARS) {
      return { ok: false, row: r.row, why: '提醒的说明不完整或过长' };
    }
    s.explanations.push({ key, explanation: oneLine(explanation), message: oneLine(message) });
  }
  return { ok: true, states };
}
