/**
 * The only bridge between the sandboxed renderer and the main process: a
 * fixed set of functions over allow-listed channels. No Node API is exposed.
 * Typed by the same interface the renderer calls (shared/api/desktopBridge).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from '../../shared/api/desktopBridge';
import { IPC } from '../shared-ipc';

const bridge: DesktopBridge = {
  call: (method, args) => ipcRenderer.invoke(IPC.api, method, args),
  saveFile: (suggestedName, bytes) => ipcRenderer.invoke(IPC.saveFile, suggestedName, bytes),
  openFiles: (options) => ipcRenderer.invoke(IPC.openFiles, options),
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
