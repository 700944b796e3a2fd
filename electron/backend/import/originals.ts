/**
 * Keeping each imported file's original in the data folder
 * (imports/<sha256>.xlsx). Creating hundreds of files costs about as much as
 * writing all their figures, so a batch's originals are written on a worker
 * thread while the main thread applies the figures; the transaction waits
 * for them to be on disk (flushed, as every whole file the app writes) before it commits, and a file that cannot be kept rolls the whole
 * call back, as before. Where no worker can be started the same code runs
 * in the calling thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../store/errors';
import { storageFailure } from '../store/storageErrors';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export const IMPORTS_DIR = 'imports';

export interface OriginalJob {
  /** Absolute path of the kept copy. */
  file: string;
  bytes: Uint8Array;
}

/** The parts of node:fs the keeper uses, so a test can see the order of its steps. */
export type KeepFs = Pick<typeof fs, 'mkdirSync' | 'statSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/** A copy written to its temporary name, still open so it can be flushed. */
interface Temp {
  fd: number;
  tmp: string;
  file: string;
}

/**
 * Writes the jobs' copies to temporary names beside their targets, skipping
 * a job whose file of the same size is already there (named by its hash:
 * that is this file; an interrupted write is shorter and is written again).
 * Notes in `dirs` each folder the copies go to, and the folder above one
 * it had to create. Runs in the worker as its own source text, so it uses
 * only its arguments.
 */
function writeTemps(fsm: KeepFs, pathm: typeof path, jobs: OriginalJob[], pid: number, dirs: Record<string, true>): Temp[] {
  const temps: Temp[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    const dir = pathm.dirname(job.file);
    if (!dirs[dir]) {
      // Owner-only, like the data file: the originals hold the same figures.
      const created = fsm.mkdirSync(dir, { recursive: true, mode: 0o700 });
      dirs[dir] = true;
      if (created !== undefined) dirs[pathm.dirname(created)] = true;
    }
    let size = -1;
    try {
      size = fsm.statSync(job.file).size;
    } catch {
      // not kept yet
    }
    if (size === job.bytes.length) continue;
    const tmp = `${job.file}.${pid}.tmp`;
    const fd = fsm.openSync(tmp, 'w', 0o600);
    temps.push({ fd, tmp, file: job.file });
    for (let done = 0; done < job.bytes.length; ) done += fsm.writeSync(fd, job.bytes, done, job.bytes.length - done);
  }
  return temps;
}

/** Gives flushed copies their names. */
function placeTemps(fsm: KeepFs, temps: Temp[]): void {
  for (let i = 0; i < temps.length; i++) {
    fsm.closeSync(temps[i].fd);
    temps[i].fd = -1;
    fsm.renameSync(temps[i].tmp, temps[i].file);
  }
}

/** Flushes the folders' entries (the renames); Windows cannot open a folder for this, and there a rename is durable already. */
function syncDirs(fsm: KeepFs, dirs: Record<string, true>, platform: string): void {
  if (platform === 'win32') return;
  for (const dir of Object.keys(dirs)) {
    const fd = fsm.openSync(dir, 'r');
    try {
      fsm.fsyncSync(fd);
    } finally {
      fsm.closeSync(fd);
    }
  }
}

/** After a failure: no descriptor left open, no temporary file left behind. */
function dropTemps(fsm: KeepFs, temps: Temp[]): void {
  for (let i = 0; i < temps.length; i++) {
    try {
      if (temps[i].fd >= 0) fsm.closeSync(temps[i].fd);
      fsm.rmSync(temps[i].tmp, { force: true });
    } catch {
      // best effort: the failure being reported is the one that matters
    }
  }
}

/** Copies written this many at a time: their flushes go out together, and open descriptors stay few. */
const CHUNK = 64;

/**
 * Keeps every copy as the one atomic writer does (files/writeFileAtomic.ts):
 * written to a temporary name, flushed (fsync), renamed, and the folder
 * flushed — the import log that names a copy is committed only after it is
 * on disk, so a power cut never leaves a log entry without its original.
 * This is the calling thread's way, one flush after another.
 */
export function keepAll(fsm: KeepFs, jobs: OriginalJob[], pid: number, platform: string = process.platform): void {
  const dirs: Record<string, true> = {};
  for (let at = 0; at < jobs.length; at += CHUNK) {
    const temps = writeTemps(fsm, path, jobs.slice(at, at + CHUNK), pid, dirs);
    try {
      for (const t of temps) fsm.fsyncSync(t.fd);
      placeTemps(fsm, temps);
    } catch (e) {
      dropTemps(fsm, temps);
      throw e;
    }
  }
  syncDirs(fsm, dirs, platform);
}

// The worker waits for jobs, writes them, then raises the shared flag (1 done, 2 failed) that the caller sleeps on.
// Its flushes are issued all at once (libuv's thread pool): the file system commits concurrent fsyncs together,
// which for 500 originals costs a fraction of 500 fsyncs one after another (npm run bench -- import).
const WORKER_SOURCE = `
const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const __name = (f) => f;
const writeTemps = ${writeTemps.toString()};
const placeTemps = ${placeTemps.toString()};
const syncDirs = ${syncDirs.toString()};
const dropTemps = ${dropTemps.toString()};
const fsync = (fd) => new Promise((resolve, reject) => fs.fsync(fd, (e) => (e ? reject(e) : resolve())));
parentPort.on('message', async ({ files, shared, flag, reply }) => {
  let error = null;
  try {
    // Views of the caller's shared buffer: nothing is copied, and nothing piles up here between collections.
    const jobs = files.map((f) => ({ file: f.file, bytes: new Uint8Array(shared, f.offset, f.length) }));
    const dirs = {};
    for (let at = 0; at < jobs.length; at += ${CHUNK}) {
      const temps = writeTemps(fs, path, jobs.slice(at, at + ${CHUNK}), process.pid, dirs);
      try {
        await Promise.all(temps.map((t) => fsync(t.fd)));
        placeTemps(fs, temps);
      } catch (e) {
        dropTemps(fs, temps);
        throw e;
      }
    }
    syncDirs(fs, dirs, process.platform);
  } catch (e) {
    error = { message: String((e && e.message) || e), code: e && e.code, path: e && e.path };
  }
  reply.postMessage({ error });
  Atomics.store(flag, 0, error === null ? 1 : 2);
  Atomics.notify(flag, 0);
});
`;

let worker: Worker | null | undefined;

/**
 * The buffer the originals of a call are handed to the worker in, kept for
 * the next call while it is small. Posting the bytes themselves copied them
 * into the worker, whose heap hardly allocates and so seldom collects: a
 * province's batch left about 60 MiB of received copies there (issue 19).
 */
let reusable: { buffer: SharedArrayBuffer; busy: boolean } | undefined;
const REUSABLE_BYTES = 16 * 1024 * 1024;

/** The jobs' bytes copied side by side into one shared buffer (the kept one when it is free and large enough). */
function sharedCopies(jobs: OriginalJob[]): { shared: SharedArrayBuffer; files: { file: string; offset: number; length: number }[] } {
  const total = jobs.reduce((n, j) => n + j.bytes.length, 0);
  let shared: SharedArrayBuffer;
  if (reusable && !reusable.busy && reusable.buffer.byteLength >= total) shared = reusable.buffer;
  else if (total <= REUSABLE_BYTES && !reusable?.busy) {
    shared = new SharedArrayBuffer(REUSABLE_BYTES);
    reusable = { buffer: shared, busy: false };
  } else shared = new SharedArrayBuffer(Math.max(1, total));
  if (reusable?.buffer === shared) reusable.busy = true;
  const view = new Uint8Array(shared);
  let offset = 0;
  const files = jobs.map((j) => {
    view.set(j.bytes, offset);
    const f = { file: j.file, offset, length: j.bytes.length };
    offset += j.bytes.length;
    return f;
  });
  return { shared, files };
}

/** What the worker reports of a failed write: the error's message, errno code and path (an Error does not cross threads whole). */
interface WorkerError {
  message: string;
  code?: string;
  path?: string;
}

/** A copy that could not be kept, said in Chinese with what to do (a full disk, a file where the folder should be…). */
function notKept(e: unknown): StoreError {
  const cause = storageFailure(e);
  return new StoreError(cause?.code ?? 'io', `无法保存导入的原文件，本次导入已撤销：${cause?.message ?? (e as WorkerError).message ?? String(e)}`);
}

/** Whether this thread may sleep on a shared flag (an embedder can forbid it on its main thread). */
function canWait(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function keeper(): Worker | null {
  if (worker !== undefined) return worker;
  if (!canWait()) return (worker = null);
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    // A worker that dies takes its pending writes with it (that call times out and rolls back); later calls write in the calling thread.
    worker.on('error', () => (worker = null));
    worker.on('exit', () => (worker = null));
  } catch {
    worker = null;
  }
  return worker;
}

/** Originals being written; wait() blocks until they are on disk and throws if one could not be. */
export interface PendingOriginals {
  wait(): void;
}

const WAIT_MS = 120_000;

/**
 * Starts writing the originals (on the worker if there is one) and returns
 * at once. wait() must be called before relying on them, within the same
 * synchronous stretch or later.
 */
export function keepOriginals(jobs: OriginalJob[], opts: { thread?: 'worker' | 'caller' } = {}): PendingOriginals {
  const w = opts.thread === 'caller' || jobs.length === 0 ? null : keeper();
  if (!w) {
    let error: unknown = null;
    try {
      keepAll(fs, jobs, process.pid);
    } catch (e) {
      error = e;
    }
    return {
      wait: () => {
        if (error) throw notKept(error);
      },
    };
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const { shared, files } = sharedCopies(jobs);
  w.postMessage({ files, shared, flag, reply: port2 }, [port2 as MessagePort]);
  let settled = false;
  return {
    wait: () => {
      if (settled) return;
      settled = true;
      const outcome = Atomics.wait(flag, 0, 0, WAIT_MS);
      // Free for the next call once the worker is done with it; a worker still busy after the wait keeps it for good.
      if (reusable?.buffer === shared) {
        if (outcome === 'timed-out') reusable = undefined;
        else reusable.busy = false;
      }
      const reply = receiveMessageOnPort(port1)?.message as { error: WorkerError | null } | undefined;
      port1.close();
      if (outcome === 'timed-out') throw new StoreError('io', '保存导入的原文件超时，本次导入已撤销：请检查磁盘后重试');
      if (Atomics.load(flag, 0) !== 1) throw notKept(reply?.error ?? { message: '未知原因' });
    },
  };
}

/** Where a file's original is kept, relative to the data folder and absolute. */
export function originalPath(dataDir: string, sha256: string): { rel: string; abs: string } {
  const rel = path.posix.join(IMPORTS_DIR, `${sha256}.xlsx`);
  return { rel, abs: path.join(dataDir, rel) };
}
