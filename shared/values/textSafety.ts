/**
 * Text that leaves the app as data for other programs. Two hazards:
 *
 * - C0 control characters (a vertical tab pasted from Word): XML forbids
 *   them even escaped, so one in a unit name broke every SVG chart and
 *   workbook of that unit. Names are refused with them at every boundary
 *   (hasControlChars, the API schemas, imported workbooks); what was stored
 *   before is stripped where XML is written (stripControlChars).
 * - Formula injection (OWASP "CSV injection"): a cell of TSV/CSV starting
 *   with = + - @ (or a tab or CR) is a live formula when opened or pasted in
 *   Excel, WPS or LibreOffice. Every delimited text the app writes goes
 *   through delimitedCell, which prefixes such a cell with ' as OWASP advises.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;

/** Whether a name holds a control character (tabs and line breaks included: a name is one line). */
export const hasControlChars = (s: string): boolean => ANY_CONTROL.test(s);

/** The Chinese reason a name with control characters is refused. */
export const CONTROL_CHARS_MESSAGE = '含有不可见的控制字符（如从 Word 粘贴带入的换行符、制表符），请删除后重新输入';

/** Text for XML: the C0 controls XML cannot hold removed (tab, LF and CR are allowed). */
export const stripControlChars = (s: string): string => (CONTROL.test(s) ? s.replace(CONTROL_ALL, '') : s);

// C0 controls but tab and line feed, DEL, and the C1 controls (some terminals take U+009B as an escape sequence's start).
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text for a terminal: what the CLI prints, with only tabs and line breaks of all the controls. */
export const terminalText = (s: string): string => s.replace(TERMINAL_UNSAFE, '');

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell of TSV/CSV written by the app: tabs and line breaks flattened, other controls dropped, formula-leading text neutralised. */
export function delimitedCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const flat = stripControlChars(value.replace(/[\t\r\n]+/g, ' '));
  return FORMULA_START.test(flat) ? `'${flat}` : flat;
}

/** Rows as tab-separated text (Excel/WPS clipboard), each cell through delimitedCell. */
export function toDelimited(rows: readonly (readonly (string | number | null | undefined)[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map(delimitedCell).join('\t')).join(eol);
}
