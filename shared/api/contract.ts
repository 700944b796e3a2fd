/**
 * The one API between the UI (and the CLI, and tests) and the backend:
 * method name → input schema (validated at the boundary) and output type.
 * Each feature keeps its methods in shared/api/methods/; this file joins them.
 */
import type { z } from 'zod';
import { coreInputs, type CoreOutputs } from './methods/core';
import { valueInputs, type ValueOutputs } from './methods/values';
import { reportInputs, type ReportOutputs } from './methods/report';
import { directoryInputs, type DirectoryOutputs } from './methods/directory';
import { officeInputs, type OfficeOutputs } from './methods/office';
import { chartInputs, type ChartOutputs } from './methods/charts';
import { exportInputs, type ExportOutputs } from './methods/export';
import { entryInputs, type EntryOutputs } from './methods/entry';
import { importInputs, type ImportOutputs } from './methods/import';

export const apiInputs = {
  ...coreInputs,
  ...valueInputs,
  ...reportInputs,
  ...directoryInputs,
  ...officeInputs,
  ...chartInputs,
  ...exportInputs,
  ...entryInputs,
  ...importInputs,
};

export type ApiOutputs = CoreOutputs &
  ValueOutputs &
  ReportOutputs &
  DirectoryOutputs &
  OfficeOutputs &
  ChartOutputs &
  ExportOutputs &
  EntryOutputs &
  ImportOutputs;

export type Method = keyof typeof apiInputs & keyof ApiOutputs;
export type Input<M extends Method> = z.input<(typeof apiInputs)[M]>;
export type ParsedInput<M extends Method> = z.output<(typeof apiInputs)[M]>;
export type Output<M extends Method> = ApiOutputs[M];

export const METHODS = Object.keys(apiInputs) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, name);
}
