/**
 * The year's figures for the grid and every write to them. Edits are parsed
 * here first (a value that fails to parse is never sent), then saved one
 * call at a time in the order typed, so a later keystroke can never be
 * overtaken by an earlier one. Saved edits go on the undo stack.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellComment, MonthStatus } from '../../../../../shared/api/methods/entry';
import type { SetResult } from '../../../../../shared/api/methods/values';
import { byRefAndMonth, type MonthlyValues } from '../../../../../shared/rules/periodLookup';
import { cellRef, findCell, splitRef } from '../../../../../shared/template/cells';
import type { Template } from '../../../../../shared/template/schema';
import { cellLimit } from '../../../../../shared/values/limits';
import { parseValue } from '../../../../../shared/values/parse';
import { api } from '../../../api/client';
import { t } from '../../../i18n/catalog';
import { settle, splitValueKey, valueKey, type EntryState } from '../shared/grid/cellStates';
import { emptyStack, planRedo, planUndo, pushStep, type CellChange, type UndoStack } from '../shared/grid/undo';

export interface Edit {
  ref: string;
  month: number;
  raw: string | number | null;
}

export type EditSource = 'entry' | 'paste' | 'undo' | 'redo' | 'clear';

export interface LedgerData {
  ready: boolean;
  values: ReadonlyMap<string, number>;
  current: MonthlyValues;
  previous: MonthlyValues;
  entries: ReadonlyMap<string, EntryState>;
  months: MonthStatus[];
  comments: ReadonlyMap<string, CellComment>;
  canUndo: boolean;
  canRedo: boolean;
  commit(edits: Edit[], source: EditSource): void;
  /** Answers the keys it touched, or null when there was nothing to undo. */
  undo(): Promise<string[] | null>;
  redo(): Promise<string[] | null>;
  setMonths(m: MonthStatus[] | ((old: MonthStatus[]) => MonthStatus[])): void;
  setComment(c: { month: number; ref: string; comment: CellComment | null }): void;
}

const toMap = (values: { indicator: string; col: string; month: number; value: number }[]) =>
  new Map(values.map((v) => [valueKey(cellRef(v.indicator, v.col), v.month), v.value]));

export function useLedgerData(template: Template, year: number, onNotice: (text: string) => void): LedgerData {
  // Ready only for the year loaded: the grid must never show (or write over) another year's figures.
  const [loaded, setLoaded] = useState('');
  const [values, setValues] = useState<Map<string, number>>(new Map());
  const [previous, setPrevious] = useState<MonthlyValues>(new Map());
  const [entries, setEntries] = useState<Map<string, EntryState>>(new Map());
  const [months, setMonths] = useState<MonthStatus[]>([]);
  const [comments, setComments] = useState<Map<string, CellComment>>(new Map());
  const [stack, setStack] = useState<UndoStack>(emptyStack);
  const valuesRef = useRef(values);
  const stackRef = useRef(stack);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const templateId = template.id;

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.request('values.getYear', { templateId, year }),
      year > 2000 ? api.request('values.getYear', { templateId, year: year - 1 }) : Promise.resolve({ values: [] }),
      api.request('months.status', { templateId, year }),
      api.request('comments.get', { templateId, year }),
    ]).then(([cur, prev, status, notes]) => {
      if (!live) return;
      const map = toMap(cur.values);
      valuesRef.current = map;
      setValues(map);
      setPrevious(byRefAndMonth(prev.values));
      setMonths(status);
      setComments(new Map(notes.map((c) => [valueKey(cellRef(c.indicator, c.col), c.month), c])));
      setEntries(new Map());
      stackRef.current = emptyStack;
      setStack(emptyStack);
      setLoaded(`${templateId}|${year}`);
    });
    return () => {
      live = false;
    };
  }, [templateId, year]);

  const current = useMemo(
    () => byRefAndMonth([...values].map(([k, value]) => ({ ...splitRef(splitValueKey(k).ref), month: splitValueKey(k).month, value }))),
    [values],
  );

  /** Sends parsed edits; answers the changes acknowledged by the data file. */
  const send = useCallback(
    (edits: { key: string; ref: string; month: number; raw: string | number | null; attempt: EntryState }[], source: EditSource) => {
      const started = performance.now();
      const run = async (): Promise<CellChange[] | null> => {
        const cells = edits.map((e) => ({ month: e.month, ...splitRef(e.ref), raw: e.raw }));
        let saved: SetResult[];
        let refused: { month: number; indicator: string; col: string; message: string }[] = [];
        if (edits.length === 1 && source === 'entry') {
          const r = await api.call('values.set', { templateId, year, ...cells[0] });
          if (!r.ok) return fail(r.error.message);
          saved = [r.data];
        } else {
          const r = await api.call('values.setMany', { templateId, year, source, cells });
          if (!r.ok) return fail(r.error.message);
          saved = r.data.saved;
          refused = r.data.refused;
        }
        const changes: CellChange[] = [];
        const nextValues = new Map(valuesRef.current);
        for (const s of saved) {
          const key = valueKey(cellRef(s.indicator, s.col), s.month);
          changes.push({ key, before: nextValues.get(key) ?? null, after: s.value });
          if (s.value === null) nextValues.delete(key);
          else nextValues.set(key, s.value);
        }
        valuesRef.current = nextValues;
        setValues(nextValues);
        // Edit → committed in SQLite → acknowledged here (read back by `npm run bench`).
        performance.measure('ledger-edit-ack', { start: started, end: performance.now() });
        const byKey = new Map(edits.map((e) => [e.key, e]));
        setEntries((old) => {
          let next = new Map(old);
          for (const c of changes) next = settle(next, c.key, byKey.get(c.key)!.attempt, { kind: 'saved' });
          for (const x of refused) {
            const key = valueKey(cellRef(x.indicator, x.col), x.month);
            const e = byKey.get(key)!;
            next = settle(next, key, e.attempt, { kind: 'invalid', raw: String(e.raw ?? ''), message: x.message });
          }
          return next;
        });
        return changes;
      };
      const fail = (message: string): null => {
        setEntries((old) => {
          let next = new Map(old);
          for (const e of edits) next = settle(next, e.key, e.attempt, { kind: 'invalid', raw: String(e.raw ?? ''), message });
          return next;
        });
        onNotice(message);
        return null;
      };
      // When nothing is in flight the request leaves at once, before React re-renders for the edit.
      const idle = inFlight.current === 0;
      inFlight.current++;
      const p = (idle ? run() : queue.current.then(run, run)).finally(() => inFlight.current--);
      queue.current = p.catch(() => null);
      return p.catch((err: unknown) => fail(t('ledger.saveFailed', { message: err instanceof Error ? err.message : String(err) })));
    },
    [templateId, year, onNotice],
  );

  const commit = useCallback(
    (edits: Edit[], source: EditSource) => {
      const toSend: Parameters<typeof send>[0] = [];
      const marks = new Map<string, EntryState>();
      for (const e of edits) {
        const key = valueKey(e.ref, e.month);
        const def = findCell(template, e.ref);
        if (!def) continue;
        const parsed = parseValue(e.raw, def.valueKind, cellLimit(def));
        if (!parsed.ok) {
          marks.set(key, { kind: 'invalid', raw: String(e.raw ?? ''), message: t('ledger.cellInvalid', { label: def.label, month: e.month, message: parsed.message }) });
          continue;
        }
        if ((valuesRef.current.get(key) ?? null) === parsed.value && source !== 'undo' && source !== 'redo') {
          marks.set(key, { kind: 'saved' });
          continue;
        }
        const attempt: EntryState = { kind: 'saving', raw: String(e.raw ?? '') };
        marks.set(key, attempt);
        toSend.push({ key, ref: e.ref, month: e.month, raw: e.raw, attempt });
      }
      setEntries((old) => new Map([...old, ...marks]));
      if (toSend.length === 0) return;
      void send(toSend, source).then((changes) => {
        if (!changes || source === 'undo' || source === 'redo') return;
        stackRef.current = pushStep(stackRef.current, changes);
        setStack(stackRef.current);
      });
    },
    [template, send],
  );

  const replay = useCallback(
    async (plan: ReturnType<typeof planUndo>, source: 'undo' | 'redo') => {
      if (!plan) return null;
      const edits = plan.writes.map((w) => {
        const { ref, month } = splitValueKey(w.key);
        const attempt: EntryState = { kind: 'saving', raw: w.value === null ? '' : String(w.value) };
        return { key: w.key, ref, month, raw: w.value, attempt };
      });
      setEntries((old) => new Map([...old, ...edits.map((e) => [e.key, e.attempt] as const)]));
      const changes = await send(edits, source);
      if (!changes) return null;
      stackRef.current = plan.next;
      setStack(plan.next);
      return edits.map((e) => e.key);
    },
    [send],
  );

  const setComment = useCallback((c: { month: number; ref: string; comment: CellComment | null }) => {
    setComments((old) => {
      const next = new Map(old);
      if (c.comment) next.set(valueKey(c.ref, c.month), c.comment);
      else next.delete(valueKey(c.ref, c.month));
      return next;
    });
  }, []);

  return {
    ready: loaded === `${templateId}|${year}`,
    values,
    current,
    previous,
    entries,
    months,
    comments,
    canUndo: stack.past.length > 0,
    canRedo: stack.future.length > 0,
    commit,
    undo: () => replay(planUndo(stackRef.current), 'undo'),
    redo: () => replay(planRedo(stackRef.current), 'redo'),
    setMonths,
    setComment,
  };
}
