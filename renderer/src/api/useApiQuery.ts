/**
 * Loads one API call's answer for a view and keeps it current: re-asks when
 * the input changes, keeps the last good answer's error apart, and ignores
 * answers that arrive after a newer question (fast pickers).
 */
import { useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/api/contract';
import { api } from './client';

export interface ApiQuery<T> {
  data: T | null;
  error: string | null;
}

/** input null: nothing to ask yet (data stays null). */
export function useApiQuery<M extends Method>(method: M, input: Input<M> | null): ApiQuery<Output<M>> {
  const [state, setState] = useState<ApiQuery<Output<M>>>({ data: null, error: null });
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null });
      return;
    }
    let current = true;
    void api.call(method, JSON.parse(key) as Input<M>).then((r) => {
      if (!current) return;
      setState((s) => (r.ok ? { data: r.data, error: null } : { data: s.data, error: r.error.message }));
    });
    return () => {
      current = false;
    };
  }, [method, key]);

  return state;
}
