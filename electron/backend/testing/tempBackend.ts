/** Test support: a backend on a fresh data file in a temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../backend';
import { defaultResourcesDir } from '../paths';

export interface TempBackend extends Backend {
  dir: string;
  dataFile: string;
  dispose(): void;
}

export function tempDir(prefix = 'ledger-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function tempBackend(opts: { setup?: boolean; role?: 'filer' | 'aggregator'; dir?: string } = {}): Promise<TempBackend> {
  const dir = opts.dir ?? tempDir();
  const dataFile = path.join(dir, 'ledger.sqlite');
  const backend = await openBackend({ dataFile, resourcesDir: defaultResourcesDir(), appVersion: '0.0.0-test' });
  if (opts.setup !== false) {
    await backend.invoke('setup.init', { unitCode: 'TEST-01', unitName: '测试单位', role: opts.role ?? 'filer', operator: '张三' });
  }
  return {
    ...backend,
    dir,
    dataFile,
    dispose() {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Snapshot of everything stored, to prove that a refused call changed nothing. */
export function snapshot(b: Backend): string {
  const db = b.ctx.store.db;
  const tables = ['units', 'cell_values', 'value_history', 'settings', 'submissions', 'import_log'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}
