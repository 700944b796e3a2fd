import { describe, expect, it } from 'vitest';
import { parseSharedStrings as parseText } from './sheetXml';

const parseSharedStrings = (xml: string) => parseText(Buffer.from(xml));

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
