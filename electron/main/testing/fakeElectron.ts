/**
 * A stand-in for the `electron` module, for testing the main process's
 * wiring without the runtime: it records what the code under test registers
 * (handlers, windows, listeners) so a test can call them as Electron would.
 * Use with `vi.mock('electron', () => fake.module)` where `fake` comes from
 * `vi.hoisted(() => createFakeElectron())`.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  /** Emits an event the way Electron does and tells whether a listener prevented its default. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function createFakeElectron() {
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const windows: { options: Record<string, unknown>; loaded: string[]; contents: FakeWebContents }[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const errorBoxes: [string, string][] = [];
  const session = {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    devicePermissionHandler: undefined as Listener | undefined,
    onHeadersReceived: undefined as Listener | undefined,
    onBeforeRequest: undefined as Listener | undefined,
  };
  let exitCode: number | undefined;
  let exited: () => void = () => {};
  const exitedPromise = new Promise<void>((resolve) => (exited = resolve));

  const defaultSession = {
    setPermissionRequestHandler: (h: Listener) => (session.permissionRequestHandler = h),
    setPermissionCheckHandler: (h: Listener) => (session.permissionCheckHandler = h),
    setDevicePermissionHandler: (h: Listener) => (session.devicePermissionHandler = h),
    webRequest: {
      onHeadersReceived: (h: Listener) => (session.onHeadersReceived = h),
      onBeforeRequest: (h: Listener) => (session.onBeforeRequest = h),
    },
  };

  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    private readonly record: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      this.record = { options, loaded: [], contents: this.webContents };
      windows.push(this.record);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string): Promise<void> {
      this.record.loaded.push(file);
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    static fromWebContents(): undefined {
      return undefined;
    }
  }

  const app = {
    isPackaged: false,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-fake',
    on: (name: string, l: Listener) => {
      appEvents.on(name, l);
      return app;
    },
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return true;
    },
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    quit: () => calls.push('quit'),
    exit: (code = 0) => {
      calls.push(`exit ${code}`);
      exitCode = code;
      exited();
    },
  };

  const module = {
    app,
    BrowserWindow,
    session: { defaultSession },
    Menu: { setApplicationMenu: () => calls.push('setApplicationMenu') },
    dialog: {
      showErrorBox: (title: string, text: string) => errorBoxes.push([title, text]),
      showMessageBox: (_win: unknown, options: { message: string }) => {
        calls.push(`showMessageBox ${options.message}`);
        return Promise.resolve({ response: 0 });
      },
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    },
    ipcMain: {
      handle: (channel: string, h: Listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, h);
      },
    },
    shell: {
      openExternal: () => {
        calls.push('shell.openExternal');
        return Promise.resolve();
      },
    },
  };

  return {
    module,
    calls,
    appEvents,
    windows,
    ipcHandlers,
    errorBoxes,
    session,
    get exitCode() {
      return exitCode;
    },
    exited: exitedPromise,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
