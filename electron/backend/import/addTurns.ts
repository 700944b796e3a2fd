/**
 * The order of overlapping import.add calls: the page sends its next chunk
 * before the last is answered, and each call says where its files go
 * (`at`); a call ahead of its turn waits for the ones before it.
 */

/** How long a call that came ahead of its turn waits for the ones before it. */
const TURN_TIMEOUT_MS = 60_000;

/** A call adding files could not take its place in the batch (its Chinese message says why). */
export class ImportTurnError extends Error {}

export class AddTurns {
  /** Calls waiting, by the index their first file takes. */
  private readonly waiting = new Map<number, { go: () => void; fail: (e: Error) => void }>();

  /**
   * Resolves when the batch holds exactly `at` files (it holds `held` now).
   * Rejects when `at` is taken already, when the calls before it do not come
   * within `timeoutMs` (one failed), or when the batch is discarded.
   */
  turn(at: number, held: number, timeoutMs = TURN_TIMEOUT_MS): Promise<void> {
    if (at === held) return Promise.resolve();
    if (at < held || this.waiting.has(at)) return Promise.reject(new ImportTurnError('这些文件的位置已被占用，请重新选择文件'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(at);
        reject(new ImportTurnError('前面的文件没有送达，请重新选择文件'));
      }, timeoutMs);
      this.waiting.set(at, {
        go: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  /** Lets the call whose turn it is now (the batch holds `held` files) go on. */
  next(held: number): void {
    const w = this.waiting.get(held);
    if (!w) return;
    this.waiting.delete(held);
    w.go();
  }

  /** Every waiting call fails. */
  close(): void {
    for (const w of this.waiting.values()) w.fail(new ImportTurnError('导入批次已放弃'));
    this.waiting.clear();
  }
}
