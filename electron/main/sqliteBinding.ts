/**
 * Which better-sqlite3 addon the desktop app loads. A packaged app carries
 * an addon that electron-builder rebuilt for Electron, found the usual way.
 * Run from source, node_modules holds npm's build for Node, which Electron
 * cannot load; `npm start` puts an Electron build in a cache folder
 * (scripts/desktop/electronSqlite.ts) and this picks it by the running
 * Electron's ABI.
 */
import { electronSqliteFile } from '../backend/paths';

export interface BindingContext {
  isPackaged: boolean;
  appRoot: string;
  abi: string;
  platform: NodeJS.Platform;
  arch: string;
  exists(file: string): boolean;
}

export type BindingChoice = { kind: 'default' } | { kind: 'file'; file: string } | { kind: 'missing'; file: string };

export function chooseSqliteBinding(c: BindingContext): BindingChoice {
  if (c.isPackaged) return { kind: 'default' };
  const file = electronSqliteFile(c.appRoot, c);
  return c.exists(file) ? { kind: 'file', file } : { kind: 'missing', file };
}

/** The one line shown when the source checkout has no Electron build of the addon. */
export function missingBindingMessage(file: string): string {
  return `缺少桌面版所需的 SQLite 模块（${file}）。请用 npm start 启动（它会准备该模块），或用 npm run serve 以浏览器模式运行。`;
}
