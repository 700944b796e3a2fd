/**
 * The one context selection (as DHIS2's use-context-selection): the
 * template, unit, year and months the clerk last chose on any page. A page
 * opens on them, so a year picked on 台账录入 is the year 统计图表, 导出 and
 * 年报草稿 show next; until something is chosen each page keeps its own
 * default (导出 the month just ended, 年报草稿 the latest year with figures).
 * Kept for the browser tab's session (sessionStorage), so a reload keeps it
 * and another window starts afresh; a page's own defaults are never written
 * here, only what the clerk picked.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { monthSchema, templateIdSchema, unitCodeSchema, yearSchema } from '../../../shared/api/common';
import type { Period } from '../../../shared/values/period';

const selectionSchema = z.object({
  templateId: templateIdSchema.optional(),
  /** '' is the file's own unit, chosen explicitly. */
  unitCode: z.union([unitCodeSchema, z.literal('')]).optional(),
  year: yearSchema.optional(),
  /** Part of the year, when a page with a period picker chose one; absent: the page's own, or the whole year. */
  months: z
    .object({ fromMonth: monthSchema, toMonth: monthSchema })
    .refine((m) => m.fromMonth <= m.toMonth)
    .optional(),
});

export type ContextSelection = z.infer<typeof selectionSchema>;

/** Where the selection is kept: sessionStorage in the app, a Map in tests. */
export interface SelectionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'ledger.context';

export interface ContextSelectionStore {
  get(): ContextSelection;
  /** Merges the patch in; undefined fields are left as they were. */
  update(patch: ContextSelection): void;
  subscribe(listener: () => void): () => void;
}

export function createContextSelection(storage: SelectionStorage | null): ContextSelectionStore {
  let current: ContextSelection = {};
  try {
    // Whatever the tab kept is checked like any other input: a stale or edited entry is ignored, never trusted.
    const parsed = selectionSchema.safeParse(JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}'));
    if (parsed.success) current = parsed.data;
  } catch {
    current = {};
  }
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    update(patch) {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const parsed = selectionSchema.safeParse({ ...current, ...defined });
      if (!parsed.success || JSON.stringify(parsed.data) === JSON.stringify(current)) return;
      current = parsed.data;
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(current));
      } catch {
        // Storage full or disabled: the selection still holds for this page's life.
      }
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sessionStore(): SelectionStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The app's one selection. */
export const contextSelection = createContextSelection(sessionStore());

export function useContextSelection(store: ContextSelectionStore = contextSelection): [ContextSelection, (patch: ContextSelection) => void] {
  const selection = useSyncExternalStore(store.subscribe, store.get);
  return [selection, store.update];
}

/** The template chosen, else the file's default template (设置). */
export function useSelectedTemplate(defaultTemplateId: string): [string, (templateId: string) => void] {
  const [selection, update] = useContextSelection();
  const choose = useCallback((templateId: string) => update({ templateId }), [update]);
  return [selection.templateId ?? defaultTemplateId, choose];
}

/** The unit chosen ('' the file's own), else the page's default. */
export function useSelectedUnit(fallback: string): [string, (unitCode: string) => void] {
  const [selection, update] = useContextSelection();
  const choose = useCallback((unitCode: string) => update({ unitCode }), [update]);
  return [selection.unitCode ?? fallback, choose];
}

/** The year chosen, else the page's default (null while the page is still working it out). */
export function useSelectedYear<T extends number | null>(fallback: T): [number | T, (year: number) => void] {
  const [selection, update] = useContextSelection();
  const choose = useCallback((year: number) => update({ year }), [update]);
  return [selection.year ?? fallback, choose];
}

/**
 * The period a page with a period picker opens on: the year and months
 * chosen; a year chosen elsewhere without months is that whole year (the
 * page's default months belong to its default year).
 */
export function selectedPeriod(selection: ContextSelection, fallback: Period): Period {
  const year = selection.year ?? fallback.year;
  const months = selection.months ?? (year === fallback.year ? fallback : { fromMonth: 1, toMonth: 12 });
  return { year, fromMonth: months.fromMonth, toMonth: months.toMonth };
}

export function useSelectedPeriod<T extends Period | null>(fallback: T): [Period | T, (period: Period) => void] {
  const [selection, update] = useContextSelection();
  const choose = useCallback((p: Period) => update({ year: p.year, months: { fromMonth: p.fromMonth, toMonth: p.toMonth } }), [update]);
  const base = fallback ?? (selection.year === undefined ? null : { year: selection.year, fromMonth: 1, toMonth: 12 });
  const shown = base === null ? null : selectedPeriod(selection, base);
  // One object while the period is the same: pages list it among their effects' dependencies.
  const { year, fromMonth, toMonth } = shown ?? { year: 0, fromMonth: 0, toMonth: 0 };
  const period = useMemo(() => (year === 0 ? null : { year, fromMonth, toMonth }), [year, fromMonth, toMonth]);
  return [(period ?? fallback) as Period | T, choose];
}
