/**
 * The ledger workspace's state, kept outside React's tree: the year's
 * figures (stored, and being saved), entry states, rule marks, locked
 * months, comments, the selection and the undo stack. Components subscribe
 * to topics — one cell's figure, one cell's rule mark, one grid position —
 * so that committing a cell re-renders that cell and the few that show its
 * consequences (its row's roll-up, the cells of a rule it breaks or mends),
 * never the grid.
 *
 * Saving goes through the write queue; what is typed shows at once as an
 * optimistic entry and settles with the data file's answer.
 */
import type { CellComment } from '../../../../../shared/api/methods/comments';
import type { MonthStatus } from '../../../../../shared/api/methods/months';
import type { CellRefusal, SetResult } from '../../../../../shared/api/methods/values';
import { byRefAndMonth, type MonthlyValues } from '../../../../../shared/rules/periodLookup';
import type { RuleContext } from '../../../../../shared/rules/evaluate';
import { cellRef, findCell, templateCells } from '../../../../../shared/template/cells';
import type { Template } from '../../../../../shared/template/schema';
import { currentMonth, isAfterMonth, MONTHS } from '../../../../../shared/values/period';
import { cellLimit } from '../../../../../shared/values/limits';
import { figureText } from '../../../../../shared/values/numberFormat';
import { parseValue } from '../../../../../shared/values/parse';
import { rollupMonths } from '../../../../../shared/values/rollup';
import { t } from '../../../i18n/catalog';
import { shownText, splitValueKey, valueKey, type EntryCounts, type RuleMark } from '../shared/grid/cellStates';
import type { EditMode } from '../shared/grid/keyboard';
import type { GridCell, GridLayout, Period } from '../shared/grid/layout';
import { periodViolations, ruleMarks, ruleMessagesByCell, type PeriodViolation } from '../shared/grid/liveRules';
import { OptimisticEntries, type Attempt } from '../shared/grid/optimistic';
import { at, clampPos, inRect, selectionRect, type Rect, type Selection } from '../shared/grid/selection';
import { emptyStack, planRedo, planUndo, pushStep, type CellChange, type Replay, type UndoStack } from '../shared/grid/undo';
import { createWriteQueue } from '../shared/grid/writeQueue';

export interface Edit {
  ref: string;
  month: number;
  raw: string | number | null;
}

export type EditSource = 'entry' | 'paste' | 'undo' | 'redo' | 'clear';

export type SaveAnswer = { ok: true; saved: SetResult[]; refused: CellRefusal[] } | { ok: false; message: string };

/** Writes cells to the data file (the API in the app, a fake in tests). */
export type SaveFn = (cells: Edit[], source: EditSource) => Promise<SaveAnswer>;

type StoredValue = { indicator: string; col: string; month: number; value: number };

export interface WorkspaceData {
  values: StoredValue[];
  /** The year before, for rules comparing with it. */
  previous: StoredValue[];
  months: MonthStatus[];
  comments: CellComment[];
  /** Who reads the rule messages and the unit's kind (kind-limited rules); none: a clerk, kind unknown. */
  ruleContext?: Pick<RuleContext, 'audience' | 'unitKind'>;
}

export interface Editing {
  mode: EditMode;
  initial: string;
}

/**
 * What components subscribe to. Each cell has one topic, its key
 * "<ref>|<period>" (GridCell.key): emitted when its figure, entry state,
 * comment, roll-up, rule mark, month lock, or selected/active/edited state
 * changes. The others are for the panels around the grid.
 */
export const topic = {
  cell: (ref: string, period: Period) => `${ref}|${period}`,
  selection: 'selection',
  entries: 'entries',
  rules: 'rules',
  months: 'months',
  undo: 'undo',
} as const;

const sameViolations = (a: PeriodViolation[], b: PeriodViolation[]) =>
  a.length === b.length && a.every((v, i) => v.message === b[i].message && v.period === b[i].period && v.severity === b[i].severity);

interface Sending {
  key: string;
  edit: Edit;
  attempt: Attempt;
}

export class WorkspaceStore {
  /** Figures as stored in the data file. */
  readonly values: Map<string, number>;
  readonly entries = new OptimisticEntries();
  readonly comments: Map<string, CellComment>;
  /** Figures as the clerk sees them (stored, or being saved), for roll-ups and rules. */
  private readonly current: MonthlyValues;
  private readonly previous: MonthlyValues;
  private readonly ruleContext: Pick<RuleContext, 'audience' | 'unitKind'>;
  months: MonthStatus[];
  locked: ReadonlySet<number>;
  violations: PeriodViolation[] = [];
  private byPeriod = new Map<Period, PeriodViolation[]>();
  marks: ReadonlyMap<string, RuleMark> = new Map();
  ruleMessages: ReadonlyMap<string, string[]> = new Map();
  selection: Selection;
  rect: Rect;
  editing: Editing | null = null;
  undoStack: UndoStack = emptyStack;
  private counts: EntryCounts;
  private readonly queue = createWriteQueue();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly versions = new Map<string, number>();
  private readonly subscribers = new Map<string, (listener: () => void) => () => void>();
  private readonly refs: string[];
  /** The grid's layout, to tell the cell at a position that its selection changed. */
  private layout: GridLayout | null = null;

  constructor(
    readonly template: Template,
    readonly year: number,
    data: WorkspaceData,
    private readonly save: SaveFn,
    private readonly notice: (text: string) => void,
    selection: Selection = at({ r: 0, c: 0 }),
    /** The month taken as now: figures typed for a later one are saved with a warning. */
    private readonly today = currentMonth(),
  ) {
    this.values = new Map(data.values.map((v) => [valueKey(cellRef(v.indicator, v.col), v.month), v.value]));
    this.current = byRefAndMonth(data.values);
    this.previous = byRefAndMonth(data.previous);
    this.comments = new Map(data.comments.map((c) => [valueKey(cellRef(c.indicator, c.col), c.month), c]));
    this.months = data.months;
    this.ruleContext = data.ruleContext ?? {};
    this.locked = new Set(data.months.filter((m) => m.completed).map((m) => m.month));
    this.selection = selection;
    this.rect = selectionRect(selection);
    this.counts = this.entries.counts();
    this.refs = [...templateCells(template).keys()];
    this.recheck([...MONTHS], []);
  }

  // --- subscriptions -------------------------------------------------------

  subscribe(name: string, listener: () => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(name);
    };
  }

  /** A stable subscribe function per topic, for useSyncExternalStore. */
  subscriber(name: string): (listener: () => void) => () => void {
    let fn = this.subscribers.get(name);
    if (!fn) this.subscribers.set(name, (fn = (listener) => this.subscribe(name, listener)));
    return fn;
  }

  /** Grows each time the topic is emitted: a snapshot for useSyncExternalStore. */
  version(name: string): number {
    return this.versions.get(name) ?? 0;
  }

  private emit(names: Iterable<string>) {
    const calls = new Set<() => void>();
    for (const name of names) {
      this.versions.set(name, this.version(name) + 1);
      const set = this.listeners.get(name);
      if (set) for (const l of set) calls.add(l);
    }
    for (const l of calls) l();
  }

  // --- reading -------------------------------------------------------------

  /** The text a cell shows: what was typed while saving or refused, else the stored figure; the year cell its roll-up. */
  cellText(cell: GridCell): string {
    const def = cell.def;
    if (cell.period === 'year') return figureText(rollupMonths(this.current.get(def.ref) ?? [], def.rollup, def), def);
    const key = valueKey(def.ref, cell.period);
    return shownText(this.entries.get(key), figureText(this.values.get(key), def));
  }

  entryCounts(): EntryCounts {
    return this.counts;
  }

  get canUndo(): boolean {
    return this.undoStack.past.length > 0;
  }

  get canRedo(): boolean {
    return this.undoStack.future.length > 0;
  }

  // --- selection -----------------------------------------------------------

  select(next: Selection): void {
    const prev = this.selection;
    const same = (a: Selection, b: Selection) => a.anchor.r === b.anchor.r && a.anchor.c === b.anchor.c && a.focus.r === b.focus.r && a.focus.c === b.focus.c;
    if (same(prev, next)) return;
    const before = this.rect;
    const after = selectionRect(next);
    this.selection = next;
    this.rect = after;
    const names: string[] = [topic.selection, ...this.at(prev.focus.r, prev.focus.c), ...this.at(next.focus.r, next.focus.c)];
    // Only cells whose selected state flips are told.
    for (let r = Math.min(before.top, after.top); r <= Math.max(before.bottom, after.bottom); r++) {
      for (let c = Math.min(before.left, after.left); c <= Math.max(before.right, after.right); c++) {
        if (inRect(before, { r, c }) !== inRect(after, { r, c })) names.push(...this.at(r, c));
      }
    }
    if (this.editing && (prev.focus.r !== next.focus.r || prev.focus.c !== next.focus.c)) this.editing = null;
    this.emit(names);
  }

  /** The topic of the cell at a position of the grid's layout (none outside it). */
  private at(r: number, c: number): string[] {
    const cell = this.layout?.dataRows[r]?.cells[c];
    return cell ? [cell.key] : [];
  }

  /** The grid shows this layout now: the selection is kept inside it. */
  setLayout(layout: GridLayout): void {
    this.layout = layout;
    const b = { rows: layout.dataRows.length, cols: layout.columns.length };
    if (b.rows === 0 || b.cols === 0) return;
    this.select({ anchor: clampPos(this.selection.anchor, b), focus: clampPos(this.selection.focus, b) });
  }

  setEditing(editing: Editing | null): void {
    if (editing === this.editing) return;
    this.editing = editing;
    this.emit(this.at(this.selection.focus.r, this.selection.focus.c));
  }

  // --- months and comments -------------------------------------------------

  setMonth(status: MonthStatus): void {
    this.months = this.months.map((m) => (m.month === status.month ? status : m));
    const locked = new Set(this.locked);
    if (status.completed) locked.add(status.month);
    else locked.delete(status.month);
    const names: string[] = [topic.months];
    if (locked.has(status.month) !== this.locked.has(status.month)) for (const ref of this.refs) names.push(topic.cell(ref, status.month));
    this.locked = locked;
    this.emit(names);
  }

  setComment(c: { month: number; ref: string; comment: CellComment | null }): void {
    const key = valueKey(c.ref, c.month);
    if (c.comment) this.comments.set(key, c.comment);
    else this.comments.delete(key);
    this.emit([key]);
  }

  // --- edits ---------------------------------------------------------------

  /**
   * Parses and saves edits. A value that fails to parse is never sent; one
   * equal to the stored figure is not sent again (unless an earlier entry of
   * the cell is still saving, which it must overtake).
   */
  commit(edits: Edit[], source: EditSource): void {
    const sending: Sending[] = [];
    const touched: string[] = [];
    for (const edit of edits) {
      const def = findCell(this.template, edit.ref);
      if (!def) continue;
      const key = valueKey(edit.ref, edit.month);
      const raw = String(edit.raw ?? '');
      touched.push(key);
      const parsed = parseValue(edit.raw, def.valueKind, cellLimit(def));
      if (!parsed.ok) {
        this.entries.note(key, { kind: 'invalid', raw, message: t('ledger.cellInvalid', { label: def.label, month: edit.month, message: parsed.message }) });
        continue;
      }
      if (!this.entries.isSaving(key) && (this.values.get(key) ?? null) === parsed.value) {
        this.entries.note(key, { kind: 'saved' });
        continue;
      }
      sending.push({ key, edit, attempt: this.entries.begin(key, raw, parsed.value) });
    }
    // A figure for a month still to come is most likely a slip of year or month: saved, but said (the first such month).
    const ahead = sending.find((s) => s.attempt.value !== null && isAfterMonth(this.year, s.edit.month, this.today));
    if (ahead) this.notice(t('ledger.futureMonth', { year: this.year, month: ahead.edit.month }));
    // The request leaves before the workspace re-renders for it.
    if (sending.length > 0) {
      void this.send(sending, source).then((changes) => {
        if (!changes) return;
        const before = this.canUndo;
        this.undoStack = pushStep(this.undoStack, changes);
        if (this.canUndo !== before || this.canRedo) this.emit([topic.undo]);
      });
    }
    this.changed(touched);
  }

  /** Answers the keys it wrote, or null when there was nothing to undo or the data file refused. */
  undo(): Promise<string[] | null> {
    return this.replay(planUndo(this.undoStack), 'undo');
  }

  redo(): Promise<string[] | null> {
    return this.replay(planRedo(this.undoStack), 'redo');
  }

  private async replay(plan: Replay | null, source: 'undo' | 'redo'): Promise<string[] | null> {
    if (!plan) return null;
    const sending = plan.writes.map((w): Sending => {
      const { ref, month } = splitValueKey(w.key);
      const raw = w.value === null ? '' : String(w.value);
      return { key: w.key, edit: { ref, month, raw: w.value }, attempt: this.entries.begin(w.key, raw, w.value) };
    });
    const saving = this.send(sending, source);
    this.changed(sending.map((s) => s.key));
    if (!(await saving)) return null;
    // The stack moves on only once the data file has the step, so a refused undo loses nothing.
    this.undoStack = plan.next;
    this.emit([topic.undo]);
    return sending.map((s) => s.key);
  }

  /** Saves in order; answers the changes the data file acknowledged. */
  private send(sending: Sending[], source: EditSource): Promise<CellChange[] | null> {
    const fail = (message: string): null => {
      for (const s of sending) this.entries.refuse(s.key, s.attempt, message);
      this.changed(sending.map((s) => s.key));
      this.notice(message);
      return null;
    };
    const queued = performance.now();
    const run = async (): Promise<CellChange[] | null> => {
      const started = performance.now();
      // How long it waited behind earlier saves (read back by `npm run bench`: do saves queue while typing fast?).
      performance.measure('ledger-save-wait', { start: queued, end: started });
      const answer = await this.save(
        sending.map((s) => s.edit),
        source,
      );
      // The save alone, request to answer (read back by `npm run bench`, beside the round trip the clerk sees).
      performance.measure('ledger-save', { start: started, end: performance.now() });
      if (!answer.ok) return fail(answer.message);
      const byKey = new Map(sending.map((s) => [s.key, s]));
      const changes: CellChange[] = [];
      const touched: string[] = [];
      for (const s of answer.saved) {
        const key = valueKey(cellRef(s.indicator, s.col), s.month);
        changes.push({ key, before: this.values.get(key) ?? null, after: s.value });
        if (s.value === null) this.values.delete(key);
        else this.values.set(key, s.value);
        const mine = byKey.get(key);
        if (mine) this.entries.confirm(key, mine.attempt);
        touched.push(key);
      }
      for (const x of answer.refused) {
        const key = valueKey(cellRef(x.indicator, x.col), x.month);
        const mine = byKey.get(key);
        if (mine) this.entries.refuse(key, mine.attempt, x.message);
        touched.push(key);
      }
      this.changed(touched);
      return changes;
    };
    return this.queue.run(run).catch((err: unknown) => fail(t('ledger.saveFailed', { message: err instanceof Error ? err.message : String(err) })));
  }

  /** After entry states or stored figures of these cells changed: roll-ups, rules, then one round of notices. */
  private changed(keys: string[]) {
    const names = new Set<string>();
    const months = new Set<number>();
    for (const key of keys) {
      names.add(key);
      const { ref, month } = splitValueKey(key);
      const figure = this.entries.value(key, this.values);
      let row = this.current.get(ref);
      if (row?.[month] === figure) continue;
      if (!row) this.current.set(ref, (row = new Array<number | undefined>(13)));
      row[month] = figure;
      names.add(topic.cell(ref, 'year'));
      months.add(month);
    }
    const counts = this.entries.counts();
    if (counts.invalid !== this.counts.invalid || counts.unsaved !== this.counts.unsaved) names.add(topic.entries);
    this.counts = counts;
    if (months.size > 0) this.recheck([...months], names);
    this.emit(names);
  }

  /** Re-evaluates the rules of the months changed and of the year; tells the cells whose marks changed. */
  private recheck(months: number[], names: Set<string> | string[]) {
    for (const m of months) this.byPeriod.set(m, periodViolations(this.template, this.current, this.previous, m, this.ruleContext));
    // A year whose twelve months are complete reads its blanks as zeros, as its completion did.
    const blanksAreZero = this.months.length === 12 && this.months.every((m) => m.completed);
    this.byPeriod.set('year', periodViolations(this.template, this.current, this.previous, 'year', { ...this.ruleContext, blanksAreZero }));
    const all = [...MONTHS, 'year' as const].flatMap((p) => this.byPeriod.get(p) ?? []);
    if (sameViolations(all, this.violations)) return;
    const marks = ruleMarks(all);
    const messages = ruleMessagesByCell(all);
    const add = (name: string) => (Array.isArray(names) ? names.push(name) : names.add(name));
    for (const k of new Set([...this.marks.keys(), ...marks.keys()])) {
      if (this.marks.get(k) !== marks.get(k) || (this.ruleMessages.get(k) ?? []).join('\n') !== (messages.get(k) ?? []).join('\n')) add(k);
    }
    this.violations = all;
    this.marks = marks;
    this.ruleMessages = messages;
    add(topic.rules);
  }
}
