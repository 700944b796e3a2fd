import { describe, expect, it } from 'vitest';
import { wrapLabel } from './WrappedTick';

describe('wrapLabel', () => {
  it('wraps long Chinese names without dropping a character', () => {
    const name = '遂宁市人民政府办公室（2017年演示数据）';
    const lines = wrapLabel(name, 8);
    expect(lines.every((l) => [...l].length <= 8)).toBe(true);
    expect(lines.join('')).toBe(name);
    expect(lines).toEqual(['遂宁市人民政府办', '公室（2017年', '演示数据）']);
  });
  it('never breaks a number or a Latin word', () => {
    expect(wrapLabel('1. 遂宁市（2017年演示数据）', 10)).toEqual(['1. 遂宁市（', '2017年演示数据）']);
  });
  it('keeps a short name on one line and an empty one as one empty line', () => {
    expect(wrapLabel('概况信息', 8)).toEqual(['概况信息']);
    expect(wrapLabel('', 8)).toEqual(['']);
  });
});
