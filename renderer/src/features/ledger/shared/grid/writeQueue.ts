/**
 * Saves leave one at a time, in the order they were made, so a later
 * keystroke can never be overtaken by an earlier one. A job given to an idle
 * queue starts at once (synchronously), so its request is on its way before
 * the UI re-renders for the edit; a failed job does not hold up the next.
 */
export interface WriteQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs started or waiting and not yet settled. */
  readonly pending: number;
}

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const start = <T>(job: () => Promise<T>): Promise<T> => {
    try {
      return job();
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return {
    get pending() {
      return pending;
    },
    run<T>(job: () => Promise<T>): Promise<T> {
      const idle = pending === 0;
      pending++;
      const p = (idle ? start(job) : tail.then(() => start(job))).finally(() => pending--);
      tail = p.catch(() => undefined);
      return p;
    },
  };
}
