/**
 * Import batches held by the backend between the UI's calls (add files →
 * dry run → apply a few at a time). Batches are in memory only: nothing is
 * written until applied, and an abandoned batch is dropped after an hour.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BatchSummary, FilePlan, FileStatus } from '../../../shared/api/methods/import';
import { applyFile, type ApplyTarget } from './applyFile';
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
   * Their originals are written meanwhile (originals.ts); the commit waits
   * for them, and one that cannot be kept rolls the call back.
   */
  applyNext(t: ApplyTarget, count: number, opts: { originalsThread?: 'worker' | 'caller' } = {}): FilePlan[] {
    const conflicts = batchConflicts(this.files);
    const files = this.pending().slice(0, count);
    const originals = keepOriginals(
      files.map((f) => ({ file: originalPath(t.dataDir, f.sha256).abs, bytes: f.bytes })),
      { thread: opts.originalsThread },
    );
    try {
      return t.db.transaction(() => {
        const plans = files.map((f) => applyFile(t, f, this.opts, conflicts.get(f.index)));
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
      throw e;
    }
  }

  summary(plans: FilePlan[]): BatchSummary {
    const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, superseded: 0, rejected: 0 };
    for (const p of plans) counts[p.status]++;
    return { batchId: this.id, files: this.files.length, applied: this.files.filter((f) => f.applied).length, counts };
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
