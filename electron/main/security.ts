/**
 * Window hardening: the renderer gets no Node, runs sandboxed and isolated,
 * loads nothing but the app's own files, cannot navigate away or open
 * windows, and is denied every permission but writing text to the clipboard.
 * The rules themselves are in policy.ts; this file wires them to Electron.
 */
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAppUrl } from './appUrl';
import { isAllowedRequest, isPermissionGranted } from './policy';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export interface AppPage {
  /** file: URL of the renderer's index.html: the only page that may load or call IPC. */
  indexUrl: string;
  /** The built renderer folder: the only files the window may request. */
  dir: string;
}

export function hardenSession(ses: Session, page: AppPage): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, page.indexUrl)),
  );
  // Checks (navigator.permissions.query, clipboard writes) are answered here, not by the request handler.
  ses.setPermissionCheckHandler((_wc, permission, _origin, details) => isPermissionGranted(permission, details.requestingUrl, page.indexUrl));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, page.dir) }));
}

export function hardenContents(contents: WebContents, page: AppPage): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, page.indexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  // No window is ever opened, and nothing is handed to the system browser: the app has no links out.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every web contents the app creates (the window, and any a bug might create) gets the same rules. */
export function hardenApp(app: App, page: AppPage): void {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, page));
}
