/**
 * How many files each import.apply call takes. One file per call costs a
 * commit, a disk sync and a round trip each: 500 files took seconds longer
 * than their work. Calls grow until each takes about a quarter of a second,
 * so the progress bar still moves several times a second and 停止 still
 * takes effect between calls.
 */
export const TARGET_MS = 250;
export const MAX_FILES = 100;

/** The next call's file count, from the last call's count and how long it took. */
export function nextApplyCount(last: number, elapsedMs: number): number {
  if (!(elapsedMs > 0)) return Math.min(MAX_FILES, last * 2);
  const paced = Math.round((last * TARGET_MS) / elapsedMs);
  // At most double per call: one fast file says little about the next ones.
  return Math.max(1, Math.min(MAX_FILES, last * 2, paced));
}
