/**
 * Where a browser-mode call's time went on the server, as a Server-Timing
 * header (the page reads it in PerformanceResourceTiming.serverTiming; the
 * grid and import-ui benches print it beside the network's time):
 *
 *   body   receiving the request body
 *   call   the call: its JSON parsed, checked (zod, roles) and handled
 *   json   writing the answer as JSON
 *   total  from the body's first byte awaited to the answer's header
 *
 * and parts of `call` measured where they happen, each with desc="part of
 * call": validate (zod and roles), commit (the SQLite COMMIT with the WAL's
 * fsync, for calls that write values).
 */
import { performance } from 'node:perf_hooks';
import { measuredText } from '../../../shared/values/numberFormat';
import type { CallTiming } from '../store/callTiming';

export class ServerTiming implements CallTiming {
  private readonly start = performance.now();
  private last = this.start;
  private readonly phases: [string, number][] = [];
  private readonly parts: [string, number][] = [];

  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }

  add(name: string, ms: number): void {
    const found = this.parts.find(([n]) => n === name);
    if (found) found[1] += ms;
    else this.parts.push([name, ms]);
  }

  header(): string {
    const entry = (name: string, ms: number, desc?: string) => `${name};dur=${measuredText(ms, 2)}${desc ? `;desc="${desc}"` : ''}`;
    return [
      ...this.phases.map(([n, ms]) => entry(n, ms)),
      ...this.parts.map(([n, ms]) => entry(n, ms, 'part of call')),
      entry('total', performance.now() - this.start),
    ].join(', ');
  }
}
