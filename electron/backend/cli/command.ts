import fs from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../backend';
import { defaultDataFile, defaultResourcesDir } from '../paths';

/** Wrong words on the command line: exit code 2. */
export class UsageError extends Error {}

export interface CliIO {
  json: boolean;
  print(text: string): void;
  printJson(value: unknown): void;
  error(text: string): void;
}

export interface ParsedCli {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the exit code: 0 success, 1 refused input. */
  run(args: ParsedCli, io: CliIO): Promise<number>;
}

export function stringOption(args: ParsedCli, name: string, required: true): string;
export function stringOption(args: ParsedCli, name: string, required?: false): string | undefined;
export function stringOption(args: ParsedCli, name: string, required = false): string | undefined {
  const v = args.values[name];
  if (v === undefined) {
    if (required) throw new UsageError(`缺少参数 --${name}`);
    return undefined;
  }
  if (typeof v !== 'string') throw new UsageError(`参数 --${name} 需要一个值`);
  return v;
}

export function intOption(args: ParsedCli, name: string, required: true): number;
export function intOption(args: ParsedCli, name: string, required?: false): number | undefined;
export function intOption(args: ParsedCli, name: string, required = false): number | undefined {
  const v = required ? stringOption(args, name, true) : stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`参数 --${name} 必须是整数：${v}`);
  return Number(v);
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    // A path that cannot be looked at (a symlink loop…) is said so when the backend opens it.
    return false;
  }
}

/** The data file --db names (or the default one). */
export function dataFileOption(args: ParsedCli): string {
  const db = stringOption(args, 'db');
  const dataFile = path.resolve(db ?? defaultDataFile());
  // A folder where the data file should be is a wrong argument (exit 2); a file that cannot be opened is refused (exit 1).
  if (db !== undefined && isFolder(dataFile)) throw new UsageError(`--db 应是数据文件，而 ${dataFile} 是文件夹（例如 --db ${path.join(dataFile, 'ledger.sqlite')}）`);
  return dataFile;
}

/**
 * Opens the backend on --db (or the default data file); always closed after use. The backend (SQLite, the store)
 * is loaded here, not with the command line, so a command that does not open the data file starts without it.
 */
export async function withBackend<T>(args: ParsedCli, fn: (b: Backend) => Promise<T>): Promise<T> {
  const dataFile = dataFileOption(args);
  const { openBackend } = await import('../backend');
  const backend = await openBackend({
    dataFile,
    resourcesDir: defaultResourcesDir(),
  });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

export const dbOption = { db: { type: 'string' as const } };
