/**
 * Opening an untrusted .xlsx: the capped zip reader (xlsxZip.ts: size,
 * entries, unpacked size and compression ratio checked before inflating),
 * then the sheet list and shared strings. Every reader of received
 * workbooks starts here — the importer and the unit-list import alike — so
 * no file from outside reaches a library that unpacks it whole.
 * Problems are thrown as ImportRefusal (problems.ts).
 */
import { parseSharedStrings, parseSheetCells, parseSheetList, type SheetCells, type SheetEntry, type StringTable, xmlText } from './sheetXml';
import { refuse } from './problems';
import { type OpenZip, openZip, WORKSHEET_PART } from './xlsxZip';

const META_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml)$/;

export interface OpenWorkbook {
  zip: OpenZip;
  /** Sheets in workbook order, each with the zip path of its part. */
  sheets: SheetEntry[];
  shared: StringTable;
}

export function openWorkbook(bytes: Uint8Array): OpenWorkbook {
  const zip = openZip(bytes);
  const parts = zip.read((n) => META_PARTS.test(n));
  const wbXml = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!wbXml || !rels) refuse('not_xlsx', '不是 Excel 工作簿（.xlsx）：压缩包中没有工作簿内容');
  const shared = parts.has('xl/sharedStrings.xml') ? parseSharedStrings(parts.get('xl/sharedStrings.xml')!) : [];
  return { zip, sheets: parseSheetList(xmlText(wbXml), xmlText(rels)), shared };
}

export interface ReadSheet {
  name: string;
  cells: SheetCells;
}

/** Every worksheet's cells, in workbook order (hidden sheets too), with the cell limits of parseSheetCells. */
export function readAllSheets(bytes: Uint8Array): ReadSheet[] {
  const { zip, sheets, shared } = openWorkbook(bytes);
  const parts = zip.read((n) => WORKSHEET_PART.test(n));
  return sheets.flatMap((s) => {
    const part = parts.get(s.path);
    return part ? [{ name: s.name, cells: parseSheetCells(xmlText(part), shared, s.name) }] : [];
  });
}
