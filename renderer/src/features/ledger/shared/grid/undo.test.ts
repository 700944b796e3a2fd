import { describe, expect, it } from 'vitest';
import { emptyStack, MAX_STEPS, planRedo, planUndo, pushStep } from './undo';

describe('undo stack', () => {
  it('undoes a paste as one step, then redoes it; a new edit clears redo', () => {
    let s = pushStep(emptyStack, [{ key: 'a|1', before: null, after: 1 }]);
    s = pushStep(s, [
      { key: 'a|2', before: 5, after: 2 },
      { key: 'a|3', before: null, after: 3 },
    ]);
    const u = planUndo(s)!;
    expect(u.writes).toEqual([
      { key: 'a|2', value: 5 },
      { key: 'a|3', value: null },
    ]);
    s = u.next;
    const r = planRedo(s)!;
    expect(r.writes).toEqual([
      { key: 'a|2', value: 2 },
      { key: 'a|3', value: 3 },
    ]);
    s = pushStep(planUndo(r.next)!.next, [{ key: 'b|1', before: null, after: 7 }]);
    expect(planRedo(s)).toBeNull();
    expect(s.past).toHaveLength(2);
  });

  it('ignores steps that changed nothing, and stops at the bottom', () => {
    expect(pushStep(emptyStack, [{ key: 'a|1', before: 3, after: 3 }])).toBe(emptyStack);
    expect(planUndo(emptyStack)).toBeNull();
  });
});

describe('undo stack depth', () => {
  it('keeps the last MAX_STEPS steps, dropping the oldest', () => {
    let s = emptyStack;
    for (let i = 0; i <= MAX_STEPS; i++) s = pushStep(s, [{ key: `a|${(i % 12) + 1}`, before: i, after: i + 1 }]);
    expect(s.past).toHaveLength(MAX_STEPS);
    expect(s.past[0][0].before).toBe(1);
  });
});
