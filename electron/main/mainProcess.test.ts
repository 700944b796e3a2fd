/**
 * The desktop main process's wiring, run against a faked `electron` module:
 * window options, CSP, navigation and new windows, permissions, which files
 * may load, and which IPC channels exist and whom they answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { IPC, IPC_CHANNELS } from '../shared-ipc';
import { REFUSED_SENDER } from './ipc';

const fake = await vi.hoisted(async () => (await import('./testing/fakeElectron')).createFakeElectron());
vi.mock('electron', () => fake.module);
const { rendererPage, runMainProcess, WINDOW_TITLE } = await import('./mainProcess');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-main-'));
const outDir = path.join(dir, 'out');
const page = rendererPage(outDir);
const appUrl = `${page.indexUrl}#/ledger`;

beforeAll(async () => {
  // Packaged: the addon npm built is the one to load (as electron-builder's rebuilt one would be).
  fake.module.app.isPackaged = true;
  await runMainProcess({ argv: ['政务公开台账.exe'], defaultApp: false, env: { LEDGER_DB: path.join(dir, 'data', 'ledger.sqlite') }, outDir });
});
afterAll(() => {
  fake.appEvents.emit('will-quit');
  fs.rmSync(dir, { recursive: true, force: true });
});

const win = () => {
  expect(fake.windows).toHaveLength(1);
  return fake.windows[0];
};

describe('desktop start', () => {
  it('takes the single-instance lock and opens one window on the built page, not before ready', () => {
    expect(fake.calls.indexOf('requestSingleInstanceLock')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('whenReady')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect(win().loaded).toEqual([page.indexFile]);
    expect(win().options.title).toBe(WINDOW_TITLE);
    expect(fake.calls.some((c) => c.startsWith('exit'))).toBe(false);
  });

  it('creates the window isolated, sandboxed, without Node, with web security', () => {
    expect(win().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: path.join(outDir, 'preload', 'index.cjs'),
    });
  });

  it('sets the CSP header on every response', () => {
    let headers: Record<string, string[]> | undefined;
    fake.session.onHeadersReceived?.({ responseHeaders: { 'X-Other': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('loads only files from the app folder, and data:/blob: URLs', () => {
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      fake.session.onBeforeRequest?.({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled(page.indexUrl)).toBe(false);
    expect(cancelled(pathToFileURL(path.join(page.dir, 'assets', 'index.js')).toString())).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:file:///6f1c')).toBe(false);
    expect(cancelled(pathToFileURL(path.join(dir, 'data', 'ledger.sqlite')).toString())).toBe(true);
    expect(cancelled(pathToFileURL(path.join(page.dir, '..', 'main', 'index.cjs')).toString())).toBe(true);
    expect(cancelled(`${pathToFileURL(page.dir).toString()}/../../secret.txt`)).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('https://example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('denies every permission request and check, except clipboard writes from the app page', () => {
    const requested = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      fake.session.permissionRequestHandler?.({}, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    const checked = (permission: string, requestingUrl: string) => fake.session.permissionCheckHandler?.({}, permission, 'file://', { requestingUrl });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(requested(p, appUrl), p).toBe(false);
      expect(checked(p, appUrl), p).toBe(false);
    }
    expect(requested('clipboard-sanitized-write', appUrl)).toBe(true);
    expect(checked('clipboard-sanitized-write', appUrl)).toBe(true);
    expect(checked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(requested('clipboard-sanitized-write', 'file:///tmp/other.html')).toBe(false);
    expect(fake.session.devicePermissionHandler?.({})).toBe(false);
  });

  it('blocks navigation away, redirects, webviews and new windows (nothing is opened outside either)', () => {
    const contents = win().contents;
    expect(contents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', appUrl)).toBe(false);
    expect(contents.emitPreventable('will-redirect', appUrl)).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
    expect(fake.calls).not.toContain('shell.openExternal');
  });

  it('hardens any other web contents the app creates', () => {
    const other = new fake.module.BrowserWindow({});
    expect(other.webContents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(other.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    fake.windows.pop();
  });
});

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });

  it('registers exactly the allow-listed channels', () => {
    expect(new Set(fake.ipcHandlers.keys())).toEqual(IPC_CHANNELS);
  });

  it('answers the app page', async () => {
    const api = fake.ipcHandlers.get(IPC.api)!;
    expect(await api(frame(appUrl), 'app.status', {})).toMatchObject({ ok: true });
    expect(await api(frame(appUrl), 'values.nuke', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await fake.ipcHandlers.get(IPC.saveFile)!(frame(appUrl), 'a.xlsx', 'not bytes')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await fake.ipcHandlers.get(IPC.openFiles)!(frame(appUrl), {})).toEqual({ ok: true, data: { files: [] } });
  });

  it('refuses every channel from another page, a subframe, or no frame, before looking at the arguments', async () => {
    for (const channel of IPC_CHANNELS) {
      const h = fake.ipcHandlers.get(channel)!;
      expect(await h(frame('https://evil.example/'), 'app.status', {}), channel).toEqual(REFUSED_SENDER);
      expect(await h(frame(appUrl, { url: appUrl }), 'app.status', {}), channel).toEqual(REFUSED_SENDER);
      expect(await h(frame('file:///tmp/index.html'), 'app.status', {}), channel).toEqual(REFUSED_SENDER);
      expect(await h({ senderFrame: null, sender: {} }, 'app.status', {}), channel).toEqual(REFUSED_SENDER);
    }
  });
});
