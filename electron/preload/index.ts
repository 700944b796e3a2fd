/**
 * The only bridge between the sandboxed renderer and the main process: a
 * fixed set of functions over allow-listed channels. No Node API is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../shared-ipc';

contextBridge.exposeInMainWorld('ledgerDesktop', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC.api, method, args),
  saveFile: (suggestedName: string, bytes: Uint8Array) => ipcRenderer.invoke(IPC.saveFile, suggestedName, bytes),
  openFiles: (options: { folder?: boolean; extensions?: string[] }) => ipcRenderer.invoke(IPC.openFiles, options),
});
