import { describe, expect, it } from 'vitest';
import { wrapLabel } from './WrappedTick';

describe('wrapLabel', () => {
  it('wraps long Chinese names without dropping a character', () => {
    const name = '遂宁市人民政府办公室（2017年演示数据）';
    const lines = wrapLabel(name, 8);
    expect(lines.every((l) => [...l].length <= 8)).toBe(true);
    expect(lines.join('')).toBe(name);
    expect(lines).toHaveLength(3);
  });
  it('keeps a short name on one line and an empty one as one empty line', () => {
    expect(wrapLabel('概况信息', 8)).toEqual(['概况信息']);
    expect(wrapLabel('', 8)).toEqual(['']);
  });
});
