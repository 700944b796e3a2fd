/**
 * Where one API call's time goes, by phase. Browser mode gives each call a
 * recorder and answers with it as a Server-Timing header, so the page (and
 * `npm run bench -- grid`) can tell the server's part of a save — and of
 * that, the commit with its fsync — from the network's and the page's own.
 * The recorder travels with the call (AsyncLocalStorage), so the store
 * reports its commit without every layer in between passing it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallTiming {
  /** A part of the call, measured where it happens; parts named twice add up. */
  add(name: string, ms: number): void;
}

const current = new AsyncLocalStorage<CallTiming>();

/** Runs a call with its recorder; without one, just runs it. */
export function withCallTiming<T>(timing: CallTiming | undefined, run: () => T): T {
  return timing ? current.run(timing, run) : run();
}

/** Tells the running call's recorder, if it has one, how long a part took. */
export function addCallTime(name: string, ms: number): void {
  current.getStore()?.add(name, ms);
}
