import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './writeQueue';

/** A job whose end the test decides. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('write queue', () => {
  it('starts a job on an idle queue at once, before any await', () => {
    const q = createWriteQueue();
    let started = false;
    void q.run(async () => {
      started = true;
    });
    expect(started).toBe(true);
  });

  it('runs jobs one at a time in the order given, even when an earlier one is slower', async () => {
    const q = createWriteQueue();
    const log: string[] = [];
    const slow = deferred<void>();
    const a = q.run(async () => {
      log.push('a start');
      await slow.promise;
      log.push('a end');
    });
    const b = q.run(async () => {
      log.push('b');
    });
    expect(q.pending).toBe(2);
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    slow.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b']);
    expect(q.pending).toBe(0);
  });

  it('goes on after a failed job, and hands each caller its own outcome', async () => {
    const q = createWriteQueue();
    const first = q.run(() => Promise.reject(new Error('refused')));
    const thrown = q.run(() => {
      throw new Error('sync');
    });
    const second = q.run(async () => 42);
    await expect(first).rejects.toThrow('refused');
    await expect(thrown).rejects.toThrow('sync');
    await expect(second).resolves.toBe(42);
    expect(q.pending).toBe(0);
  });
});
