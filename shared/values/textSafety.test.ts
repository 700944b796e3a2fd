import { describe, expect, it } from 'vitest';
import { toTsv } from '../charts/table';
import { escapeXml } from '../charts/breakdownSvg';
import { unitNameSchema } from '../api/common';
import { delimitedCell, hasControlChars, stripControlChars, terminalText, toDelimited } from './textSafety';

describe('text that leaves the app', () => {
  it('neutralises formula-leading cells in every delimited text (OWASP: prefix \')', () => {
    for (const bad of ['=1+1', '+86 123', '-2', '@SUM(A1)', '=HYPERLINK("http://x","点击")']) expect(delimitedCell(bad)).toBe(`'${bad}`);
    expect(delimitedCell('市财政局')).toBe('市财政局');
    expect(delimitedCell(-2)).toBe('-2');
    expect(delimitedCell('a\tb\r\nc')).toBe('a b c');
    expect(delimitedCell('\t=x')).toBe(' =x');
    expect(toDelimited([['单位', '=cmd|\' /C calc\'!A0'], ['x', 3]])).toBe("单位\t'=cmd|' /C calc'!A0\r\nx\t3");
    expect(toTsv({ head: ['类别', '条数'], rows: [['=1+2', 5]] })).toBe("类别\t条数\r\n'=1+2\t5\r\n");
  });

  it('refuses a name with a control character and strips controls from XML text', () => {
    expect(hasControlChars('市\u000b财政局')).toBe(true);
    expect(hasControlChars('市财政局')).toBe(false);
    const r = unitNameSchema.safeParse('市\u000b财政局');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/^单位名称含有不可见的控制字符/);
    expect(stripControlChars('市\u000b财\u0000政局\t')).toBe('市财政局\t');
    expect(escapeXml('市\u000b财政局 & 1')).toBe('市财政局 &amp; 1');
  });

  it('drops stored control characters from delimited cells (催报 text, copy as table)', () => {
    expect(delimitedCell('市\u000b财政局')).toBe('市财政局');
    expect(delimitedCell('\u000b=1+1')).toBe("'=1+1");
    expect(toDelimited([['市\u001b[31m财政局', 1]])).toBe('市[31m财政局\t1');
  });

  it('keeps terminal escapes out of what the command line prints', () => {
    expect(terminalText('市\u001b]0;窗口标题\u0007财政局')).toBe('市]0;窗口标题财政局');
    expect(terminalText('a\u009b31mb\rc')).toBe('a31mbc');
    expect(terminalText('第一行\n\t第二行')).toBe('第一行\n\t第二行');
  });
});
