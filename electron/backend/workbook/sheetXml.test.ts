import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { parseSharedStrings as parseText, parseSheetCells, parseSheetCellsSlowly, PLAIN_ITEM, unescapeXml } from './sheetXml';

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

/** A seeded generator: the same random cases on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const outcome = (read: () => unknown) => {
  try {
    return read();
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
};

describe('fast paths read what the general ones read (random cases)', () => {
  it('plain shared strings, found in the bytes, read as the expression and the rich-text reader read them', () => {
    const rand = random(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const parts = ['a', '7', ' ', '>', '<', '&amp;', '&lt;', '&#x41;', '&bogus;', '主动', '\u{1F600}', '</t>', '<t>', '<t/>', '<r>', '</r>', '<rPh>', '"', '\n'];
    const heads = ['<t>', '<t xml:space="preserve">', '<t xml:space="preserv">', '<t xml:space="preserve" >', '<t >', '<x:t>', '<t', '', '<r><t>'];
    const tails = ['</t>', '</t>', '</t>', '</x:t>', '</t></r>', '</t> ', '/t>', ''];
    let plain = 0;
    for (let n = 0; n < 3000; n++) {
      // Half the items plain but for what a plain reader must get right (entities, '>', wide and broken characters).
      const easy = rand() < 0.5;
      const text = Array.from({ length: Math.floor(rand() * 6) }, () => pick(easy ? parts.slice(0, 10) : parts)).join('');
      const head = easy ? pick(heads.slice(0, 2)) : pick(heads);
      const item = Buffer.concat([Buffer.from(head + text), rand() < 0.1 ? Buffer.from([0xe4, 0xb8]) : Buffer.alloc(0), Buffer.from(easy ? '</t>' : pick(tails))]);
      const wrap = (before: string) => Buffer.concat([Buffer.from(`<sst><si>${before}`), item, Buffer.from('</si></sst>')]);
      const got = outcome(() => parseText(wrap('')).at(0));
      // An empty rich run first sends the item down the general reader.
      expect(got, item.toString('utf8')).toEqual(outcome(() => parseText(wrap('<r></r>')).at(0)));
      const m = PLAIN_ITEM.exec(item.toString('utf8'));
      if (m) {
        plain++;
        expect(got).toBe(unescapeXml(m[1]));
      }
    }
    expect(plain).toBeGreaterThan(300);
  });

  it('cells read in place as the cut-out cell is read (numbers, indexes, types, limits)', () => {
    const rand = random(11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const table = ['零', '一', '二', '&amp;三'];
    const values = ['0', '7', '3', '12', '007', '', ' 5', '5 ', '-1', '1e3', '1.5', 'x', '&amp;', '123456789012345', '1234567890123456', '99999999999999999999', '00000000000000000002', '9007199254740993', '76622658085634126'];
    const types = ['', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="s', ' t=""', ' t="sx"'];
    const contents = (v: string) => [`<v>${v}</v>`, `<v>${v}</v>`, `<v>${v}</v>`, `<f>A1</f><v>${v}</v>`, `<v>${v}</v><f>A1</f>`, `<is><t>${v}</t></is>`, '', `<v>${v}</v> `, `<v>${v}<x/></v>`];
    let cases = 0;
    for (let n = 0; n < 1500; n++) {
      const cells: string[] = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 12); k++) {
        const ref = `${pick(['A', 'B', 'C', 'AB'])}${1 + Math.floor(rand() * 4)}`;
        const style = rand() < 0.3 ? ' s="2"' : '';
        if (rand() < 0.1) cells.push(`<c r="${ref}"${style}/>`);
        else cells.push(`<c${rand() < 0.5 ? style : ''} r="${ref}"${rand() < 0.5 ? '' : style}${pick(types)}>${pick(contents(pick(values)))}</c>`);
      }
      if (rand() < 0.05) cells.push('<c r="A9"><v>'.concat('1'.repeat(INPUT_LIMITS.cellChars + 1), '</v></c>'));
      const xml = `<worksheet><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`;
      expect(outcome(() => parseSheetCells(xml, table)), xml).toEqual(outcome(() => parseSheetCellsSlowly(xml, table)));
      cases += cells.length;
    }
    expect(cases).toBeGreaterThan(5000);
  });
});
