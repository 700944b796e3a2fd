/**
 * Keeping each imported file's original in the data folder
 * (imports/<sha256>.xlsx). Creating hundreds of files costs about as much as
 * writing all their figures, so a batch's originals are written on a worker
 * thread while the main thread applies the figures; the transaction waits
 * for them before it commits, and a file that cannot be kept rolls the whole
 * call back, as before. Where no worker can be started the same code runs
 * in the calling thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export const IMPORTS_DIR = 'imports';

export interface OriginalJob {
  /** Absolute path of the kept copy. */
  file: string;
  bytes: Uint8Array;
}

/**
 * Writes each job's copy unless a file of the same size is already there
 * (named by its hash: that is this file; an interrupted write is shorter and
 * is written again). Runs in the worker as its own source text, so it uses
 * only its arguments.
 */
function keepAll(fsm: typeof fs, pathm: typeof path, jobs: OriginalJob[], pid: number): void {
  const made: Record<string, true> = {};
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    const dir = pathm.dirname(job.file);
    if (!made[dir]) {
      fsm.mkdirSync(dir, { recursive: true });
      made[dir] = true;
    }
    let size = -1;
    try {
      size = fsm.statSync(job.file).size;
    } catch {
      // not kept yet
    }
    if (size === job.bytes.length) continue;
    const tmp = `${job.file}.${pid}.tmp`;
    fsm.writeFileSync(tmp, job.bytes);
    fsm.renameSync(tmp, job.file);
  }
}

// The worker waits for jobs, writes them, then raises the shared flag (1 done, 2 failed) that the caller sleeps on.
const WORKER_SOURCE = `
const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const __name = (f) => f;
const keepAll = ${keepAll.toString()};
parentPort.on('message', ({ jobs, flag, reply }) => {
  let error = null;
  try {
    keepAll(fs, path, jobs, process.pid);
  } catch (e) {
    error = String((e && e.message) || e);
  }
  reply.postMessage({ error });
  Atomics.store(flag, 0, error === null ? 1 : 2);
  Atomics.notify(flag, 0);
});
`;

let worker: Worker | null | undefined;

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
      keepAll(fs, path, jobs, process.pid);
    } catch (e) {
      error = e;
    }
    return {
      wait: () => {
        if (error) throw error;
      },
    };
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ jobs, flag, reply: port2 }, [port2 as MessagePort]);
  let settled = false;
  return {
    wait: () => {
      if (settled) return;
      settled = true;
      const outcome = Atomics.wait(flag, 0, 0, WAIT_MS);
      const reply = receiveMessageOnPort(port1)?.message as { error: string | null } | undefined;
      port1.close();
      if (outcome === 'timed-out') throw new Error('保存原文件超时');
      if (Atomics.load(flag, 0) !== 1) throw new Error(`无法保存原文件：${reply?.error ?? '未知原因'}`);
    },
  };
}

/** Where a file's original is kept, relative to the data folder and absolute. */
export function originalPath(dataDir: string, sha256: string): { rel: string; abs: string } {
  const rel = path.posix.join(IMPORTS_DIR, `${sha256}.xlsx`);
  return { rel, abs: path.join(dataDir, rel) };
}
