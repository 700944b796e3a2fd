/** The app's state: set up or not, whose data file, which settings. */
import type { AppStatus } from '../../../../shared/api/methods/app';
import { settingsOf } from '../../appSettings';
import { SETTING_ROLE, selfUnit, type BackendContext } from '../../context';
import { allSettings } from '../../store/settings';
import type { HandlerMap } from '../types';

export function appStatus(ctx: BackendContext): AppStatus {
  const unit = selfUnit(ctx) ?? null;
  const role = allSettings(ctx.store.db)[SETTING_ROLE];
  return {
    appVersion: ctx.appVersion,
    setupDone: unit !== null,
    unit,
    role: role === 'filer' || role === 'aggregator' ? role : null,
    settings: settingsOf(ctx),
    dataFile: ctx.store.file,
    templateProblems: ctx.templates.problems,
  };
}

export const appHandlers: HandlerMap<'app.status'> = {
  'app.status': (ctx) => appStatus(ctx),
};
