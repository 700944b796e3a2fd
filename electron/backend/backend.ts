/**
 * The backend as one object: open a data file, answer API calls, close.
 * The desktop shell, the browser-mode server, the CLI and the tests all
 * start it through here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { BackendContext } from './context';
import type * as DispatchModule from './api/dispatch';
import { templatesDir, userTemplatesDir } from './paths';
import { acquireDataFileLock, type DataFileLock, type LockKind } from './store/dataFileLock';
import type { CallTiming } from './store/callTiming';
import { storageFailure } from './store/storageErrors';
import { getSetting, setSetting } from './store/settings';
import { Store } from './store/store';
import { openTemplates } from './templates/openTemplates';
import { registerTemplates, type TemplateRegistry } from './templates/registryOf';
import { BackendCallError } from './callError';

export { BackendCallError } from './callError';

/** The desktop shell chooses the SQLite addon (an Electron build) before opening anything. */
export { useSqliteBinding } from './store/sqliteBinding';

const SETTING_SAVE_DIR = 'ui.lastSaveDir';
const SETTING_OPEN_DIR = 'ui.lastOpenDir';

export interface BackendOptions {
  dataFile: string;
  resourcesDir: string;
  appVersion?: string;
  backupOnStart?: boolean;
  /**
   * The desktop app and browser mode hold the data file for themselves (a lock file naming them): a second one on
   * the same file is refused. The CLI and tests take no lock.
   */
  exclusive?: LockKind;
}

export interface Backend {
  ctx: BackendContext;
  /** `timing` hears the phases of the call (browser mode's Server-Timing header). */
  call(method: unknown, args: unknown, timing?: CallTiming): Promise<ApiResult<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests): throws on error. */
  invoke<M extends Method>(method: M, args: Input<M>): Promise<Output<M>>;
  /** Where the desktop shell's save dialog opens (the folder of the last file saved), kept in the data file. */
  saveDir: { get(): string | undefined; set(dir: string): void };
  /** Where the desktop shell's open dialog opens (the folder last opened from). */
  openDir: { get(): string | undefined; set(dir: string): void };
  close(): void;
}

function readAppVersion(resourcesDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(resourcesDir, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function lockFor(opts: BackendOptions): DataFileLock | undefined {
  if (!opts.exclusive) return undefined;
  try {
    fs.mkdirSync(path.dirname(opts.dataFile), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw storageFailure(e, opts.dataFile) ?? e;
  }
  return acquireDataFileLock(opts.dataFile, opts.exclusive);
}

/**
 * The contract's schemas and every handler, loaded with the first call: building the schemas is the largest part
 * of starting the backend, and a CLI command that only reads the store (`templates`) never needs them.
 */
let dispatcher: Promise<typeof DispatchModule> | undefined;
const dispatch: typeof DispatchModule.dispatch = async (ctx, method, args, timing) => (await (dispatcher ??= import('./api/dispatch'))).dispatch(ctx, method, args, timing);

export async function openBackend(opts: BackendOptions): Promise<Backend> {
  const lock = lockFor(opts);
  let store: Store;
  let templates: TemplateRegistry;
  try {
    templates = await openTemplates(templatesDir(opts.resourcesDir), userTemplatesDir(opts.dataFile));
    store = await Store.open(opts.dataFile, { backupOnStart: opts.backupOnStart });
    try {
      registerTemplates(store.db, templates.all());
    } catch (e) {
      store.close();
      throw e;
    }
  } catch (e) {
    lock?.release();
    throw storageFailure(e, opts.dataFile) ?? e;
  }
  const ctx: BackendContext = {
    store,
    templates,
    appVersion: opts.appVersion ?? readAppVersion(opts.resourcesDir),
    resourcesDir: opts.resourcesDir,
  };
  return {
    ctx,
    call: (method, args, timing) => dispatch(ctx, method, args, timing),
    async invoke(method, args) {
      const r = await dispatch(ctx, method, args);
      if (!r.ok) throw new BackendCallError(r.error.code, r.error.message, r.error.where);
      return r.data as never;
    },
    saveDir: {
      get: () => getSetting(ctx.store.db, SETTING_SAVE_DIR),
      set: (dir) => setSetting(ctx.store.db, SETTING_SAVE_DIR, dir),
    },
    openDir: {
      get: () => getSetting(ctx.store.db, SETTING_OPEN_DIR),
      set: (dir) => setSetting(ctx.store.db, SETTING_OPEN_DIR, dir),
    },
    close: () => {
      ctx.store.close();
      lock?.release();
    },
  };
}
