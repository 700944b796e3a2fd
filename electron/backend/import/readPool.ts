/**
 * Reader threads for import batches. Reading a workbook (inflating, parsing,
 * hashing, comparing its visible sheets) is most of a merge's work and
 * depends on the file alone; planning and writing depend on the store and
 * on the files before, in order. So files are read on worker threads while
 * the batch's thread plans and writes the ones read already: the CLI merge
 * and the import page use every core (docs/import.md, "Reader threads").
 *
 * A read on a thread is the same function as on the caller's (readFile.ts);
 * what crosses is packed (readWire.ts). Where no thread can be started (a
 * build without the worker's file, a thread that dies), files are read on
 * the caller's thread, as before: slower, never different.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Template } from '../../../shared/template/schema';
import { type FileFacts, monthsOf } from './fileFacts';
import { type FileRead, readFileForBatch } from './readFile';
import type { ReaderFault, ReaderJob, ReaderReply } from './readerProtocol';
import type { ReadOptions } from './readWorkbook';
import { fromWire, packRead, type WireRead, type WireWorkbook } from './readWire';

/**
 * What the reader threads must hold to read like the caller: every template
 * a file may name, and the keys the office registered (a file sealed by its
 * unit's registered key skips its visible sheets). A snapshot: a key
 * registered or cleared since is caught on arrival (readPool.read).
 */
export interface ReaderContext {
  templates: readonly Template[];
  keys: ReadonlyMap<string, string>;
}

export interface PoolReadOptions extends Pick<ReadOptions, 'templates' | 'takeVisible' | 'registeredKey'> {
  context: () => ReaderContext;
}

/** A read again kept packed (readWire.ts) until its file is applied: a few KiB a file where the read holds a few hundred. */
export interface PackedRead {
  sha256: string;
  packed?: WireWorkbook;
  refusal?: FileRead['refusal'];
}

/** What a job came to: a thread's read as it crossed, or the caller's own read. */
type Outcome = { wire: WireRead; fr?: undefined } | { fr: FileRead; wire?: undefined };

interface Pending {
  resolve: (o: Outcome) => void;
  bytes: Uint8Array;
  opts: PoolReadOptions;
  known?: FileFacts;
  sha256?: string;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
  templates: Map<string, Template>;
  keys?: ReadonlyMap<string, string>;
}

/** The worker's entry beside this module: built (.mjs / .js) in the bundles, the source (.ts, through tsx) in a checkout. */
function workerSource(): { source: string | URL; eval: boolean } | null {
  for (const name of ['readWorker.mjs', 'readWorker.cjs', 'readWorker.js']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { source: url, eval: false };
  }
  const ts = new URL('./readWorker.ts', import.meta.url);
  if (ts.protocol !== 'file:' || !fs.existsSync(fileURLToPath(ts))) return null;
  let api: string;
  try {
    api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    return null;
  }
  // tsx's loader registered in the thread itself: a worker does not take `--import tsx` from its options on Node 20.
  return { source: `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(ts.href)}); });`, eval: true };
}

/**
 * Reader threads only where there are cores to spare: V8's own helper
 * threads (garbage collection, compiling) keep about half of a second core
 * busy during a merge, and a reader's isolate compiles and collects on its
 * own. On this 2-core machine one reader made the CLI merge of 500 slower
 * (2.25 s against 2.07 s, 3 quiet pairs) and its peak memory larger, so
 * two cores read on the batch's thread; from three, all but two read, up to
 * four. LEDGER_READER_THREADS=n sets the number (0: none).
 */
export function defaultReaders(): number {
  const set = Number.parseInt(process.env.LEDGER_READER_THREADS ?? '', 10);
  if (Number.isInteger(set) && set >= 0) return Math.min(set, 16);
  return Math.max(0, Math.min(4, os.availableParallelism() - 2));
}

function errorOf(f: ReaderFault): Error {
  const e = new Error(f.message);
  e.name = f.name;
  if (f.stack) e.stack = f.stack;
  return e;
}

/**
 * A reader's heap: what one file's read allocates dies with it, so a small
 * young generation serves (V8's default lets each thread's grow to tens of
 * MiB: the CLI's 10,000-workbook goal is 300 MiB for the whole process). A
 * file whose read outgrows the old generation ends the thread, and is read
 * on the caller's (fail), as is everything after.
 */
const READER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

export class ReadPool {
  private readers: Reader[] | undefined;
  private broken = false;
  private nextId = 0;
  /** Files read on a thread and on the caller's (tests and the bench say which ran). */
  readonly counts = { threads: 0, caller: 0 };

  constructor(private readonly size: number = defaultReaders()) {}

  /**
   * Reads a file's bytes as readFileForBatch does (`known`: the dry run's
   * facts of the same bytes, whose SHA-256 the caller checked). Resolves in
   * the order the threads finish; the caller keeps its own order.
   */
  read(bytes: Uint8Array, opts: PoolReadOptions, known?: FileFacts, sha256?: string): Promise<FileRead> {
    return this.submit(bytes, opts, known, sha256).then((o) => {
      if (o.fr) return o.fr;
      const fr = fromWire(o.wire, opts.templates)!;
      // The month fingerprints came worked out (a first read's facts, or the dry run's).
      if (fr.read) monthsOf(fr.read, known ?? fr.facts);
      return fr;
    });
  }

  /** Reads a file again (the dry run's facts of the same bytes) and keeps it packed, not as Maps (session.ts readAhead). */
  readPacked(bytes: Uint8Array, opts: PoolReadOptions, known: FileFacts, sha256: string): Promise<PackedRead> {
    return this.submit(bytes, opts, known, sha256).then((o) => {
      if (o.wire) return { sha256: o.wire.sha256, packed: o.wire.read, refusal: o.wire.refusal };
      return { sha256: o.fr.sha256, packed: o.fr.read && packRead(o.fr.read), refusal: o.fr.refusal };
    });
  }

  private submit(bytes: Uint8Array, opts: PoolReadOptions, known: FileFacts | undefined, sha256: string | undefined): Promise<Outcome> {
    const reader = this.pick();
    if (!reader) return Promise.resolve({ fr: this.here(bytes, opts, known, sha256) });
    const id = this.nextId++;
    const context = opts.context();
    const job: ReaderJob = { id, bytes, sha256, takeVisible: opts.takeVisible ?? false, known };
    const templates = context.templates.filter((t) => reader.templates.get(t.id) !== t);
    if (templates.length) {
      job.templates = templates;
      for (const t of templates) reader.templates.set(t.id, t);
    }
    if (reader.keys !== context.keys) {
      job.keys = [...context.keys];
      reader.keys = context.keys;
    }
    return new Promise((resolve) => {
      if (reader.pending.size === 0) reader.worker.ref();
      reader.pending.set(id, { resolve, bytes, opts, known, sha256 });
      reader.worker.postMessage(job);
    });
  }

  /**
   * Starts the threads ahead of the first file (a batch begun on the import
   * page: a thread takes a moment to load the reader, longer through tsx in
   * a checkout).
   */
  warm(): void {
    this.pick();
  }

  /** Whether reads go to threads (starting them): without, a caller reads the usual way, not through the pool. */
  threaded(): boolean {
    return this.pick() !== undefined;
  }

  /** Stops the threads (reads still pending finish on the caller's thread). */
  async close(): Promise<void> {
    const readers = this.readers ?? [];
    this.readers = [];
    this.broken = true;
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  /** The caller's thread reads it: no thread, or what came back cannot stand (see settle). */
  private here(bytes: Uint8Array, opts: PoolReadOptions, known?: FileFacts, sha256?: string): FileRead {
    this.counts.caller++;
    return readFileForBatch(bytes, opts, known, sha256);
  }

  private pick(): Reader | undefined {
    if (this.broken) return undefined;
    if (!this.readers) this.readers = this.start();
    let best: Reader | undefined;
    for (const r of this.readers) if (!best || r.pending.size < best.pending.size) best = r;
    return best;
  }

  private start(): Reader[] {
    const entry = this.size > 0 ? workerSource() : null;
    if (!entry) {
      this.broken = true;
      return [];
    }
    const readers: Reader[] = [];
    try {
      for (let i = 0; i < this.size; i++) {
        const worker = new Worker(entry.source, { eval: entry.eval, resourceLimits: READER_HEAP });
        worker.unref();
        const reader: Reader = { worker, pending: new Map(), templates: new Map() };
        worker.on('message', (reply: ReaderReply) => this.settle(reader, reply));
        // A thread that fails or ends takes no file with it: what it held is read here, and so is everything after.
        worker.on('error', (e) => this.fail(reader, e));
        worker.on('exit', () => this.fail(reader));
        readers.push(reader);
      }
    } catch {
      for (const r of readers) void r.worker.terminate();
      this.broken = true;
      return [];
    }
    return readers;
  }

  private settle(reader: Reader, reply: ReaderReply): void {
    const p = reader.pending.get(reply.id);
    if (!p) return;
    reader.pending.delete(reply.id);
    if (reader.pending.size === 0) reader.worker.unref();
    const { internalError, ...rest } = reply;
    const wire: WireRead = { ...rest, internalError: internalError === undefined ? undefined : errorOf(internalError) };
    if (wire.read && (!p.opts.templates(wire.read.templateId) || !this.stands(wire.read, p))) {
      p.resolve({ fr: this.here(p.bytes, p.opts, p.known, p.sha256) });
      return;
    }
    this.counts.threads++;
    p.resolve({ wire });
  }

  /**
   * A thread's read skipped the visible sheets for a key it was told is
   * registered for the sender; the register is read again now (the
   * thread's copy is a snapshot): if that key is no longer the unit's, the
   * file is read again here, comparing them.
   */
  private stands(read: Pick<WireWorkbook, 'visibleSkipped' | 'seal' | 'meta'>, p: Pending): boolean {
    if (!read.visibleSkipped || p.known?.visibleAgreed) return true;
    return read.seal.publicKey !== null && p.opts.registeredKey?.(read.meta.unitCode) === read.seal.publicKey;
  }

  private fail(reader: Reader, e?: unknown): void {
    if (!this.broken && e !== undefined) console.error('[import] a reader thread failed; reading on the main thread', e);
    this.broken = true;
    const pending = [...reader.pending.values()];
    reader.pending.clear();
    for (const p of pending) p.resolve({ fr: this.here(p.bytes, p.opts, p.known, p.sha256) });
    void reader.worker.terminate();
  }
}

let shared: ReadPool | undefined;

/** The process's reader threads, started with the first read. */
export function sharedReadPool(): ReadPool {
  return (shared ??= new ReadPool());
}
