/**
 * Reads a unit list (代码, 名称, 上级代码, 类型, optional 截止日) from an .xlsx
 * file as written by Excel, WPS, LibreOffice or scripts. Header names vary
 * between offices, so each column is found by any of its usual names.
 * The file comes from outside: it is opened by the importer's capped reader
 * (workbook/openWorkbook.ts), never unpacked whole by a library.
 */
import { fail } from '../failure';
import { readAllSheets } from '../workbook/openWorkbook';
import { ImportRefusal } from '../workbook/problems';
import { cellText, type SheetCells } from '../workbook/sheetXml';

export interface UnitListRow {
  row: number;
  code: string;
  name: string;
  parentCode: string;
  kind: string;
  dueDay: string;
}

export interface UnitList {
  sheetName: string;
  headerRow: number;
  hasDueDay: boolean;
  rows: UnitListRow[];
}

type Field = 'code' | 'name' | 'parentCode' | 'kind' | 'dueDay';

const ALIASES: Record<Field, string[]> = {
  code: ['代码', '单位代码', '编码', '单位编码', '编号', '单位编号', '机构代码', 'code', 'unitcode'],
  name: ['名称', '单位名称', '单位', '单位全称', '机构名称', 'name', 'unitname'],
  parentCode: ['上级代码', '上级单位代码', '上级编码', '上级单位编码', '上级', '上级单位', '父级代码', '所属上级代码', 'parent', 'parentcode'],
  kind: ['类型', '单位类型', '类别', '单位类别', '层级', 'kind', 'type'],
  dueDay: ['截止日', '报送截止日', '报送日', '每月报送日', '截止日期', 'dueday'],
};

const MAX_ROWS = 5000;
const HEADER_SEARCH_ROWS = 10;

/** "单位代码*", " 代 码 ", "代码（必填）" → "单位代码", "代码", "代码". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u3000*＊:：]/g, '')
    .toLowerCase();
}

function fieldOf(header: string): Field | undefined {
  const h = normalizeHeader(header);
  if (!h) return undefined;
  return (Object.keys(ALIASES) as Field[]).find((f) => ALIASES[f].includes(h));
}

/** The sheets of the file, or a refusal that names it. */
function sheetsOf(bytes: Uint8Array, fileName: string) {
  try {
    return readAllSheets(bytes);
  } catch (e) {
    if (!(e instanceof ImportRefusal)) throw e;
    const { code, message } = e.problem;
    if (code === 'not_xlsx' || code === 'corrupt_zip') {
      fail('invalid_value', `文件“${fileName}”不是有效的 .xlsx 工作簿（可能已损坏，或是 .xls/.csv 等其他格式）`, fileName);
    }
    return fail('invalid_value', `文件“${fileName}”：${message}`, fileName);
  }
}

function lastRow(cells: SheetCells): number {
  let last = 0;
  for (const r of cells.keys()) if (r > last) last = r;
  return last;
}
const textAt = (cells: SheetCells, row: number, col: number) => cellText(cells.get(row)?.get(col)).trim();

export async function readUnitList(bytes: Uint8Array, fileName: string): Promise<UnitList> {
  for (const ws of sheetsOf(bytes, fileName)) {
    const rowCount = lastRow(ws.cells);
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, rowCount); r++) {
      const columns = new Map<Field, number>();
      for (const col of [...(ws.cells.get(r)?.keys() ?? [])].sort((a, b) => a - b)) {
        const f = fieldOf(textAt(ws.cells, r, col));
        if (f && !columns.has(f)) columns.set(f, col);
      }
      if (!columns.has('code') || !columns.has('name')) continue;
      for (const f of ['parentCode', 'kind'] as const) {
        if (!columns.has(f)) {
          const label = f === 'parentCode' ? '上级代码' : '类型';
          fail('invalid_value', `文件“${fileName}”工作表“${ws.name}”第${r}行的表头缺少“${label}”列`, `${fileName}!${ws.name}!${r}`);
        }
      }
      if (rowCount - r > MAX_ROWS) {
        fail('invalid_value', `文件“${fileName}”的单位超过${MAX_ROWS}行，请分成几个文件导入`, fileName);
      }
      const rows: UnitListRow[] = [];
      for (let i = r + 1; i <= rowCount; i++) {
        const get = (f: Field) => {
          const col = columns.get(f);
          return col === undefined ? '' : textAt(ws.cells, i, col);
        };
        const item: UnitListRow = { row: i, code: get('code'), name: get('name'), parentCode: get('parentCode'), kind: get('kind'), dueDay: get('dueDay') };
        if (item.code || item.name || item.parentCode || item.kind || item.dueDay) rows.push(item);
      }
      return { sheetName: ws.name, headerRow: r, hasDueDay: columns.has('dueDay'), rows };
    }
  }
  return fail('invalid_value', `文件“${fileName}”中找不到单位名录的表头：前${HEADER_SEARCH_ROWS}行里需要有“代码”“名称”“上级代码”“类型”四列`, fileName);
}
