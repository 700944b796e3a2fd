/**
 * Just enough SpreadsheetML reading for ledger workbooks: the sheet list
 * (workbook.xml + its rels), shared strings, and the cells of a sheet. A
 * regex scan over the XML is several times faster than a DOM or SAX parse
 * and the parts are machine-written, so their grammar is narrow. Handles what
 * Excel, WPS, LibreOffice, openpyxl and exceljs write: shared, inline and
 * formula strings, rich text runs, entities, optional namespace prefixes.
 */
import { Buffer } from 'node:buffer';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { countText } from '../../../shared/values/numberFormat';
import { refuse } from './problems';

const decoder = new TextDecoder('utf-8');
export const xmlText = (bytes: Uint8Array): string => decoder.decode(bytes);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference's character; one no Unicode character has (&#99999999999;) reads as U+FFFD. */
function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Compiled once per attribute name (a workbook's sheet list asks for a few names over and over). */
const ATTR_RES = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 95 || c === 45 || c === 46;

/** An element found by a scan: the tag's start, its content [start, end), and where the scan goes on. */
interface Found {
  local: string;
  tag: number;
  start: number;
  end: number;
  after: number;
}

/**
 * The next element whose local name (any prefix) is one of `names`, from
 * `from`. Linear: each call scans forward once, and an element that is not
 * closed ends the scan (null) instead of being looked for again from every
 * later tag, which is what made a regex fallback quadratic.
 */
function nextElement(xml: string, from: number, names: readonly string[]): Found | null {
  let i = from;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return null;
    let j = i + 1;
    while (isNameChar(xml.charCodeAt(j))) j++;
    const full = xml.slice(i + 1, j);
    const local = full.slice(full.indexOf(':') + 1);
    const next = xml.charCodeAt(j);
    // A name ends at whitespace, '>' or '/'.
    if (names.includes(local) && (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13)) {
      const gt = xml.indexOf('>', j);
      if (gt < 0) return null;
      if (xml.charCodeAt(gt - 1) === 47) return { local, tag: i, start: gt + 1, end: gt + 1, after: gt + 1 };
      const close = xml.indexOf(`</${full}>`, gt);
      if (close < 0) return null;
      return { local, tag: i, start: gt + 1, end: close, after: close + full.length + 3 };
    }
    i = j;
  }
}

/** Text of every <t> inside (rich text runs joined), minus phonetic runs. */
function textOf(xml: string): string {
  let out = '';
  let i = 0;
  for (let e = nextElement(xml, i, TEXT_PARTS); e; e = nextElement(xml, i, TEXT_PARTS)) {
    if (e.local === 't') out += xml.slice(e.start, e.end);
    i = e.after;
  }
  return unescapeXml(out);
}
const TEXT_PARTS = ['t', 'rPh'] as const;

const tooLong = (what: string): never =>
  refuse('too_large', `${what}超过 ${INPUT_LIMITS.cellChars} 个字符（Excel 单元格的上限），不是正常的报送表`);

/**
 * The shared-string table of a workbook, read on demand: one linear scan
 * records where each item is, and only the items a sheet asks for are
 * decoded and kept. A workbook may carry millions of strings its data never
 * uses; holding them all cost ~160 MB a file. Decoded strings are fresh
 * copies, so nothing kept pins the whole part in memory.
 */
export class SharedStrings {
  private readonly bounds: number[] = [];
  private readonly kept = new Map<number, string>();

  constructor(private readonly buf: Buffer) {
    // Latin-1: a byte per character, so positions are byte offsets.
    const xml = buf.toString('latin1');
    const open = /<((?:[A-Za-z_][\w.-]*:)?)si(?=[\s>/])/g;
    for (let m = open.exec(xml); m; m = open.exec(xml)) {
      const gt = xml.indexOf('>', m.index);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 47) {
        this.bounds.push(gt + 1, gt + 1);
        open.lastIndex = gt + 1;
      } else {
        const close = xml.indexOf(`</${m[1]}si>`, gt);
        if (close < 0) break;
        this.bounds.push(gt + 1, close);
        open.lastIndex = close;
      }
      if (this.bounds.length > 2 * INPUT_LIMITS.sharedStrings) {
        refuse('too_large', `共享字符串超过 ${countText(INPUT_LIMITS.sharedStrings)} 项，不是正常的报送表`);
      }
    }
  }

  get count(): number {
    return this.bounds.length / 2;
  }

  /** How many items have been decoded and kept. */
  get keptCount(): number {
    return this.kept.size;
  }

  /** Item i, or undefined when there is none (like an array's at(), but never from the end). */
  at(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    let s = this.kept.get(i);
    if (s === undefined) {
      const from = this.bounds[2 * i];
      const to = this.bounds[2 * i + 1];
      const text = this.plainText(from, to);
      s = text >= 0 ? unescapeXml(this.buf.toString('utf8', text, to - 4)) : textOf(this.buf.toString('utf8', from, to));
      if (s.length > INPUT_LIMITS.cellChars) tooLong(`共享字符串第 ${i + 1} 项`);
      this.kept.set(i, s);
    }
    return s;
  }

  /**
   * Where the text of a plain item (PLAIN_ITEM: what exceljs, Excel and
   * LibreOffice write for plain text) starts, or -1. Looked at in the bytes:
   * no decoding of the markup and no regular expression over a packed month's
   * 7,000 characters; a '<' byte is never part of a multi-byte character.
   */
  private plainText(from: number, to: number): number {
    const b = this.buf;
    if (to - from < 7 || b[from] !== 0x3c || b[from + 1] !== 0x74 || b[to - 4] !== 0x3c || b[to - 3] !== 0x2f || b[to - 2] !== 0x74 || b[to - 1] !== 0x3e) return -1;
    let text: number;
    if (b[from + 2] === 0x3e) text = from + 3;
    else if (to - from >= 28 && b.toString('latin1', from + 2, from + 24) === PRESERVE_SPACE) text = from + 24;
    else return -1;
    return b.indexOf(0x3c, text) === to - 4 ? text : -1;
  }

  /** Every item, decoded (tests and tools; readers use at()). */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.at(i)!);
  }
}

/** What exceljs, Excel and LibreOffice write for plain text (SharedStrings.plainText reads it without the expression). */
export const PLAIN_ITEM = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/;
const PRESERVE_SPACE = ' xml:space="preserve">';

export function parseSharedStrings(bytes: Uint8Array): SharedStrings {
  return new SharedStrings(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Strings by index: a workbook's shared strings, or a plain list. */
export interface StringTable {
  at(i: number): string | undefined;
}

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Zip path of the sheet part, e.g. xl/worksheets/sheet2.xml. */
  path: string;
}

/** The sheets in workbook order, each resolved to its part through the relationships. */
export function parseSheetList(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^<>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const out: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^<>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(m[0].replace(/\ssheetId\s*=\s*"[^"]*"/, ''))?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (!name || !target) continue;
    const state = attr(m[0], 'state');
    const path = target.startsWith('/') ? target.slice(1) : normalize(`xl/${target}`);
    out.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path });
  }
  return out;
}

function normalize(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s !== '') parts.push(s);
  }
  return parts.join('/');
}

export type RawCell =
  | { kind: 'number'; value: number; formula: boolean }
  | { kind: 'string'; value: string; formula: boolean }
  | { kind: 'bool'; value: boolean; formula: boolean }
  | { kind: 'error'; value: string; formula: boolean }
  /** A formula without a cached result (openpyxl writes these). */
  | { kind: 'empty'; formula: true };

/** Cells of one sheet: row → column → cell (1-based). Empty cells are absent. */
export type SheetCells = Map<number, Map<number, RawCell>>;

export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function address(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/**
 * The cells of a sheet, with the input limits (cells, rows, text length)
 * refused as soon as they are passed. `sheet` names it in the message.
 */
export function parseSheetCells(xml: string, shared: StringTable, sheet?: string): SheetCells {
  const count = new CellCount(sheet);
  return scanCells(xml, shared, count, true) ?? tagCells(xml, shared, new CellCount(sheet));
}

/** parseSheetCells without scanCells' fast path for plain values: what the test holds that path to. */
export function parseSheetCellsSlowly(xml: string, shared: StringTable, sheet?: string): SheetCells {
  return scanCells(xml, shared, new CellCount(sheet), false) ?? tagCells(xml, shared, new CellCount(sheet));
}

/** Counts a sheet's cells and rows against INPUT_LIMITS as they are read. */
class CellCount {
  private cells = 0;
  constructor(private readonly sheet: string | undefined) {}

  private get name() {
    return this.sheet ? `工作表“${this.sheet}”` : '工作表';
  }

  cell(rows: SheetCells): void {
    if (++this.cells > INPUT_LIMITS.sheetCells) {
      refuse('too_large', `${this.name}的单元格超过 ${countText(INPUT_LIMITS.sheetCells)} 个，不是正常的报送表`, this.sheet);
    }
    if (rows.size > INPUT_LIMITS.sheetRows) {
      refuse('too_large', `${this.name}超过 ${countText(INPUT_LIMITS.sheetRows)} 行，不是正常的报送表`, this.sheet);
    }
  }
}

/** Digits only, read as a whole number (-1 for none or anything else); beyond 15 digits it is no longer exact, so callers keep it for indexes and Number() for values. */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether `</v></c>` starts at i. */
const valueEndsAt = (xml: string, i: number) =>
  xml.charCodeAt(i + 1) === 47 &&
  xml.charCodeAt(i + 2) === 118 &&
  xml.charCodeAt(i + 3) === 62 &&
  xml.charCodeAt(i + 4) === 60 &&
  xml.charCodeAt(i + 5) === 47 &&
  xml.charCodeAt(i + 6) === 99 &&
  xml.charCodeAt(i + 7) === 62;

/**
 * The fast path: walks `<c ` tags with indexOf, taking row and column from
 * each cell's r attribute. Returns null when a cell has no r attribute, is
 * not closed, or the tags carry a namespace prefix (then tagCells reads it).
 * Attributes are looked for within their own tag only (the next ` r="` and
 * ` t="` are found once and used while they lie ahead), so the scan stays
 * linear however the cells are written.
 *
 * What writers put in nearly every cell, `<v>digits</v></c>` as a number or
 * a shared string's index, is read in place (`fast`); anything else cuts the
 * cell's content out for readCell, as every cell once was. Both read a cell
 * the same (sheetXml.test.ts).
 */
function scanCells(xml: string, shared: StringTable, count: CellCount, fast: boolean): SheetCells | null {
  const rows: SheetCells = new Map();
  const start = xml.indexOf('<sheetData');
  if (start < 0) return xml.includes(':sheetData') ? null : rows;
  const endData = xml.indexOf('</sheetData>', start);
  const end = endData < 0 ? xml.length : endData;
  let i = start;
  let row: Map<number, RawCell> | undefined;
  let rowNo = -1;
  let nextR = -1;
  let nextT = -1;
  while (i < end) {
    i = xml.indexOf('<c', i);
    if (i < 0 || i > end) break;
    const next = xml.charCodeAt(i + 2);
    // "<c " or "<c>" or "<c/>", not <col… or <cfRule…
    if (next !== 32 && next !== 62 && next !== 47) {
      i += 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0) return null;
    if (nextR < i) nextR = xml.indexOf(' r="', i);
    // The attribute cannot run past the tag's '>': it holds none.
    if (nextR < 0 || nextR > tagEnd) return null;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      i = tagEnd + 1;
      continue;
    }
    let p = nextR + 4;
    let col = 0;
    let code = xml.charCodeAt(p);
    while (code >= 65 && code <= 90) {
      col = col * 26 + (code - 64);
      code = xml.charCodeAt(++p);
    }
    let r = 0;
    while (code >= 48 && code <= 57) {
      r = r * 10 + (code - 48);
      code = xml.charCodeAt(++p);
    }
    if (nextT < i && nextT !== -2) nextT = xml.indexOf(' t="', i);
    // -2: no t attribute in the rest of the sheet.
    if (nextT === -1) nextT = -2;
    const tAt = nextT > i && nextT < tagEnd ? nextT : -1;
    let cell: RawCell | null;
    // <v>…</v></c> with no other markup: no formula, the value's text as written.
    const v = fast && xml.charCodeAt(tagEnd + 1) === 60 && xml.charCodeAt(tagEnd + 2) === 118 && xml.charCodeAt(tagEnd + 3) === 62 ? xml.indexOf('<', tagEnd + 4) : -1;
    if (v >= 0 && valueEndsAt(xml, v) && v - (tagEnd + 4) <= INPUT_LIMITS.cellChars && (tAt < 0 || (xml.charCodeAt(tAt + 4) === 115 && xml.charCodeAt(tAt + 5) === 34))) {
      i = v + 8;
      const n = digitsAt(xml, tagEnd + 4, v);
      // A shared string's index: digits (beyond 15 no longer exact, but then far past any table's end, as Number() makes them).
      if (tAt >= 0) cell = { kind: 'string', value: n < 0 ? '' : (shared.at(n) ?? ''), formula: false };
      // Up to 15 digits are exactly the number Number() reads.
      else if (n >= 0 && v - (tagEnd + 4) <= 15) cell = { kind: 'number', value: n, formula: false };
      else cell = valueCell('n', xml.slice(tagEnd + 4, v), false, shared);
    } else {
      let t = 'n';
      if (tAt >= 0) {
        // The value up to its closing quote within the tag, else up to the tag's last character (as a slice of the tag did).
        const q = xml.indexOf('"', tAt + 4);
        t = xml.slice(tAt + 4, q >= 0 && q < tagEnd ? q : tagEnd - 1);
      }
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) return null;
      i = close + 4;
      if (close === tagEnd + 1) continue;
      cell = readCell(t, xml.slice(tagEnd + 1, close), shared);
    }
    if (!cell) continue;
    if (r !== rowNo) {
      rowNo = r;
      row = rows.get(r);
      if (!row) rows.set(r, (row = new Map()));
    }
    row!.set(col, cell);
    count.cell(rows);
  }
  return rows;
}

const SHEET_PARTS = ['row', 'c', 'sheetData'] as const;

/**
 * Everything else: prefixed tags, cells without r (numbered on from the
 * previous one), rows without r. One forward scan; a cell that is not
 * closed ends the sheet there.
 */
function tagCells(xml: string, shared: StringTable, count: CellCount): SheetCells {
  const rows: SheetCells = new Map();
  const data = nextOpenTag(xml, 0, 'sheetData');
  if (data < 0) return rows;
  let rowNo = 0;
  let colNo = 0;
  let i = data + 1;
  for (;;) {
    const at = nextOpenTag(xml, i, ...SHEET_PARTS);
    if (at < 0) return rows;
    const gt = xml.indexOf('>', at);
    if (gt < 0) return rows;
    const tag = xml.slice(at, gt + 1);
    const local = localName(xml, at);
    if (local === 'sheetData') return rows;
    if (local === 'row') {
      const r = /\sr\s*=\s*"(\d+)"/.exec(tag);
      rowNo = r ? Number(r[1]) : rowNo + 1;
      colNo = 0;
      i = gt + 1;
      continue;
    }
    const ref = /\sr\s*=\s*"([A-Z]+)\d+"/.exec(tag);
    colNo = ref ? colIndex(ref[1]) : colNo + 1;
    if (tag.endsWith('/>')) {
      i = gt + 1;
      continue;
    }
    const found = nextElement(xml, at, ['c']);
    if (!found) return rows;
    i = found.after;
    if (found.start === found.end) continue;
    const cell = readCell(/\st\s*=\s*"(\w+)"/.exec(tag)?.[1] ?? 'n', xml.slice(found.start, found.end), shared);
    if (!cell) continue;
    let row = rows.get(rowNo);
    if (!row) rows.set(rowNo, (row = new Map()));
    row.set(colNo, cell);
    count.cell(rows);
  }
}

/** Where the next opening tag with one of these local names starts (any prefix), or -1. A closing tag of sheetData counts for it. */
function nextOpenTag(xml: string, from: number, ...names: string[]): number {
  let i = from;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return -1;
    const closing = xml.charCodeAt(i + 1) === 47;
    const local = localName(xml, closing ? i + 1 : i);
    if (names.includes(local) && (!closing || local === 'sheetData')) return i;
    i++;
  }
}

/** The local name of the tag starting at `<` (prefix dropped). */
function localName(xml: string, lt: number): string {
  let j = lt + 1;
  while (isNameChar(xml.charCodeAt(j))) j++;
  const full = xml.slice(lt + 1, j);
  return full.slice(full.indexOf(':') + 1);
}

const F_RE = /<(?:\w+:)?f\b/;

function readCell(t: string, inner: string, shared: StringTable): RawCell | null {
  const formula = inner.includes('<f') && F_RE.test(inner);
  if (t === 'inlineStr') {
    const is = nextElement(inner, 0, ['is']);
    if (!is) return null;
    const value = textOf(inner.slice(is.start, is.end));
    if (value.length > INPUT_LIMITS.cellChars) tooLong('单元格文字');
    return { kind: 'string', value, formula };
  }
  let raw: string;
  if (inner.startsWith('<v>') && inner.endsWith('</v>')) raw = inner.slice(3, -4);
  else {
    const v = nextElement(inner, 0, ['v']);
    if (!v) return formula ? { kind: 'empty', formula: true } : null;
    raw = inner.slice(v.start, v.end);
  }
  if (raw.length > INPUT_LIMITS.cellChars) tooLong('单元格内容');
  return valueCell(t, raw, formula, shared);
}

/** A cell from its type and its value's text (at most INPUT_LIMITS.cellChars, checked by the caller). */
function valueCell(t: string, raw: string, formula: boolean, shared: StringTable): RawCell {
  switch (t) {
    case 's':
      return { kind: 'string', value: /^\d+$/.test(raw) ? (shared.at(Number(raw)) ?? '') : '', formula };
    case 'str':
      return { kind: 'string', value: unescapeXml(raw), formula };
    case 'b':
      return { kind: 'bool', value: raw === '1', formula };
    case 'e':
      return { kind: 'error', value: unescapeXml(raw), formula };
    default: {
      const n = Number(raw);
      return Number.isFinite(n) && raw.trim() !== '' ? { kind: 'number', value: n, formula } : { kind: 'string', value: unescapeXml(raw), formula };
    }
  }
}

/** Text of a cell as a person would read it ('' when empty). */
export function cellText(c: RawCell | undefined): string {
  if (!c || c.kind === 'empty') return '';
  if (c.kind === 'number') return String(c.value);
  if (c.kind === 'bool') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}
