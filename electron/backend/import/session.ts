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
import { batchConflicts, type BatchFile, type BatchOptions, planBatch, readBatchFile } from './batch';

const MAX_AGE_MS = 60 * 60 * 1000;
const MAX_BATCHES = 8;

export class ImportBatch {
  readonly id = randomUUID();
  readonly files: BatchFile[] = [];
  readonly createdAt = Date.now();
  backupDone = false;

  constructor(readonly opts: BatchOptions) {}

  add(name: string, bytes: Uint8Array): BatchFile {
    const f = readBatchFile(this.files.length, name, bytes, this.opts);
    this.files.push(f);
    return f;
  }

  /** A file refused before it was read (readInputFile): listed and logged with the batch, no original kept. */
  addUnread(name: string, size: number, problem: ImportProblem): BatchFile {
    const f: BatchFile = { index: this.files.length, name, bytes: new Uint8Array(0), sha256: '', refusal: problem, unread: { size } };
    this.files.push(f);
    return f;
  }

  plan(db: Database.Database): FilePlan[] {
    return planBatch(db, this.files, this.opts);
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
    const conflicts = batchConflicts(this.files);
    const files = this.pending().slice(0, count);
    const originals = keepOriginals(
      files.filter((f) => !f.unread).map((f) => ({ file: originalPath(t.dataDir, f.sha256).abs, bytes: f.bytes })),
      { thread: opts.originalsThread },
    );
    try {
      return t.db.transaction(() => {
        const plans = files.map((f) => applyOrRefuse(t, f, this.opts, conflicts.get(f.index)));
        originals.wait();
        return plans;
      }).immediate();
    } catch (e) {
      // Rolled back as a whole: none of these files is applied after all.
      for (const f of files) f.applied = undefined;
      try {
        originals.wait();
      } catch {
        // the call has failed already; this is only to release the wait
      }
      dropUnloggedOriginals(t, files);
      throw e;
    }
  }

  summary(plans: FilePlan[]): BatchSummary {
    const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, superseded: 0, rejected: 0 };
    for (const p of plans) counts[p.status]++;
    return { batchId: this.id, files: this.files.length, applied: this.files.filter((f) => f.applied).length, counts };
  }
}

/** applyFile, or, when writing the file fails, the file refused and logged on its own (its savepoint rolled back). */
function applyOrRefuse(t: ApplyTarget, f: BatchFile, opts: BatchOptions, conflict: string | undefined): FilePlan {
  try {
    return applyFile(t, f, opts, conflict);
  } catch (e) {
    // A full disk or a read-only file is the data file's fault, not this workbook's: the whole call fails with its message.
    if (storageFailure(e)) throw e;
    return refuseAtApply(t, f, e);
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
    while (this.batches.size >= MAX_BATCHES) this.batches.delete(this.batches.keys().next().value!);
    const b = new ImportBatch(opts);
    this.batches.set(b.id, b);
    return b;
  }

  get(id: string): ImportBatch | undefined {
    return this.batches.get(id);
  }

  discard(id: string): boolean {
    return this.batches.delete(id);
  }
}
