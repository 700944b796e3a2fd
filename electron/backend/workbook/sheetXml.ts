/**
 * Just enough SpreadsheetML reading for ledger workbooks: the sheet list
 * (workbook.xml + its rels), shared strings, and the cells of a sheet. A
 * regex scan over the XML is several times faster than a DOM or SAX parse
 * and the parts are machine-written, so their grammar is narrow. Handles what
 * Excel, WPS, LibreOffice, openpyxl and exceljs write: shared, inline and
 * formula strings, rich text runs, entities, optional namespace prefixes.
 */
import { Buffer } from 'node:buffer';

const decoder = new TextDecoder('utf-8');
export const xmlText = (bytes: Uint8Array): string => decoder.decode(bytes);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** Text of every <t> inside (rich text runs joined), minus phonetic runs. */
function textOf(xml: string): string {
  const noPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of noPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeXml(out);
}

export function parseSharedStrings(xml: Uint8Array): string[] {
  return plainSharedStrings(xml) ?? regexSharedStrings(xmlText(xml));
}

/**
 * The fast path for what exceljs, Excel and LibreOffice write for plain text:
 * <si><t>…</t></si> (or <t xml:space="preserve">). Null as soon as an item
 * is anything else (rich text, phonetic runs, prefixes): then the regex path
 * reads it all. The part is scanned as Latin-1 (a byte per character, one
 * cheap copy) and only items with non-ASCII bytes are decoded as UTF-8: an
 * ASCII item (every packed value row) stays a one-byte string instead of a
 * slice of a document-wide UTF-16 one (the labels are Chinese), which halves
 * its memory and speeds up hashing and splitting it.
 */
function plainSharedStrings(bytes: Uint8Array): string[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const xml = buf.toString('latin1');
  const out: string[] = [];
  let i = xml.indexOf('<si>');
  if (i < 0) return /<(?:\w+:)?si\b/.test(xml) ? null : out;
  while (i >= 0) {
    const end = xml.indexOf('</si>', i);
    if (end < 0) return null;
    let open = i + 4;
    if (xml.startsWith('<t>', open)) open += 3;
    else if (xml.startsWith('<t xml:space="preserve">', open)) open += 24;
    else return null;
    const close = end - 4;
    if (!xml.startsWith('</t>', close) || xml.indexOf('<', open) !== close) return null;
    const latin1 = xml.slice(open, close);
    out.push(unescapeXml(NEEDS_UTF8.test(latin1) ? buf.toString('utf8', open, close) : latin1));
    i = xml.indexOf('<si', end + 5);
    if (i >= 0 && !xml.startsWith('<si>', i)) return null;
  }
  return out;
}

// Anything but printable ASCII and whitespace (UTF-8 decoding reads the rare control character the same).
const NEEDS_UTF8 = /[^\t\n\r\x20-\x7e]/;

function regexSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? textOf(m[1]) : '');
  return out;
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
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const out: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
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

const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW_RE = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const V_RE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F_RE = /<(?:\w+:)?f\b/;
const IS_RE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

export function parseSheetCells(xml: string, shared: string[]): SheetCells {
  return scanCells(xml, shared) ?? regexCells(xml, shared);
}

/**
 * The fast path: walks `<c ` tags with indexOf, taking row and column from
 * each cell's r attribute. Returns null when a cell has no r attribute or
 * the tags carry a namespace prefix (then the regex path below reads it).
 */
function scanCells(xml: string, shared: string[]): SheetCells | null {
  const rows: SheetCells = new Map();
  const start = xml.indexOf('<sheetData');
  if (start < 0) return xml.includes(':sheetData') ? null : rows;
  const endData = xml.indexOf('</sheetData>', start);
  const end = endData < 0 ? xml.length : endData;
  let i = start;
  let row: Map<number, RawCell> | undefined;
  let rowNo = -1;
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
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    let p = xml.indexOf(' r="', i);
    if (p < 0 || p > tagEnd) return null;
    p += 4;
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
    if (selfClosing) {
      i = tagEnd + 1;
      continue;
    }
    let t = 'n';
    const tAt = xml.indexOf(' t="', i);
    if (tAt > 0 && tAt < tagEnd) t = xml.slice(tAt + 4, xml.indexOf('"', tAt + 4));
    const close = xml.indexOf('</c>', tagEnd);
    if (close < 0) return null;
    i = close + 4;
    if (close === tagEnd + 1) continue;
    const cell = readCell(t, xml.slice(tagEnd + 1, close), shared);
    if (!cell) continue;
    if (r !== rowNo) {
      rowNo = r;
      row = rows.get(r);
      if (!row) rows.set(r, (row = new Map()));
    }
    row!.set(col, cell);
  }
  return rows;
}

function regexCells(xml: string, shared: string[]): SheetCells {
  const rows: SheetCells = new Map();
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return rows;
  const end = xml.indexOf('sheetData>', start + 10);
  const body = xml.slice(start, end < 0 ? undefined : end);
  let rowNo = 0;
  for (const rm of body.matchAll(ROW_RE)) {
    const r = /\sr\s*=\s*"(\d+)"/.exec(rm[1]);
    rowNo = r ? Number(r[1]) : rowNo + 1;
    if (!rm[2]) continue;
    const cells = new Map<number, RawCell>();
    let colNo = 0;
    for (const cm of rm[2].matchAll(CELL_RE)) {
      const attrs = cm[1];
      const ref = /\sr\s*=\s*"([A-Z]+)\d+"/.exec(attrs);
      colNo = ref ? colIndex(ref[1]) : colNo + 1;
      const inner = cm[2];
      if (!inner) continue;
      const cell = readCell(/\st\s*=\s*"(\w+)"/.exec(attrs)?.[1] ?? 'n', inner, shared);
      if (cell) cells.set(colNo, cell);
    }
    if (cells.size) rows.set(rowNo, cells);
  }
  return rows;
}

function readCell(t: string, inner: string, shared: string[]): RawCell | null {
  const formula = inner.includes('<f') && F_RE.test(inner);
  if (t === 'inlineStr') {
    const is = IS_RE.exec(inner);
    return is ? { kind: 'string', value: textOf(is[1]), formula } : null;
  }
  let raw: string;
  if (inner.startsWith('<v>') && inner.endsWith('</v>')) raw = inner.slice(3, -4);
  else {
    const v = V_RE.exec(inner);
    if (!v) return formula ? { kind: 'empty', formula: true } : null;
    raw = v[1];
  }
  switch (t) {
    case 's':
      return { kind: 'string', value: shared[Number(raw)] ?? '', formula };
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
