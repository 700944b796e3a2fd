/**
 * The desktop shell's start: either the command line (`--cli …`, before any
 * window or single-instance lock) or one hardened window over the shared
 * backend. Kept thin: everything that is not windows, menus, dialogs or IPC
 * lives in backend/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { openBackend, type Backend } from '../backend/backend';
import { runCliProcess } from '../backend/cli/processRun';
import { defaultDataFile, windowIconFile } from '../backend/paths';
import { useSqliteBinding } from '../backend/backend';
import { cliArguments, CLI_SWITCH } from './cliSwitch';
import { registerIpc } from './ipc';
import { type AppPage, hardenApp, hardenSession, SECURE_WEB_PREFERENCES } from './security';
import { chooseSqliteBinding, missingBindingMessage } from './sqliteBinding';

export const WINDOW_TITLE = '政务公开台账';

export interface MainOptions {
  argv: readonly string[];
  /** Electron's process.defaultApp: run from source as `electron <folder>`. */
  defaultApp: boolean;
  env: NodeJS.ProcessEnv;
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
}

function defaultOptions(): MainOptions {
  return { argv: process.argv, defaultApp: process.defaultApp === true, env: process.env, outDir: path.join(__dirname, '..') };
}

export function rendererPage(outDir: string): AppPage & { indexFile: string } {
  const dir = path.join(outDir, 'renderer');
  const indexFile = path.join(dir, 'index.html');
  return { dir, indexFile, indexUrl: pathToFileURL(indexFile).toString() };
}

export function runMainProcess(options: Partial<MainOptions> = {}): Promise<void> {
  const opts = { ...defaultOptions(), ...options };
  const binding = chooseSqliteBinding({
    isPackaged: app.isPackaged,
    appRoot: app.getAppPath(),
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    exists: (f) => fs.existsSync(f),
  });
  if (binding.kind === 'file') useSqliteBinding(binding.file);

  const cli = cliArguments(opts.argv, opts.defaultApp);
  if (cli) return runCliInApp(cli, binding.kind === 'missing' ? missingBindingMessage(binding.file) : undefined);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  let backend: Backend | undefined;
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());

  const page = rendererPage(opts.outDir);
  hardenApp(app, page);
  return app.whenReady().then(async () => {
    hardenSession(session.defaultSession, page);
    Menu.setApplicationMenu(null);
    if (binding.kind === 'missing') {
      dialog.showErrorBox('无法启动', missingBindingMessage(binding.file));
      app.exit(1);
      return;
    }
    const dataFile = opts.env.LEDGER_DB ?? defaultDataFile(opts.env);
    try {
      backend = await openBackend({
        dataFile,
        resourcesDir: path.join(app.getAppPath(), 'resources'),
        appVersion: app.getVersion(),
        backupOnStart: true,
        exclusive: 'desktop',
      });
    } catch (e) {
      dialog.showErrorBox('无法打开数据文件', (e as Error).message);
      app.exit(1);
      return;
    }
    registerIpc(backend, page.indexUrl);
    mainWindow = createWindow(page, path.join(opts.outDir, 'preload', 'index.cjs'), windowIconFile(app.getAppPath()));
    // What the store noticed on opening (e.g. no backup could be taken) is said once, not lost in a log.
    const notices = backend.ctx.store.notices;
    if (notices.length) void dialog.showMessageBox(mainWindow, { type: 'warning', title: WINDOW_TITLE, message: notices.join('\n') });
  });
}

function createWindow(page: AppPage & { indexFile: string }, preload: string, icon: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: WINDOW_TITLE,
    // Windows takes the icon from the .exe; Linux window managers need it given.
    icon,
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(page.indexFile);
  return win;
}

/** The CLI inside the app: same output and exit codes as `npm run ledger`, then the process ends; no window is made. */
async function runCliInApp(args: string[], cannotStart: string | undefined): Promise<void> {
  if (cannotStart) {
    process.stderr.write(`${cannotStart}\n`);
    app.exit(1);
    return;
  }
  const code = await runCliProcess(args, `${path.basename(process.execPath)} ${CLI_SWITCH}`);
  app.exit(code);
}
