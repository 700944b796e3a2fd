import { describe, expect, it } from 'vitest';
import { shownText } from './cellStates';
import { OptimisticEntries } from './optimistic';

describe('optimistic entries', () => {
  it('counts a value being saved at once, and keeps it once saved', () => {
    const e = new OptimisticEntries();
    const stored = new Map([['a|1', 5]]);
    const attempt = e.begin('a|1', '7', 7);
    expect(e.value('a|1', stored)).toBe(7);
    expect(shownText(e.get('a|1'), '5')).toBe('7');
    expect(e.counts()).toEqual({ invalid: 0, unsaved: 1 });
    expect(e.confirm('a|1', attempt)).toBe(true);
    stored.set('a|1', 7);
    expect(e.get('a|1')).toEqual({ kind: 'saved' });
    expect(e.value('a|1', stored)).toBe(7);
    expect(e.counts()).toEqual({ invalid: 0, unsaved: 0 });
  });

  it('rolls the figure back on a refused save and keeps the typed text, marked with the reason', () => {
    const e = new OptimisticEntries();
    const stored = new Map([['a|4', 10]]);
    const attempt = e.begin('a|4', '12', 12);
    expect(e.refuse('a|4', attempt, '4月已标记完成')).toBe(true);
    expect(e.value('a|4', stored)).toBe(10);
    expect(e.get('a|4')).toEqual({ kind: 'invalid', raw: '12', message: '4月已标记完成' });
    expect(shownText(e.get('a|4'), '10')).toBe('12');
    expect(e.counts()).toEqual({ invalid: 1, unsaved: 1 });
  });

  it('a clearing entry counts as empty while it saves', () => {
    const e = new OptimisticEntries();
    e.begin('a|2', '', null);
    expect(e.value('a|2', new Map([['a|2', 3]]))).toBeUndefined();
  });

  it('settles only the attempt an answer belongs to: a newer entry is never overwritten by an older answer', () => {
    const e = new OptimisticEntries();
    const first = e.begin('a|1', '1', 1);
    const second = e.begin('a|1', '2', 2);
    expect(e.confirm('a|1', first)).toBe(false);
    expect(e.refuse('a|1', first, 'x')).toBe(false);
    expect(e.get('a|1')).toBe(second);
    expect(e.value('a|1', new Map())).toBe(2);
    expect(e.confirm('a|1', second)).toBe(true);
  });

  it('notes states reached without saving', () => {
    const e = new OptimisticEntries();
    e.note('a|1', { kind: 'invalid', raw: 'abc', message: '不是数字' });
    e.note('a|2', { kind: 'saved' });
    expect(e.counts()).toEqual({ invalid: 1, unsaved: 1 });
    expect(e.isSaving('a|1')).toBe(false);
  });
});
