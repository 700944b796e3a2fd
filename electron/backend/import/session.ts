/**
 * Import batches held by the backend between the UI's calls (add files →
 * dry run → apply a few at a time). Batches are in memory only: nothing is
 * written until applied, and an abandoned batch is dropped after an hour.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BatchSummary, FilePlan, FileStatus } from '../../../shared/api/methods/import';
import fs from 'node:fs';
import { applyFile, type ApplyTarget, refuseAtApply } from './applyFile';
import { storageFailure } from '../store/storageErrors';
import type { ImportProblem } from '../workbook/problems';
import { keepOriginals, originalPath } from './originals';
import { ImportRefusal } from '../workbook/problems';
import type { ReadWorkbook } from './readWorkbook';
import { prepared } from '../store/prepared';
import { AddTurns } from './addTurns';
import type { FileRead } from './readFile';
import type { PoolReadOptions, ReaderContext, ReadPool } from './readPool';
import { packedSize, packRead } from './readWire';
import {
  batchFileOf,
  batchOverlay,
  type BatchFile,
  type BatchOptions,
  bytesOf,
  findingsOf,
  noteConflicts,
  type Overlay,
  planInBatch,
  readBatchFile,
  UnitMonthIndex,
} from './batch';

const MAX_AGE_MS = 60 * 60 * 1000;
const MAX_BATCHES = 8;

/**
 * How much of its files as read a batch may keep for applying them, packed
 * (readWire.ts packedSize). Reading a file again was two thirds of applying
 * it; packed, a year of a department is about 28 KiB, so the bench's 500
 * workbooks keep about 14 MiB and apply without a second read, while a
 * province's batch keeps its first thousand files and reads the rest again:
 * memory stays bounded (the CLI's 10,000-workbook goal is 300 MiB in all).
 */
export const KEPT_READS_BYTES = 32 * 1024 * 1024;


/**
 * What the store looked like: changed by another connection (data_version) or
 * by this one (total_changes). Previews made at one stamp hold at the same one.
 */
function storeStamp(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${changes}`;
}

export class ImportBatch {
  readonly id = randomUUID();
  readonly files: BatchFile[] = [];
  readonly createdAt = Date.now();
  backupDone = false;
  /** Every unit-month the batch's files state: batch conflicts and the dry run's overlay. */
  private readonly unitMonths = new UnitMonthIndex();
  private readonly conflicts = new Map<number, string>();
  private overlay: Overlay;
  /** The store stamp every file's preview was made at, in order over one overlay; undefined when they must be made again. */
  private plannedAt: string | undefined;
  /** Calls waiting for their turn to add files (import.add `at`). */
  private readonly turns = new AddTurns();
  /** Previews import.add answered: import.plan({omitSent}) leaves them out while they are still the dry run. */
  private readonly sent = new WeakSet<FilePlan>();
  /** Estimated bytes of each file kept as read (by index), until it is applied. */
  private readonly kept = new Map<number, number>();
  private keptBytes = 0;
  private readerContext: ReaderContext | undefined;

  constructor(
    readonly opts: BatchOptions,
    /** Up to how many bytes of its files as read the batch keeps for applying (0: every file is read again). */
    private readonly keepReads = 0,
  ) {
    this.overlay = batchOverlay(this.files, opts, this.unitMonths);
  }

  /**
   * Reads a file into the batch. Given the store, the file is planned at
   * once (after the files before it), so the dry run is ready when the last
   * file is in, and its values are not kept: only its plan and facts. The
   * bytes stay in the batch, or, given `keep.path`, are read again from there
   * when the file is applied.
   */
  add(name: string, bytes: Uint8Array, db?: Database.Database, keep: { path?: string } = {}): BatchFile {
    const { file, read } = readBatchFile(this.files.length, name, bytes, this.opts, keep);
    this.push(file, db, read);
    return file;
  }

  /** A file read already, on a reader thread (readPool.ts): added as `add` would. */
  addRead(name: string, bytes: Uint8Array, fr: FileRead, db?: Database.Database, keep: { path?: string } = {}): BatchFile {
    const { file, read } = batchFileOf(this.files.length, name, bytes, fr, keep);
    this.push(file, db, read);
    return file;
  }

  /**
   * Reads these pending files again on reader threads, ahead of applyNext
   * (which takes a file as read instead of reading it): while the batch's
   * thread writes one chunk, the threads read the next. Each file's bytes
   * must hash as at the dry run; one that does not is left for applyNext,
   * which says why. Without reader threads (no opts.readerContext, or a pool
   * without threads) nothing is read ahead.
   */
  async readAhead(files: BatchFile[], pool: ReadPool): Promise<void> {
    const opts = this.poolOptions();
    // Read on this thread, a file is as quickly read by applyNext itself.
    if (!opts || !pool.threaded()) return;
    await Promise.all(
      files.map(async (f) => {
        if (f.read || f.kept || f.applied || f.refusal || f.unread || !f.facts) return;
        let bytes: Uint8Array;
        try {
          bytes = bytesOf(f);
        } catch {
          return;
        }
        const r = await pool.readPacked(bytes, opts, f.facts, f.sha256);
        // Not a read that skipped the visible sheets for a registered key (keep(): the key may be cleared before applying).
        if (r.packed && !f.applied && !f.read && !f.kept && !(r.packed.visibleSkipped && !f.facts.visibleAgreed)) f.kept = r.packed;
      }),
    );
  }

  /**
   * How reader threads read this batch's files (undefined: on the caller's
   * thread). Their context is made once and again after files are applied
   * (applying may register keys).
   */
  poolOptions(): PoolReadOptions | undefined {
    const make = this.opts.readerContext;
    if (!make) return undefined;
    return { ...this.opts, context: () => (this.readerContext ??= make()) };
  }

  /** A file refused before it was read (readInputFile): listed and logged with the batch, no original kept. */
  addUnread(name: string, size: number, problem: ImportProblem, db?: Database.Database): BatchFile {
    const f: BatchFile = { index: this.files.length, name, size, sha256: '', refusal: problem, unread: { size } };
    this.push(f, db, undefined);
    return f;
  }

  /**
   * Marks files the office accepts (by index, and with allNewKeys every file
   * whose last dry run showed 新密钥), among those not yet applied whose dry run
   * offered it. Returns how many are marked.
   */
  accept(indexes: number[], allNewKeys: boolean): number {
    const wanted = new Set(indexes);
    let marked = 0;
    for (const f of this.files) {
      if (f.applied || !f.preview?.seal?.acceptable) continue;
      if (wanted.has(f.index) || (allNewKeys && f.preview.seal.state === 'new_key')) {
        f.accepted = true;
        marked++;
      }
    }
    // Accepting changes this file's plan and the ones after it (a key registered, months it now supersedes).
    if (marked) this.plannedAt = undefined;
    return marked;
  }

  private push(f: BatchFile, db: Database.Database | undefined, read: BatchFile['read']): void {
    this.files.push(f);
    if (read) this.keep(f, read);
    // A conflict with an earlier file changes that file's preview: the batch is planned again as a whole.
    if (noteConflicts(this.unitMonths, this.files, this.conflicts, f).length) this.plannedAt = undefined;
    if (!db) return;
    const stamp = storeStamp(db);
    if (this.files.length === 1) this.plannedAt = stamp;
    if (this.plannedAt !== stamp) {
      this.plannedAt = undefined;
      return;
    }
    planInBatch(db, this.files, f, this.opts, this.conflicts, this.overlay, read);
  }

  /**
   * Resolves when the batch holds exactly `at` files, so that files sent in
   * overlapping calls take their places in the order sent (addTurns.ts).
   */
  turn(at: number, timeoutMs?: number): Promise<void> {
    return this.turns.turn(at, this.files.length, timeoutMs);
  }

  /** Lets the call whose turn it now is go on (after a call added its files). */
  nextTurn(): void {
    this.turns.next(this.files.length);
  }

  /** The batch is dropped: calls waiting for their turn fail. */
  close(): void {
    this.turns.close();
  }

  /**
   * Keeps the file as read, packed, for applying it (readAgain unpacks f.kept), within
   * the batch's budget. Applying still checks that its bytes hash as when
   * they were read (changed_since_planned) and plans it again against the
   * store. Not a read that may have skipped the visible sheets (sealed by
   * the key registered for its unit): should the office clear that key
   * before applying, reading it again compares them.
   */
  private keep(f: BatchFile, r: ReadWorkbook): void {
    if (r.visibleSkipped || this.keepReads === 0) return;
    // Packed: a figure is 8 bytes in a Float64Array instead of a Map entry's ≈ 150 (readWire.ts).
    const packed = packRead(r);
    const size = packedSize(packed);
    if (this.keptBytes + size > this.keepReads) return;
    f.kept = packed;
    this.kept.set(f.index, size);
    this.keptBytes += size;
  }

  /** Lets go of the kept reads of files applied (or refused while applying), read ahead or within the budget (which is freed). */
  private release(files: BatchFile[]): void {
    for (const f of files) {
      if (!f.applied) continue;
      f.kept = undefined;
      const size = this.kept.get(f.index);
      if (size === undefined) continue;
      this.kept.delete(f.index);
      this.keptBytes -= size;
    }
  }

  /**
   * The previews of these files (just added) to answer now: only when every
   * preview of the batch still holds (a file added later in the same call may
   * have made an earlier one wrong: then none, and plan() makes them again).
   */
  sendPreviews(files: BatchFile[]): FilePlan[] {
    if (this.plannedAt === undefined) return [];
    const plans = files.flatMap((f) => (f.preview ? [f.preview] : []));
    for (const p of plans) this.sent.add(p);
    return plans;
  }

  /** Whether import.add answered this very plan (a file planned again has a new one). */
  wasSent(p: FilePlan): boolean {
    return this.sent.has(p);
  }

  /** The dry run: the previews made as files came in when the store is as it was then; else every file planned again, one at a time. */
  plan(db: Database.Database): FilePlan[] {
    const stamp = storeStamp(db);
    if (this.plannedAt !== stamp || this.files.some((f) => !f.preview && !f.applied)) {
      // Conflicts between files were found as they came in (noteConflicts): they do not depend on the store.
      this.overlay = batchOverlay(this.files, this.opts, this.unitMonths);
      for (const f of this.files) planInBatch(db, this.files, f, this.opts, this.conflicts, this.overlay);
      this.plannedAt = stamp;
    }
    return this.files.map((f) => f.applied ?? f.preview!);
  }

  /** Every finding of file `index` (its plan keeps the first of each kind: batch.ts keptPlan); undefined before its dry run. */
  findings(index: number): Pick<FilePlan, 'problems' | 'differences' | 'violations'> | undefined {
    const f = this.files[index];
    return f && (f.applied ?? f.preview) ? findingsOf(f, this.opts) : undefined;
  }

  /** Files not yet applied, in order. */
  pending(): BatchFile[] {
    return this.files.filter((f) => !f.applied);
  }

  /**
   * Applies the next `count` files, each all or nothing (a savepoint of its
   * own), committed together when the call returns: what the call reports
   * as applied is on disk, and one sync serves them all instead of one each.
   * A file that still fails while being written (a value the store refuses)
   * rolls back alone and is logged as refused; the rest go on. Originals are
   * written meanwhile (originals.ts); the commit waits for them, and one that
   * cannot be kept rolls the call back, removing the copies it left that no
   * log entry names.
   */
  applyNext(t: ApplyTarget, count: number, opts: { originalsThread?: 'worker' | 'caller' } = {}): FilePlan[] {
    const files = this.pending().slice(0, count);
    this.readerContext = undefined;
    // This call's bytes only: held by the batch, or read again from disk (refused if the file changed since its dry run).
    const chunk = files.map((f) => ({ f, bytes: f.unread ? undefined : loadBytes(f) }));
    const originals = keepOriginals(
      chunk.flatMap(({ f, bytes }) => (bytes ? [{ file: originalPath(t.dataDir, f.sha256).abs, bytes }] : [])),
      { thread: opts.originalsThread },
    );
    try {
      const plans = t.db.transaction(() => {
        const plans = chunk.map(({ f, bytes }) => applyOrRefuse(t, f, bytes, this.opts, this.conflicts.get(f.index)));
        originals.wait();
        return plans;
      }).immediate();
      this.release(files);
      // Committed: the applied plan is the file's plan now (a province's batch kept both).
      for (const f of files) f.preview = undefined;
      return plans;
    } catch (e) {
      // Rolled back as a whole: none of these files is applied after all.
      for (const f of files) f.applied = undefined;
      try {
        originals.wait();
      } catch {
        // the call has failed already; this is only to release the wait
      }
      dropUnloggedOriginals(t, files);
      this.release(files);
      throw e;
    }
  }

  summary(plans: FilePlan[]): BatchSummary {
    const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, superseded: 0, rejected: 0 };
    for (const p of plans) counts[p.status]++;
    return { batchId: this.id, files: this.files.length, applied: this.files.filter((f) => f.applied).length, counts };
  }
}

/** A file's bytes for applying, or undefined with the reason kept as its refusal (it changed or went away since its dry run). */
function loadBytes(f: BatchFile): Uint8Array | undefined {
  try {
    return bytesOf(f);
  } catch (e) {
    if (e instanceof ImportRefusal) f.refusal = e.problem;
    else f.refusal = { code: 'unreadable', message: `文件在预演之后无法再读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），请重新导入` };
    return undefined;
  }
}

/** applyFile, or, when writing the file fails, the file refused and logged on its own (its savepoint rolled back). */
function applyOrRefuse(t: ApplyTarget, f: BatchFile, bytes: Uint8Array | undefined, opts: BatchOptions, conflict: string | undefined): FilePlan {
  try {
    return applyFile(t, f, bytes, opts, conflict);
  } catch (e) {
    // A full disk or a read-only file is the data file's fault, not this workbook's: the whole call fails with its message.
    if (storageFailure(e)) throw e;
    return refuseAtApply(t, f, e, bytes !== undefined);
  }
}

/** Copies of this call's files that no log entry names (content-addressed: one an earlier import logged stays). */
function dropUnloggedOriginals(t: ApplyTarget, files: BatchFile[]): void {
  for (const f of files) {
    if (f.unread) continue;
    const { rel, abs } = originalPath(t.dataDir, f.sha256);
    if (t.db.prepare('SELECT 1 FROM import_log WHERE stored_path = ? LIMIT 1').get(rel) !== undefined) continue;
    try {
      fs.rmSync(abs, { force: true });
    } catch {
      // a copy that cannot be removed is harmless: named by its hash, a later import of the file reuses it
    }
  }
}

export class ImportSessions {
  private readonly batches = new Map<string, ImportBatch>();

  begin(opts: BatchOptions): ImportBatch {
    const now = Date.now();
    for (const [id, b] of this.batches) if (now - b.createdAt > MAX_AGE_MS) this.batches.delete(id);
    while (this.batches.size >= MAX_BATCHES) this.discard(this.batches.keys().next().value!);
    const b = new ImportBatch(opts, KEPT_READS_BYTES);
    this.batches.set(b.id, b);
    return b;
  }

  get(id: string): ImportBatch | undefined {
    return this.batches.get(id);
  }

  discard(id: string): boolean {
    this.batches.get(id)?.close();
    return this.batches.delete(id);
  }
}
