import { describe, expect, it } from 'vitest';
import { englishWords, userTexts } from './englishWords';

describe('englishWords', () => {
  it('finds the English of library and JS errors', () => {
    expect(englishWords('无法解压：invalid distance too far back')).toEqual(['invalid', 'distance', 'too', 'far', 'back']);
    expect(englishWords('Invalid code point 99999999999')).toEqual(['Invalid', 'code', 'point']);
    expect(englishWords('的值 Infinity 不是整数')).toEqual(['Infinity']);
    expect(englishWords('SVG data parsing failed')).toEqual(['data', 'parsing', 'failed']);
  });

  it('lets formats, programs and codes through', () => {
    expect(englishWords('不是 Excel 工作簿（.xlsx），可能是 .xls、.csv 或 WPS 的 .et 文件')).toEqual([]);
    expect(englishWords('台账!E12：pub.total 的值，t2.fees:amount，模板 suining-2017，[bad_meta]，D01，50 MB')).toEqual([]);
    expect(englishWords('从 Word 粘贴带入的换行符')).toEqual([]);
    expect(englishWords('“Infinity”不是数字；✗ [encrypted] 工作簿已加密')).toEqual([]);
  });

  it('walks the texts people read in an answer', () => {
    expect(userTexts({ ok: false, error: { code: 'x', message: '甲' }, files: [{ problems: [{ message: '乙' }] }] })).toEqual([
      { at: '$.error.message', text: '甲' },
      { at: '$.files[0].problems[0].message', text: '乙' },
    ]);
  });
});
