import { describe, expect, it } from 'vitest';
import type { RuntimeTarget } from '../../electron/backend/paths';
import type { EnsureResult } from './electronSqlite';
import { chooseRuntime, type RuntimeProbe } from './runtime';

const target: RuntimeTarget = { electronVersion: '45.5.0', abi: '999', platform: 'linux', arch: 'x64' };
const cached: EnsureResult = { ok: true, file: '/cache/electron-v999-linux-x64/better_sqlite3.node', obtained: 'cached' };

function probe(over: Partial<RuntimeProbe> & { installed?: boolean } = {}): RuntimeProbe & { asked: string[] } {
  const asked: string[] = [];
  let installed = over.installed ?? true;
  return {
    asked,
    browserOnly: false,
    electronBinary: () => (asked.push('binary'), installed ? '/electron' : undefined),
    installElectron: () => {
      asked.push('install');
      installed = true;
      return { ok: true };
    },
    target: () => target,
    ensureSqlite: (t) => (asked.push(`sqlite ${t.abi}`), cached),
    ...over,
  };
}

const isOneChineseLine = (s: string) => !s.includes('\n') && /[\u4e00-\u9fff]/.test(s) && /浏览器模式/.test(s);

describe('chooseRuntime', () => {
  it('runs the desktop app with the Electron build of SQLite when both are there', () => {
    const p = probe();
    expect(chooseRuntime(p)).toEqual({ kind: 'desktop', electron: '/electron', sqlite: cached });
    expect(p.asked).toEqual(['binary', 'sqlite 999']);
  });

  it('fetches the runtime first when it is missing', () => {
    const p = probe({ installed: false });
    expect(chooseRuntime(p)).toMatchObject({ kind: 'desktop', electron: '/electron' });
    expect(p.asked).toEqual(['binary', 'install', 'binary', 'sqlite 999']);
  });

  it('falls back to browser mode, in one Chinese line with the reason, when the runtime cannot be had', () => {
    const p = probe({ installed: false, installElectron: () => ({ ok: false, why: 'RequestError: getaddrinfo ENOTFOUND github.com\n    at x' }) });
    const c = chooseRuntime(p);
    expect(c.kind).toBe('browser');
    if (c.kind !== 'browser') return;
    expect(isOneChineseLine(c.message)).toBe(true);
    expect(c.message).toContain('未能获取 Electron 运行时');
    expect(c.message).toContain('ENOTFOUND');
    expect(p.asked).not.toContain('sqlite 999');
  });

  it('falls back to browser mode when the runtime installs but no executable appears', () => {
    const p = probe({ installed: false, installElectron: () => ({ ok: true }), electronBinary: () => undefined });
    const c = chooseRuntime(p);
    expect(c).toMatchObject({ kind: 'browser' });
  });

  it('falls back to browser mode, in one Chinese line, when the Electron build of SQLite cannot be had', () => {
    const p = probe({ ensureSqlite: () => ({ ok: false, why: 'prebuild-install：getaddrinfo EAI_AGAIN github.com；node-gyp：gyp ERR! stack Error: 403\nmore' }) });
    const c = chooseRuntime(p);
    expect(c.kind).toBe('browser');
    if (c.kind !== 'browser') return;
    expect(isOneChineseLine(c.message)).toBe(true);
    expect(c.message).toMatch(/^未能准备桌面版所需的 SQLite 模块（prebuild-install：getaddrinfo EAI_AGAIN/);
  });

  it('goes straight to browser mode when LEDGER_NO_ELECTRON=1, asking nothing', () => {
    const p = probe({ browserOnly: true });
    const c = chooseRuntime(p);
    expect(c.kind).toBe('browser');
    expect(p.asked).toEqual([]);
  });
});
