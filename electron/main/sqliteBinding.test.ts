import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronSqliteFile } from '../backend/paths';
import { chooseSqliteBinding, missingBindingMessage } from './sqliteBinding';

const base = { appRoot: '/repo', abi: '140', platform: 'linux' as const, arch: 'x64' };

describe('chooseSqliteBinding (desktop main process)', () => {
  it('uses the addon packaged with the app (rebuilt for Electron by electron-builder)', () => {
    expect(chooseSqliteBinding({ ...base, isPackaged: true, exists: () => false })).toEqual({ kind: 'default' });
  });

  it('run from source, uses the Electron build npm start put in the cache for this ABI', () => {
    const seen: string[] = [];
    const c = chooseSqliteBinding({ ...base, isPackaged: false, exists: (f) => (seen.push(f), true) });
    const expected = electronSqliteFile('/repo', { abi: '140', platform: 'linux', arch: 'x64' });
    expect(c).toEqual({ kind: 'file', file: expected });
    expect(seen).toEqual([expected]);
    expect(expected).toContain(path.join('electron-v140-linux-x64', 'better_sqlite3.node'));
  });

  it('run from source without that build, says so (one Chinese line naming npm start and browser mode)', () => {
    const c = chooseSqliteBinding({ ...base, isPackaged: false, exists: () => false });
    expect(c.kind).toBe('missing');
    if (c.kind !== 'missing') return;
    const m = missingBindingMessage(c.file);
    expect(m).not.toContain('\n');
    expect(m).toContain('npm start');
    expect(m).toContain('npm run serve');
  });
});
