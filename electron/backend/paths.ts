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

export const APP_DIR_NAME = 'disclosure-ledger';
export const DB_FILE_NAME = 'ledger.sqlite';

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

/**
 * Every file the app reads from its own folder at run time, relative to the
 * app root (the checkout, or app.asar when installed). The installers must
 * ship each one: a test holds electron-builder's file lists against this.
 * Fonts are not among them: text in chart images uses the system's CJK fonts
 * (charts/renderPng.ts), and the UI the system's through CSS.
 */
export const RUNTIME_FILES = {
  packageJson: 'package.json',
  mainBundle: 'out/main/index.cjs',
  preload: 'out/preload/index.cjs',
  rendererPage: 'out/renderer/index.html',
  /** A folder: every template in it is loaded. */
  templates: 'resources/templates',
  demoTotals: 'resources/demo/suining-2017-totals.json',
  windowIcon: 'resources/icons/icon.png',
} as const;

export function templatesDir(resourcesDir: string): string {
  return path.join(resourcesDir, path.relative('resources', RUNTIME_FILES.templates));
}

/** Templates issued after release, beside the data file (templates/registry.ts). */
export function userTemplatesDir(dataFile: string): string {
  return path.join(path.dirname(dataFile), 'templates');
}

export function demoTotalsFile(resourcesDir: string): string {
  return path.join(resourcesDir, path.relative('resources', RUNTIME_FILES.demoTotals));
}

export function windowIconFile(appRoot: string): string {
  return path.join(appRoot, RUNTIME_FILES.windowIcon);
}

export interface RuntimeTarget {
  /** Electron's version, e.g. "45.5.0". */
  electronVersion: string;
  /** NODE_MODULE_VERSION of that Electron (process.versions.modules inside it). */
  abi: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** The cache folder under the checkout where Electron-ABI builds of better-sqlite3 live (store/sqliteBinding.ts). */
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
