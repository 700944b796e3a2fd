/**
 * The workspace of a template's year: loaded once per year, saved through
 * the API, and read by components per topic with useSyncExternalStore.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { splitRef } from '../../../../../shared/template/cells';
import type { Template } from '../../../../../shared/template/schema';
import { api } from '../../../api/client';
import type { Selection } from '../shared/grid/selection';
import { WorkspaceStore, type SaveFn } from './workspaceStore';

/** One cell typed is one values.set; anything else one values.setMany, recorded with its source. */
const saveThroughApi =
  (templateId: string, year: number): SaveFn =>
  async (edits, source) => {
    const cells = edits.map((e) => ({ month: e.month, ...splitRef(e.ref), raw: e.raw }));
    if (cells.length === 1 && source === 'entry') {
      const r = await api.call('values.set', { templateId, year, ...cells[0] });
      return r.ok ? { ok: true, saved: [r.data], refused: [] } : { ok: false, message: r.error.message };
    }
    const r = await api.call('values.setMany', { templateId, year, source, cells });
    return r.ok ? { ok: true, ...r.data } : { ok: false, message: r.error.message };
  };

/** Null until the year is loaded: the grid must never show (or write over) another year's figures. */
export function useWorkspace(template: Template, year: number, onNotice: (text: string) => void): WorkspaceStore | null {
  const [store, setStore] = useState<WorkspaceStore | null>(null);
  const lastSelection = useRef<Selection | undefined>(undefined);
  const templateId = template.id;

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.request('values.getYear', { templateId, year }),
      year > 2000 ? api.request('values.getYear', { templateId, year: year - 1 }) : Promise.resolve({ values: [] }),
      api.request('months.status', { templateId, year }),
      api.request('comments.get', { templateId, year }),
      api.request('app.status', {}),
    ]).then(([cur, prev, months, comments, status]) => {
      if (!live) return;
      setStore((old) => {
        // Another year keeps the cursor where it was.
        lastSelection.current = old?.selection ?? lastSelection.current;
        return new WorkspaceStore(template, year, { values: cur.values, previous: prev.values, months, comments, ruleContext: { audience: status.role ?? 'filer', unitKind: status.unit?.kind } }, saveThroughApi(templateId, year), onNotice, lastSelection.current);
      });
    });
    return () => {
      live = false;
    };
  }, [template, templateId, year, onNotice]);

  return store && store.template === template && store.year === year ? store : null;
}

const noSubscription = () => () => undefined;

/**
 * Reads from the store and re-renders when one of the topics is emitted and
 * what was read changed. `read` must answer the same value (or the same
 * object) while nothing it reads changed.
 */
export function useWatch<T>(store: WorkspaceStore | null, topics: readonly string[], read: (s: WorkspaceStore) => T, fallback: T): T {
  const names = topics.join('\n');
  const subscribe = useMemo(() => {
    if (!store) return noSubscription;
    const list = names.split('\n');
    return (listener: () => void) => {
      const offs = list.map((n) => store.subscribe(n, listener));
      return () => offs.forEach((off) => off());
    };
  }, [store, names]);
  return useSyncExternalStore(subscribe, () => (store ? read(store) : fallback));
}

/** Re-renders when the topic is emitted: a grid cell's one subscription, kept as light as a hook can be. */
export function useTopic(store: WorkspaceStore, name: string): number {
  return useSyncExternalStore(store.subscriber(name), () => store.version(name));
}
