import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase';
import { electronSqliteFile } from '../paths';
import { sqliteOptions, useSqliteBinding } from './sqliteBinding';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-binding-'));
afterEach(() => useSqliteBinding(undefined));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** npm's build for Node, which this test process can load. */
const nodeAddon = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('the SQLite addon the store loads', () => {
  it('is npm’s own build unless one is chosen', () => {
    expect(sqliteOptions({ readonly: true })).toEqual({ readonly: true });
  });

  it('is the chosen file, passed to better-sqlite3 as nativeBinding for every database the store opens', async () => {
    useSqliteBinding(nodeAddon);
    expect(sqliteOptions({ readonly: true })).toEqual({ readonly: true, nativeBinding: nodeAddon });
    const opened = await openDatabase(path.join(dir, 'a.sqlite'));
    expect(opened.created).toBe(true);
    opened.db.close();
  });

  it('really is loaded from that file: a missing one fails the open, naming it, and nothing is written', async () => {
    const missing = path.join(dir, 'nowhere', 'better_sqlite3.node');
    useSqliteBinding(missing);
    await expect(openDatabase(path.join(dir, 'b.sqlite'))).rejects.toThrow(/nowhere/);
    expect(fs.statSync(path.join(dir, 'b.sqlite'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
  });

  it('keeps Electron builds apart from npm’s, one folder per ABI, platform and arch', () => {
    const a = electronSqliteFile('/repo', { abi: '140', platform: 'win32', arch: 'x64' });
    const b = electronSqliteFile('/repo', { abi: '140', platform: 'linux', arch: 'arm64' });
    expect(a).not.toBe(b);
    expect(a.startsWith(path.join('/repo', 'node_modules', '.cache'))).toBe(true);
    expect(path.basename(a)).toBe('better_sqlite3.node');
    expect(a).not.toBe(nodeAddon);
  });
});
