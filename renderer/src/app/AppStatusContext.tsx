import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../shared/api/methods/app';

export interface AppStatusValue {
  status: AppStatus;
  refresh(): Promise<void>;
}

export const AppStatusContext = createContext<AppStatusValue | null>(null);

export function useAppStatus(): AppStatusValue {
  const v = useContext(AppStatusContext);
  if (!v) throw new Error('useAppStatus outside AppStatusContext');
  return v;
}
