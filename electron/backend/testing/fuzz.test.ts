import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz';
import { tempBackend, type TempBackend } from './tempBackend';

let b: TempBackend;
beforeAll(async () => {
  b = await tempBackend({ role: 'aggregator' });
});
afterAll(() => b.dispose());

describe('fuzzing the importer (seeded, bounded; npm run fuzz -- <count> for longer campaigns)', () => {
  it('300 mutants of real exports: no internal error, hang, English message, or file the dry run accepts and the apply refuses', async () => {
    const { failures, statuses } = await runFuzz(b, { seed: 13, count: 300 });
    expect(failures).toEqual([]);
    // The mutations reach past the zip: some files are still accepted, most are refused.
    expect(statuses.rejected).toBeGreaterThan(100);
    expect((statuses.new ?? 0) + (statuses.updated ?? 0) + (statuses.unchanged ?? 0)).toBeGreaterThan(0);
  }, 120_000);
});
