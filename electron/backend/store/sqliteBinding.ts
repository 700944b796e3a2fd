/**
 * Which compiled better-sqlite3 addon the store loads. Node (CLI, tests,
 * browser mode) uses the one npm built into node_modules; the desktop app
 * run from source needs a build for Electron's ABI, which is kept apart in a
 * cache folder so that both can live in one checkout. The installers rebuild
 * the package's own addon for Electron, so a packaged app uses the default.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/** Chooses the addon file for every database opened from now on (undefined: npm's own build). */
export function useSqliteBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** Options to pass to every `new Database(...)` the store makes. */
export function sqliteOptions<T extends Database.Options>(options: T): T {
  return nativeBinding === undefined ? options : { ...options, nativeBinding };
}

export interface RuntimeTarget {
  /** Electron's version, e.g. "45.5.0". */
  electronVersion: string;
  /** NODE_MODULE_VERSION of that Electron (process.versions.modules inside it). */
  abi: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** The cache folder under the checkout where Electron-ABI builds live, one per ABI, platform and arch. */
export function electronSqliteCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'disclosure-ledger', 'better-sqlite3');
}

/**
 * Where the Electron-ABI addon for a target is kept. Keyed by ABI (not the
 * Electron version) because that is what a process can tell about itself:
 * the desktop main process looks the file up by its own process.versions.modules.
 */
export function electronSqliteFile(root: string, t: Pick<RuntimeTarget, 'abi' | 'platform' | 'arch'>): string {
  return path.join(electronSqliteCacheDir(root), `electron-v${t.abi}-${t.platform}-${t.arch}`, 'better_sqlite3.node');
}
