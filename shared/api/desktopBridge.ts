/**
 * The object the desktop preload exposes to the renderer as
 * `window.ledgerDesktop`. One type for both sides, so the bridge the preload
 * builds and the one the UI calls cannot drift apart.
 */
import type { ApiResult } from './result';

export interface OpenFilesOptions {
  folder?: boolean;
  extensions?: string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface DesktopBridge {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<ApiResult<{ saved: boolean; path?: string }>>;
  openFiles(options: OpenFilesOptions): Promise<ApiResult<{ files: OpenedFile[] }>>;
}

/** The global name the bridge is exposed under. */
export const DESKTOP_BRIDGE_KEY = 'ledgerDesktop';
