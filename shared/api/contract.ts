/**
 * The one API between the UI (and the CLI, and tests) and the backend:
 * method name → input schema (validated at the boundary) and output type.
 * Each method file in shared/api/methods/ holds the methods of one prefix
 * (`units.ts`: `units.*`); this file joins them.
 */
import type { z } from 'zod';
import { isOfficeOnlySchema } from './common';
import { appInputs, type AppOutputs } from './methods/app';
import { backupInputs, type BackupOutputs } from './methods/backups';
import { chartInputs, type ChartOutputs } from './methods/charts';
import { commentInputs, type CommentOutputs } from './methods/comments';
import { demoInputs, type DemoOutputs } from './methods/demo';
import { exportInputs, type ExportOutputs } from './methods/export';
import { importInputs, type ImportOutputs } from './methods/import';
import { keyInputs, type KeyOutputs } from './methods/keys';
import { monthInputs, type MonthOutputs } from './methods/months';
import { officeInputs, type OfficeOutputs } from './methods/office';
import { reportInputs, type ReportOutputs } from './methods/report';
import { settingsInputs, type SettingsOutputs } from './methods/settings';
import { setupInputs, type SetupOutputs } from './methods/setup';
import { templateInputs, type TemplateOutputs } from './methods/templates';
import { unitInputs, type UnitOutputs } from './methods/units';
import { valueInputs, type ValueOutputs } from './methods/values';

/** A method file's methods, each named `<prefix>.<name>`: a method outside its file's prefix does not compile. */
type MethodFile<P extends string, T> = { [K in keyof T]: K extends `${P}.${string}` ? z.ZodType : never };
const file = <P extends string, T extends MethodFile<P, T>>(_prefix: P, methods: T) => methods;


export const apiInputs = {
  ...file('app', appInputs),
  ...file('backups', backupInputs),
  ...file('charts', chartInputs),
  ...file('comments', commentInputs),
  ...file('demo', demoInputs),
  ...file('export', exportInputs),
  ...file('import', importInputs),
  ...file('keys', keyInputs),
  ...file('months', monthInputs),
  ...file('office', officeInputs),
  ...file('report', reportInputs),
  ...file('settings', settingsInputs),
  ...file('setup', setupInputs),
  ...file('templates', templateInputs),
  ...file('units', unitInputs),
  ...file('values', valueInputs),
};

export type ApiOutputs = AppOutputs &
  BackupOutputs &
  ChartOutputs &
  CommentOutputs &
  DemoOutputs &
  ExportOutputs &
  ImportOutputs &
  KeyOutputs &
  MonthOutputs &
  OfficeOutputs &
  ReportOutputs &
  SettingsOutputs &
  SetupOutputs &
  TemplateOutputs &
  UnitOutputs &
  ValueOutputs;

export type Method = keyof typeof apiInputs & keyof ApiOutputs;
export type Input<M extends Method> = z.input<(typeof apiInputs)[M]>;
export type ParsedInput<M extends Method> = z.output<(typeof apiInputs)[M]>;
export type Output<M extends Method> = ApiOutputs[M];

export const METHODS = Object.keys(apiInputs) as Method[];

/** Methods only an office (汇总单位) may call, as their files mark them (officeOnly). */
export const OFFICE_ONLY: ReadonlySet<Method> = new Set(METHODS.filter((m) => isOfficeOnlySchema(apiInputs[m])));

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, name);
}
