/**
 * IPC wiring: allow-listed channels only, all registered through one wrapper
 * that refuses calls not from the app's own top frame; each handler then
 * validates its arguments before use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { isMethod } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { Backend } from '../backend/backend';
import { WriteFailure, writeFileAtomic } from '../backend/files/writeFileAtomic';
import { IPC, type IpcChannel } from '../shared-ipc';
import { isAppUrl } from './appUrl';

const saveArgs = z.tuple([z.string().min(1).max(255), z.instanceof(Uint8Array)]);
const openArgs = z.tuple([z.strictObject({ folder: z.boolean().optional(), extensions: z.array(z.string().regex(/^[a-z0-9]+$/)).optional() })]);

export const REFUSED_SENDER: ApiResult<never> = { ok: false, error: { code: 'bad_request', message: '拒绝来自非本程序页面的调用' } };

/** Whether an IPC call comes from the app's own page in the window's top frame (not an iframe, not another page). */
export function isFromApp(e: IpcMainInvokeEvent, appIndexUrl: string): boolean {
  const frame = e.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appIndexUrl);
}

type Handler = (e: IpcMainInvokeEvent, args: unknown[]) => unknown;

/** The one way a channel is registered: sender checked first, the handler never sees a foreign call. */
function handleFromApp(channel: IpcChannel, appIndexUrl: string, handler: Handler): void {
  ipcMain.handle(channel, (e, ...args: unknown[]) => (isFromApp(e, appIndexUrl) ? handler(e, args) : REFUSED_SENDER));
}

export function registerIpc(backend: Backend, appIndexUrl: string): void {
  handleFromApp(IPC.api, appIndexUrl, (_e, [method, args]) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `未知的调用：${String(method).slice(0, 60)}` } };
    return backend.call(method, args);
  });

  handleFromApp(IPC.saveFile, appIndexUrl, async (e, raw) => {
    const parsed = saveArgs.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: '保存文件的参数有误' } };
    const [name, bytes] = parsed.data;
    const lastDir = backend.saveDir.get();
    const win = BrowserWindow.fromWebContents(e.sender);
    const options = { defaultPath: path.join(lastDir ?? '', path.basename(name)) };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { ok: true, data: { saved: false } };
    try {
      writeFileAtomic(result.filePath, bytes);
    } catch (err) {
      return { ok: false, error: { code: 'io', message: err instanceof WriteFailure ? err.message : `无法保存 ${result.filePath}：${(err as Error).message}` } };
    }
    backend.saveDir.set(path.dirname(result.filePath));
    return { ok: true, data: { saved: true, path: result.filePath } };
  });

  handleFromApp(IPC.openFiles, appIndexUrl, async (e, raw) => {
    const parsed = openArgs.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: '打开文件的参数有误' } };
    const { folder, extensions } = parsed.data[0];
    const win = BrowserWindow.fromWebContents(e.sender);
    // Since Electron 43 a dialog without defaultPath opens in Downloads, so the last folder is kept.
    const lastDir = backend.openDir.get();
    const options: Electron.OpenDialogOptions = {
      properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
      filters: extensions ? [{ name: 'Excel', extensions }] : undefined,
      defaultPath: lastDir,
    };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (result.canceled || result.filePaths.length === 0) return { ok: true, data: { files: [] } };
    const files: string[] = [];
    for (const p of result.filePaths) {
      if (fs.statSync(p).isDirectory()) {
        for (const n of fs.readdirSync(p)) if (!extensions || extensions.some((x) => n.toLowerCase().endsWith(`.${x}`))) files.push(path.join(p, n));
      } else files.push(p);
    }
    backend.openDir.set(folder ? result.filePaths[0] : path.dirname(result.filePaths[0]));
    return { ok: true, data: { files: files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) })) } };
  });
}
