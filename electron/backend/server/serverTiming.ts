/**
 * A call's phases as a Server-Timing header (read by the page through
 * PerformanceResourceTiming.serverTiming): read (the request body), parse
 * (its JSON), validate (zod, roles), handler (the work, including the
 * SQLite transaction), json (the answer's serialisation), total (from the
 * request's arrival to the header being written). `commit` is the part of
 * handler spent committing (COMMIT with the WAL's fsync).
 */
import { performance } from 'node:perf_hooks';
import type { CallTiming } from '../store/callTiming';

/** Phases that are parts of another phase, not phases of their own: said in the header's desc. */
const PART_OF: Record<string, string> = { commit: 'handler' };

export class ServerTiming implements CallTiming {
  private readonly start = performance.now();
  private last = this.start;
  private readonly phases: [string, number][] = [];

  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }

  add(name: string, ms: number): void {
    const found = this.phases.find(([n]) => n === name);
    if (found) found[1] += ms;
    else this.phases.push([name, ms]);
  }

  header(): string {
    const all: [string, number][] = [...this.phases, ['total', performance.now() - this.start]];
    return all.map(([name, ms]) => `${name};dur=${ms.toFixed(2)}${PART_OF[name] ? `;desc="part of ${PART_OF[name]}"` : ''}`).join(', ');
  }
}
