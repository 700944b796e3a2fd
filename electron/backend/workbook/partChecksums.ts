/**
 * Stamps a written workbook's zip comment with the CRC-32 of its visible
 * worksheet parts (shared/workbook/format.ts PART_CRC_MARKER), so that the
 * office can skip re-reading sheets nobody has touched.
 */
import { DATA_SHEET, formatPartChecksums } from '../../../shared/workbook/format';
import { parseSheetList, xmlText } from './sheetXml';
import { openZip, WORKSHEET_PART } from './xlsxZip';

export function stampPartChecksums(zip: Buffer): Buffer {
  const opened = openZip(zip);
  const meta = opened.read((n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
  const data = parseSheetList(xmlText(meta.get('xl/workbook.xml')!), xmlText(meta.get('xl/_rels/workbook.xml.rels')!)).find((s) => s.name === DATA_SHEET);
  const parts = [...opened.crcs].filter(([name]) => WORKSHEET_PART.test(name) && name !== data?.path).sort(([a], [b]) => (a < b ? -1 : 1));
  const comment = Buffer.from(formatPartChecksums(parts), 'utf8');
  // The writer leaves no comment, so the end-of-directory record is the file's last 22 bytes.
  const eocd = zip.length - 22;
  if (zip.readUInt32LE(eocd) !== 0x06054b50) throw new Error('unexpected zip layout: archive comment already present');
  const out = Buffer.alloc(zip.length + comment.length);
  zip.copy(out, 0, 0, zip.length);
  out.writeUInt16LE(comment.length, eocd + 20);
  comment.copy(out, zip.length);
  return out;
}
