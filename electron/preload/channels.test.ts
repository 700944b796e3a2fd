import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC, IPC_CHANNELS } from '../shared-ipc';

describe('preload bridge', () => {
  it('invokes only the allow-listed channels and exposes no Node API', () => {
    const src = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    const used = [...src.matchAll(/ipcRenderer\.(\w+)\(IPC\.(\w+)/g)].map((m) => [m[1], m[2]]);
    expect(used.map(([fn]) => fn).every((fn) => fn === 'invoke')).toBe(true);
    expect(new Set(used.map(([, ch]) => IPC[ch as keyof typeof IPC]))).toEqual(IPC_CHANNELS);
    expect(src).not.toMatch(/require\(|process\.|ipcRenderer\.(send|on)\b/);
    expect(src).toMatch(/contextBridge\.exposeInMainWorld\('ledgerDesktop'/);
  });
});
