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

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
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
