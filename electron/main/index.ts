/**
 * The desktop shell: one hardened window over the shared backend. Kept thin:
 * everything that is not windows, menus, dialogs or IPC lives in backend/.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { openBackend, type Backend } from '../backend/backend';
import { defaultDataFile } from '../backend/paths';
import { registerIpc } from './ipc';
import { hardenApp, hardenContents, hardenSession, SECURE_WEB_PREFERENCES } from './security';

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function appRoot(): string {
  return app.getAppPath();
}

function createWindow(indexFile: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '政务公开台账',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, '../preload/index.cjs') },
  });
  hardenContents(win.webContents, pathToFileURL(indexFile).toString());
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexFile);
  return win;
}

async function start() {
  hardenApp();
  hardenSession();
  Menu.setApplicationMenu(null);
  const dataFile = process.env.LEDGER_DB ?? defaultDataFile();
  try {
    backend = await openBackend({ dataFile, resourcesDir: path.join(appRoot(), 'resources'), appVersion: app.getVersion(), backupOnStart: true, exclusive: 'desktop' });
  } catch (e) {
    dialog.showErrorBox('无法打开数据文件', (e as Error).message);
    app.exit(1);
    return;
  }
  const indexFile = path.join(__dirname, '../renderer/index.html');
  registerIpc(backend, pathToFileURL(indexFile).toString());
  mainWindow = createWindow(indexFile);
  const notices = backend.ctx.store.notices;
  if (notices.length) void dialog.showMessageBox(mainWindow, { type: 'warning', title: '政务公开台账', message: notices.join('\n') });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (e: unknown) => console.error(e));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
}
