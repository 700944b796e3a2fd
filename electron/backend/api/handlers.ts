/**
 * The one handler map: every backend call, by method name. Each feature
 * keeps its handlers in handlers/; this file joins them and the compiler
 * checks that every method of the contract has a handler, and joinHandlers
 * refuses a method that two features both name.
 */
import type { Method } from '../../../shared/api/contract';
import { coreHandlers } from './handlers/core';
import { valueHandlers } from './handlers/values';
import { reportHandlers } from './handlers/report';
import { directoryHandlers } from './handlers/directory';
import { officeHandlers } from './handlers/office';
import { chartHandlers } from './handlers/charts';
import { exportHandlers } from './handlers/export';
import { entryHandlers } from './handlers/entry';
import { importHandlers } from './handlers/import';
import { joinHandlers } from './policy';
import type { HandlerMap } from './types';

export const handlers: HandlerMap<Method> = joinHandlers(
  coreHandlers,
  valueHandlers,
  reportHandlers,
  directoryHandlers,
  officeHandlers,
  chartHandlers,
  exportHandlers,
  entryHandlers,
  importHandlers,
);
