/**
 * What `npm start` runs: the desktop app when the Electron runtime and an
 * Electron build of the SQLite addon can be had, otherwise browser mode,
 * with one Chinese line saying why.
 */
import type { RuntimeTarget } from '../../electron/backend/paths';
import type { EnsureResult } from './electronSqlite';

export interface RuntimeProbe {
  /** LEDGER_NO_ELECTRON=1: the user asked for browser mode. */
  browserOnly: boolean;
  /** The Electron executable, if it is already in node_modules. */
  electronBinary(): string | undefined;
  /** Downloads the runtime (Electron's own installer); the reason when it cannot. */
  installElectron(): { ok: true } | { ok: false; why: string };
  target(): RuntimeTarget;
  ensureSqlite(target: RuntimeTarget): EnsureResult;
}

export type RuntimeChoice =
  | { kind: 'desktop'; electron: string; sqlite: Extract<EnsureResult, { ok: true }> }
  | { kind: 'browser'; message: string };

const oneLine = (why: string) => why.replace(/\s+/g, ' ').trim().slice(0, 200) || '未知原因';

export function chooseRuntime(p: RuntimeProbe): RuntimeChoice {
  if (p.browserOnly) return { kind: 'browser', message: '已设置 LEDGER_NO_ELECTRON=1，使用浏览器模式。' };
  let electron = p.electronBinary();
  if (!electron) {
    const got = p.installElectron();
    electron = got.ok ? p.electronBinary() : undefined;
    if (!electron) {
      const why = got.ok ? '安装后仍找不到可执行文件' : got.why;
      return { kind: 'browser', message: `未能获取 Electron 运行时（${oneLine(why)}），改用浏览器模式。` };
    }
  }
  const sqlite = p.ensureSqlite(p.target());
  if (!sqlite.ok) return { kind: 'browser', message: `未能准备桌面版所需的 SQLite 模块（${oneLine(sqlite.why)}），改用浏览器模式。` };
  return { kind: 'desktop', electron, sqlite };
}
