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
import { dispatch } from './api/dispatch';
import { getSetting, setSetting } from './store/settings';
import { Store } from './store/store';
import { loadTemplates, registerTemplates } from './templates/registry';

const SETTING_SAVE_DIR = 'ui.lastSaveDir';

export interface BackendOptions {
  dataFile: string;
  resourcesDir: string;
  appVersion?: string;
  backupOnStart?: boolean;
}

export interface Backend {
  ctx: BackendContext;
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests): throws on error. */
  invoke<M extends Method>(method: M, args: Input<M>): Promise<Output<M>>;
  /** Where the desktop shell's save dialog opens (the folder of the last file saved), kept in the data file. */
  saveDir: { get(): string | undefined; set(dir: string): void };
  close(): void;
}

export class BackendCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
  }
}

function readAppVersion(resourcesDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(resourcesDir, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function openBackend(opts: BackendOptions): Promise<Backend> {
  const templates = loadTemplates(path.join(opts.resourcesDir, 'templates'), path.join(path.dirname(opts.dataFile), 'templates'));
  const store = await Store.open(opts.dataFile, { backupOnStart: opts.backupOnStart });
  registerTemplates(store.db, templates.all());
  const ctx: BackendContext = {
    store,
    templates,
    appVersion: opts.appVersion ?? readAppVersion(opts.resourcesDir),
    resourcesDir: opts.resourcesDir,
  };
  return {
    ctx,
    call: (method, args) => dispatch(ctx, method, args),
    async invoke(method, args) {
      const r = await dispatch(ctx, method, args);
      if (!r.ok) throw new BackendCallError(r.error.code, r.error.message, r.error.where);
      return r.data as never;
    },
    saveDir: {
      get: () => getSetting(ctx.store.db, SETTING_SAVE_DIR),
      set: (dir) => setSetting(ctx.store.db, SETTING_SAVE_DIR, dir),
    },
    close: () => ctx.store.close(),
  };
}
