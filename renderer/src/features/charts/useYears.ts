import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** The latest year with figures (so the demo's 2017 opens at once), else this year; null while loading. */
export function useInitialYear(templateId: string, version = 0): { year: number | null; years: number[] } {
  const [state, setState] = useState<{ year: number | null; years: number[] }>({ year: null, years: [] });
  useEffect(() => {
    let live = true;
    void api.call('charts.years', { templateId, scope: { subtree: true } }).then((r) => {
      if (!live) return;
      const years = r.ok ? r.data : [];
      setState({ year: years[0] ?? new Date().getFullYear(), years });
    });
    return () => {
      live = false;
    };
  }, [templateId, version]);
  return state;
}
