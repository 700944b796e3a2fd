import { describe, expect, it } from 'vitest';
import { addCallTime, withCallTiming, type CallTiming } from './callTiming';

const recorder = () => {
  const heard: [string, number][] = [];
  const timing: CallTiming = { add: (name, ms) => heard.push([name, ms]) };
  return { heard, timing };
};

describe('call timing', () => {
  it('reaches the recorder of the call it runs in, across awaits, and no other', async () => {
    const a = recorder();
    const b = recorder();
    const call = (timing: CallTiming, ms: number) =>
      withCallTiming(timing, async () => {
        await new Promise((r) => setTimeout(r, ms));
        addCallTime('commit', ms);
      });
    // Interleaved: b's part is reported while a still waits.
    await Promise.all([call(a.timing, 20), call(b.timing, 5)]);
    expect(a.heard).toEqual([['commit', 20]]);
    expect(b.heard).toEqual([['commit', 5]]);
  });

  it('is silent outside a timed call (the desktop app and the CLI time nothing), even while one is waiting', async () => {
    const a = recorder();
    const pending = withCallTiming(a.timing, () => new Promise((r) => setTimeout(r, 10)));
    addCallTime('commit', 3);
    expect(withCallTiming(undefined, () => 7)).toBe(7);
    await pending;
    expect(a.heard).toEqual([]);
  });
});
