/** Test support: edit the XML parts of an .xlsx in place, as someone with Excel (or a hex editor) would. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseSharedStrings, parseSheetCells, parseSheetList, cellText } from '../workbook/sheetXml';

export function editParts(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipSync(parts);
}

export function sheetPath(bytes: Uint8Array, name: string): string {
  const parts = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
  const s = parseSheetList(strFromU8(parts['xl/workbook.xml']), strFromU8(parts['xl/_rels/workbook.xml.rels'])).find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.path;
}

/** Replaces one cell (by A1 address) of a sheet with a number, a formula, an inline string, or nothing. */
export function setCell(bytes: Uint8Array, sheet: string, addr: string, v: number | string | { formula: string; cached?: number } | null): Uint8Array {
  const p = sheetPath(bytes, sheet);
  return editParts(bytes, (parts) => {
    let xml = strFromU8(parts[p]);
    const re = new RegExp(`<c r="${addr}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    const style = (re.exec(xml)?.[1] ?? '').replace(/\st="\w+"/, '');
    const body =
      v === null
        ? `<c r="${addr}"${style}/>`
        : typeof v === 'number'
          ? `<c r="${addr}"${style}><v>${v}</v></c>`
          : typeof v === 'string'
            ? `<c r="${addr}"${style} t="inlineStr"><is><t>${v}</t></is></c>`
            : `<c r="${addr}"${style}><f>${v.formula}</f>${v.cached === undefined ? '' : `<v>${v.cached}</v>`}</c>`;
    if (!re.test(xml)) throw new Error(`no cell ${addr} in ${sheet}`);
    xml = xml.replace(re, body);
    parts[p] = strToU8(xml);
  });
}

/** Row number of the row whose column A holds `code` (the hidden code column). */
export function rowOfCode(bytes: Uint8Array, sheet: string, code: string): number {
  const p = sheetPath(bytes, sheet);
  const parts = unzipSync(bytes);
  const shared = parts['xl/sharedStrings.xml'] ? parseSharedStrings(parts['xl/sharedStrings.xml']) : [];
  const cells = parseSheetCells(strFromU8(parts[p]), shared);
  for (const [r, row] of cells) if (cellText(row.get(1)) === code) return r;
  throw new Error(`no row ${code} in ${sheet}`);
}

/** Removes a sheet from the workbook (as a program that drops hidden sheets on save would). */
export function dropSheet(bytes: Uint8Array, name: string): Uint8Array {
  const p = sheetPath(bytes, name);
  return editParts(bytes, (parts) => {
    delete parts[p];
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`), ''));
  });
}

/** The archive comment of a zip (where the exporter stamps its part checksums). */
export function zipComment(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return buf.subarray(eocd + 22, eocd + 22 + buf.readUInt16LE(eocd + 20)).toString('utf8');
}

/** The same zip with its archive comment set, as a zip tool that updates one part in place keeps it. */
export function withZipComment(bytes: Uint8Array, comment: string): Uint8Array {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const text = Buffer.from(comment, 'utf8');
  const out = Buffer.concat([buf.subarray(0, eocd + 22), text]);
  out.writeUInt16LE(text.length, eocd + 20);
  return new Uint8Array(out);
}
