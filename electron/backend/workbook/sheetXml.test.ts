import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { parseSharedStrings as parseText, parseSheetCells, unescapeXml } from './sheetXml';

const parseSharedStrings = (xml: string) => parseText(Buffer.from(xml)).toArray();

const sst = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">${items}</sst>`;

describe('shared strings', () => {
  it('reads plain items (the fast path) with entities and preserved spaces', () => {
    expect(parseSharedStrings(sst('<si><t>主动公开</t></si><si><t xml:space="preserve"> a &amp; b </t></si><si><t>pub.total=5;fee=1.50</t></si>'))).toEqual([
      '主动公开',
      ' a & b ',
      'pub.total=5;fee=1.50',
    ]);
  });

  it('reads rich text runs and drops phonetic runs (whichever item comes first)', () => {
    const rich = '<si><r><rPr><b/></rPr><t>加粗</t></r><r><t>正文</t></r></si>';
    const phonetic = '<si><t>遂宁</t><rPh sb="0" eb="2"><t>スイネイ</t></rPh></si>';
    expect(parseSharedStrings(sst(`<si><t>一</t></si>${rich}${phonetic}`))).toEqual(['一', '加粗正文', '遂宁']);
    expect(parseSharedStrings(sst(`${rich}<si><t>一</t></si>`))).toEqual(['加粗正文', '一']);
  });

  it('reads prefixed tags, empty items and an empty table', () => {
    expect(parseSharedStrings('<x:sst xmlns:x="m"><x:si><x:t>甲</x:t></x:si><x:si/></x:sst>')).toEqual(['甲', '']);
    expect(parseSharedStrings(sst('<si><t/></si><si><t>乙</t></si>'))).toEqual(['', '乙']);
    expect(parseSharedStrings(sst(''))).toEqual([]);
  });
});

describe('hostile XML: every parser linear, limits refused early, only needed strings kept', () => {
  const sheet = (body: string) => `<worksheet><sheetData>${body}</sheetData></worksheet>`;

  // Each of these took minutes when a fallback rescanned to the end for every element (the test's timeout is the bound).
  it('reads 150,000 rows that are never closed in one pass', () => {
    const xml = sheet('<row><c t="inlineStr"><is><t>x</t></is></c>'.repeat(150_000));
    const cells = parseSheetCells(xml, []);
    expect(cells.size).toBe(150_000);
    expect(cells.get(150_000)!.get(1)).toEqual({ kind: 'string', value: 'x', formula: false });
  }, 20_000);

  it('stops at a cell that is never closed instead of looking for its end from every later cell', () => {
    const xml = sheet(`<row r="1"><c r="A1"><v>1</v></c>${'<c r="B1"><v>2</v>'.repeat(100_000)}`);
    expect(parseSheetCells(xml, []).get(1)).toEqual(new Map([[1, { kind: 'number', value: 1, formula: false }]]));
    const unclosedValues = sheet(`<x:row><x:c><x:v>${'<x:v>1'.repeat(100_000)}</x:c></x:row>`);
    expect(parseSheetCells(unclosedValues, []).size).toBe(0);
    const richRuns = parseSharedStrings(sst(`<si>${'<r><t>a'.repeat(100_000)}</si><si><t>b</t></si>`));
    expect(richRuns).toEqual(['', 'b']);
  }, 20_000);

  it('reads shared strings that are never closed in one pass', () => {
    expect(parseSharedStrings(sst(`<si><t>a</t></si>${'<si><t>x</t>'.repeat(200_000)}`))).toEqual(['a']);
  }, 20_000);

  it('refuses more shared strings than any workbook needs, before decoding one', () => {
    const xml = sst('<si/>'.repeat(INPUT_LIMITS.sharedStrings + 1));
    expect(() => parseText(Buffer.from(xml))).toThrow(/共享字符串超过 1000000 项/);
  });

  it('keeps only the shared strings a sheet uses', () => {
    const table = parseText(Buffer.from(sst(Array.from({ length: 5000 }, (_, i) => `<si><t>文字${i}</t></si>`).join(''))));
    const cells = parseSheetCells(sheet('<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>4999</v></c><c r="C1" t="s"><v>-1</v></c></row>'), table);
    expect([...cells.get(1)!.values()].map((c) => c.kind === 'string' && c.value)).toEqual(['文字7', '文字4999', '']);
    expect(table.count).toBe(5000);
    expect(table.keptCount).toBe(2);
  });

  it('refuses a cell text longer than Excel allows', () => {
    const long = 'x'.repeat(INPUT_LIMITS.cellChars + 1);
    expect(() => parseSheetCells(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`), [], '台账')).toThrow(/超过 32767 个字符/);
    expect(() => parseText(Buffer.from(sst(`<si><t>${long}</t></si>`))).at(0)).toThrow(/共享字符串第 1 项超过 32767 个字符/);
  });

  it('reads a reference to no character as U+FFFD', () => {
    expect(unescapeXml('a&#99999999999;b&#xD800;c&#65;')).toBe('a\uFFFDb\uFFFDcA');
  });
});
