/**
 * One app per data file. The desktop app and the browser-mode server hold a
 * lock file beside the data file (`<file>.lock`: pid, process start time,
 * host, kind) while they run; a second window or server on the same file is
 * refused with a message naming the holder. SQLite would let both write, but
 * each would show the clerk a screen the other is changing underneath.
 *
 * The CLI takes no lock: it may read and write beside a running app, and
 * SQLite's own locks (IMMEDIATE transactions, the busy timeout) order its
 * writes with the app's.
 *
 * A lock left by a process that died (kill -9, a crash, a power cut) is
 * stale: its pid is gone, or now belongs to a process started at another
 * time (Linux: /proc/<pid>/stat), and it is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import { StoreError } from './errors';
import { storageFailure } from './storageErrors';

export type LockKind = 'desktop' | 'browser';

export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO). */
  startedAt: string;
  host: string;
  kind: LockKind;
  /** The holder's start time as the OS counts it (Linux clock ticks since boot), to tell a reused pid apart. */
  processStart?: string;
}

const KIND_NAME: Record<LockKind, string> = { desktop: '桌面程序窗口', browser: '浏览器模式服务' };

export const lockFileOf = (dataFile: string): string => `${dataFile}.lock`;

/** The OS's start time of a process, where the OS tells it (Linux); undefined elsewhere. */
export function processStartOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Whether the process that wrote this lock still runs. A holder on another computer cannot be checked and is taken as live. */
export function holderAlive(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return true;
  if (!pidAlive(h.pid)) return false;
  const now = processStartOf(h.pid);
  return h.processStart === undefined || now === undefined || now === h.processStart;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.startedAt !== 'string' || typeof v.host !== 'string' || (v.kind !== 'desktop' && v.kind !== 'browser')) return undefined;
    return { pid: v.pid, startedAt: v.startedAt, host: v.host, kind: v.kind, processStart: typeof v.processStart === 'string' ? v.processStart : undefined };
  } catch {
    return undefined;
  }
}

function readLock(lock: string): { text: string; holder: LockHolder | undefined } | undefined {
  try {
    const text = fs.readFileSync(lock, 'utf8');
    return { text, holder: parseHolder(text) };
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw storageFailure(e) ?? e;
  }
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function heldMessage(dataFile: string, h: LockHolder): string {
  const where = h.host === os.hostname() ? `进程号 ${h.pid}` : `计算机 ${h.host} 上的进程 ${h.pid}`;
  return `数据文件 ${dataFile} 已被另一个${KIND_NAME[h.kind]}打开（${where}，${localTime(h.startedAt)} 起）。同一数据文件只能在一个窗口中使用：请切换到那个窗口，或关闭它后再打开`;
}

export class DataFileLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    process.once('exit', this.onExit);
  }

  /** Removes the lock file if it is still this one. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      if (fs.readFileSync(this.file, 'utf8') === this.text) fs.rmSync(this.file, { force: true });
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  }
}

/**
 * Puts the lock file in place atomically: written aside in full, then linked
 * to its name (which fails if one is there). Where the file system has no
 * hard links, exclusive creation does it.
 */
function place(lock: string, text: string): boolean {
  const aside = `${lock}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(aside, text, { mode: 0o600 });
    try {
      fs.linkSync(aside, lock);
      return true;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
      const fd = fs.openSync(lock, 'wx', 0o600);
      try {
        fs.writeFileSync(fd, text);
      } finally {
        fs.closeSync(fd);
      }
      return true;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw storageFailure(e, lock) ?? e;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** Moves a stale lock out of the way, unless another process replaced it meanwhile. */
function removeStale(lock: string, staleText: string): void {
  const moved = `${lock}.stale.${process.pid}`;
  try {
    fs.renameSync(lock, moved);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw storageFailure(e, lock) ?? e;
  }
  if (fs.readFileSync(moved, 'utf8') !== staleText) {
    // Someone took the lock between our look and the move: give it back.
    try {
      fs.linkSync(moved, lock);
    } catch {
      // A third process placed one meanwhile; theirs stands.
    }
  }
  fs.rmSync(moved, { force: true });
}

export function acquireDataFileLock(dataFile: string, kind: LockKind): DataFileLock {
  const lock = lockFileOf(dataFile);
  const me: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: os.hostname(),
    kind,
    processStart: processStartOf(process.pid),
  };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (place(lock, text)) return new DataFileLock(lock, text);
    const found = readLock(lock);
    if (!found) continue;
    // An unreadable lock is not a holder anyone can name; it is treated as left behind.
    if (found.holder && holderAlive(found.holder)) throw new StoreError('in_use', heldMessage(dataFile, found.holder));
    removeStale(lock, found.text);
  }
  throw new StoreError('in_use', `数据文件 ${dataFile} 正被另一个程序同时打开，请稍后重试`);
}
