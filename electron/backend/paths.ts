/**
 * Where data live. The desktop app, browser mode and the command line all
 * default to the same folder, so they share one SQLite file:
 *   LEDGER_DATA_DIR if set, else the platform's app-data folder
 *   (%APPDATA%\disclosure-ledger, ~/Library/Application Support/disclosure-ledger,
 *   $XDG_CONFIG_HOME/disclosure-ledger or ~/.config/disclosure-ledger).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE_NAME } from './store/store';

export const APP_DIR_NAME = 'disclosure-ledger';

/**
 * A folder named by the environment, if it names one: the XDG spec says an
 * empty or relative value is invalid and is to be ignored (an empty value
 * would otherwise put the data file in whatever folder the app started in).
 */
function absoluteDir(value: string | undefined, pathApi: path.PlatformPath): string | undefined {
  return value && pathApi.isAbsolute(value) ? value : undefined;
}

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return absoluteDir(env.APPDATA, path.win32) ?? path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return absoluteDir(env.XDG_CONFIG_HOME, path.posix) ?? path.posix.join(home, '.config');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // LEDGER_DATA_DIR is ours, so a relative one is taken from the current folder, as documented; empty means unset.
  return env.LEDGER_DATA_DIR ? path.resolve(env.LEDGER_DATA_DIR) : path.join(appDataDir(env), APP_DIR_NAME);
}

export function defaultDataFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}

/** The repository (or packaged app) root, where resources/ lives, when run from source. */
export function sourceRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultResourcesDir(): string {
  return path.join(sourceRoot(), 'resources');
}
