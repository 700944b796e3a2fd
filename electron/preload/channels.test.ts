/** The preload, run against a faked `electron`: what it exposes and which channels it invokes. */
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from '../../shared/api/desktopBridge';
import { IPC, IPC_CHANNELS } from '../shared-ipc';

const seen = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][], other: [] as string[] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => seen.exposed.set(key, value) },
  ipcRenderer: new Proxy(
    {},
    {
      get: (_t, name: string) =>
        name === 'invoke'
          ? (...args: unknown[]) => {
              seen.invoked.push(args);
              return Promise.resolve({ ok: true, data: null });
            }
          : () => seen.other.push(name),
    },
  ),
}));
await import('./index');

describe('preload bridge', () => {
  it('exposes one object of functions under the shared key', () => {
    expect([...seen.exposed.keys()]).toEqual([DESKTOP_BRIDGE_KEY]);
    const bridge = seen.exposed.get(DESKTOP_BRIDGE_KEY) as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'openFiles', 'saveFile']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('only invokes the allow-listed channels, passing the arguments through', async () => {
    const bridge = seen.exposed.get(DESKTOP_BRIDGE_KEY) as DesktopBridge;
    const bytes = new Uint8Array([1, 2]);
    await bridge.call('app.status', {});
    await bridge.saveFile('a.xlsx', bytes);
    await bridge.openFiles({ folder: true });
    expect(seen.invoked).toEqual([
      [IPC.api, 'app.status', {}],
      [IPC.saveFile, 'a.xlsx', bytes],
      [IPC.openFiles, { folder: true }],
    ]);
    expect(new Set(seen.invoked.map(([channel]) => channel))).toEqual(IPC_CHANNELS);
    expect(seen.other).toEqual([]);
  });
});
