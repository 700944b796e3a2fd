/**
 * Which compiled better-sqlite3 addon the store loads. Node (CLI, tests,
 * browser mode) uses the one npm built into node_modules; the desktop app
 * run from source needs a build for Electron's ABI, which is kept apart in a
 * cache folder so that both can live in one checkout. The installers rebuild
 * the package's own addon for Electron, so a packaged app uses the default.
 * Where the Electron builds are kept: electronSqliteFile in paths.ts.
 */
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
