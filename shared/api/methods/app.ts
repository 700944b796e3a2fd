/** What the UI needs to know first: the app's state and this data file's unit. */
import type { Role, Unit } from '../../domain';
import { emptyInput } from '../common';
import type { AppSettings } from './settings';

export const appInputs = {
  'app.status': emptyInput,
};

export interface AppStatus {
  appVersion: string;
  setupDone: boolean;
  /** The unit this data file belongs to (set at first run). */
  unit: Unit | null;
  role: Role | null;
  settings: AppSettings;
  dataFile: string;
  templateProblems: string[];
}

export interface AppOutputs {
  'app.status': AppStatus;
}
