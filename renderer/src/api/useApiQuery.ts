/**
 * Loads one API call's answer for a view and keeps it current: re-asks when
 * the input changes or on reload(), keeps the last good answer beside an
 * error, and ignores answers that arrive after a newer question (fast pickers).
 * Every view that reads from the backend does it through this hook.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/api/contract';
import { api } from './client';

export interface ApiQuery<T> {
  data: T | null;
  error: string | null;
  /** The answer for the current input is not in yet (data, if any, is an earlier one). */
  loading: boolean;
  /** Asks again (after a change the view made); resolves with the new answer (null when refused). */
  reload(): Promise<T | null>;
}

/** input null: nothing to ask yet (data stays null). */
export function useApiQuery<M extends Method>(method: M, input: Input<M> | null): ApiQuery<Output<M>> {
  const [state, setState] = useState<{ data: Output<M> | null; error: string | null; answered: string | null }>({ data: null, error: null, answered: null });
  const [version, setVersion] = useState(0);
  const waiting = useRef<((data: Output<M> | null) => void)[]>([]);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    const settle = (data: Output<M> | null) => waiting.current.splice(0).forEach((done) => done(data));
    if (key === null) {
      setState({ data: null, error: null, answered: null });
      settle(null);
      return;
    }
    let current = true;
    void api.call(method, JSON.parse(key) as Input<M>).then((r) => {
      if (!current) return;
      setState((s) => (r.ok ? { data: r.data, error: null, answered: key } : { data: s.data, error: r.error.message, answered: key }));
      settle(r.ok ? r.data : null);
    });
    return () => {
      current = false;
    };
  }, [method, key, version]);

  const reload = useCallback(
    () =>
      new Promise<Output<M> | null>((done) => {
        waiting.current.push(done);
        setVersion((v) => v + 1);
      }),
    [],
  );
  return { data: state.data, error: state.error, loading: key !== null && state.answered !== key, reload };
}
