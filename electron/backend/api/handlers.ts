/**
 * The one handler map: every backend call, by method name. Each handler
 * file in handlers/ serves the method file of the same name in
 * shared/api/methods/ (a test checks); this file joins them, the compiler
 * checks that every method of the contract has a handler, and joinHandlers
 * refuses a method that two files both name.
 */
import type { Method } from '../../../shared/api/contract';
import { appHandlers } from './handlers/app';
import { backupHandlers } from './handlers/backups';
import { chartHandlers } from './handlers/charts';
import { commentHandlers } from './handlers/comments';
import { demoHandlers } from './handlers/demo';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { keyHandlers } from './handlers/keys';
import { monthHandlers } from './handlers/months';
import { officeHandlers } from './handlers/office';
import { reportHandlers } from './handlers/report';
import { settingsHandlers } from './handlers/settings';
import { setupHandlers } from './handlers/setup';
import { templateHandlers } from './handlers/templates';
import { unitHandlers } from './handlers/units';
import { valueHandlers } from './handlers/values';
import { joinHandlers } from './policy';
import type { HandlerMap } from './types';

export const handlers: HandlerMap<Method> = joinHandlers(
  appHandlers,
  backupHandlers,
  chartHandlers,
  commentHandlers,
  demoHandlers,
  exportHandlers,
  importHandlers,
  keyHandlers,
  monthHandlers,
  officeHandlers,
  reportHandlers,
  settingsHandlers,
  setupHandlers,
  templateHandlers,
  unitHandlers,
  valueHandlers,
);
