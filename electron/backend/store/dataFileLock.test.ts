import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';
import { acquireDataFileLock, lockFileOf, processStartOf } from './dataFileLock';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dataFile() {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'ledger.sqlite');
}

/** A process that runs until killed; resolves with its pid once started. */
function sleeper(): Promise<{ pid: number; kill(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const ended = new Promise<void>((r) => child.on('exit', () => r()));
  return new Promise((resolve, reject) => {
    child.on('spawn', () => resolve({ pid: child.pid!, kill: () => (child.kill('SIGKILL'), ended) }));
    child.on('error', reject);
  });
}

const lockText = (pid: number, kind: 'desktop' | 'browser', processStart?: string) =>
  JSON.stringify({ pid, startedAt: '2026-11-29T01:02:00.000Z', host: os.hostname(), kind, processStart });

describe('data file lock', () => {
  it('refuses a second holder, naming the first; released, it can be taken again', () => {
    const file = dataFile();
    const first = acquireDataFileLock(file, 'desktop');
    expect(fs.statSync(lockFileOf(file)).mode & 0o777).toBe(0o600);
    expect(() => acquireDataFileLock(file, 'browser')).toThrow(new RegExp(`已被另一个桌面程序窗口打开（进程号 ${process.pid}，`));
    first.release();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    acquireDataFileLock(file, 'browser').release();
  });

  it('is held against a live process that holds it', async () => {
    const file = dataFile();
    const other = await sleeper();
    try {
      fs.writeFileSync(lockFileOf(file), lockText(other.pid, 'browser', processStartOf(other.pid)));
      expect(() => acquireDataFileLock(file, 'desktop')).toThrow(/已被另一个浏览器模式服务打开（进程号 \d+，2026-11-29 \d\d:02 起）/);
    } finally {
      await other.kill();
    }
  });

  it('takes over a lock whose process died (kill -9), or whose pid now belongs to a process started later', async () => {
    const file = dataFile();
    const gone = await sleeper();
    const start = processStartOf(gone.pid);
    await gone.kill();
    fs.writeFileSync(lockFileOf(file), lockText(gone.pid, 'browser', start));
    const taken = acquireDataFileLock(file, 'desktop');
    expect(JSON.parse(fs.readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'desktop' });
    taken.release();

    // This very process, but the lock says it started at another time: the pid was reused.
    fs.writeFileSync(lockFileOf(file), lockText(process.pid, 'desktop', '1'));
    acquireDataFileLock(file, 'browser').release();

    // Not a lock anyone can name: left behind by something else.
    fs.writeFileSync(lockFileOf(file), 'garbage');
    acquireDataFileLock(file, 'browser').release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const file = dataFile();
    const mine = acquireDataFileLock(file, 'desktop');
    fs.writeFileSync(lockFileOf(file), lockText(process.pid, 'browser', processStartOf(process.pid)));
    mine.release();
    expect(fs.existsSync(lockFileOf(file))).toBe(true);
  });
});
