/**
 * The submission workbook contract, shared by the exporter (department side)
 * and the importer (office side). Change it only together with
 * WORKBOOK_FORMAT_VERSION; the importer refuses newer versions.
 *
 * A workbook carries one template and one period, and the values of one unit
 * (kind "submission" / "blank") or of several units (kind "bundle", exported
 * by a county office that merged its units).
 *
 * Hidden data sheet DATA_SHEET (state veryHidden), column A/B key–value rows
 * from row 1, in this order (keys exactly as in META_KEYS):
 *
 *   A1 "LEDGER-DATA"        B1 <format version>
 *   format_version          1
 *   kind                    submission | bundle | blank
 *   template_id             suining-2017
 *   template_version        1
 *   unit_code               code of the exporting unit
 *   unit_name
 *   period                  "2017" | "2017-03" | "2017-01..2017-06" (formatPeriodKey)
 *   revision                1, 2, … (grows with each export of the same unit and period)
 *   exported_at             ISO time
 *   app_version
 *   fingerprint             SHA-256 hex of canonicalValues(...)
 *   (empty row)
 *   UNITS_MARKER            then a header row: unit_code | unit_name | unit_kind | parent_code
 *                           one row per unit whose values the workbook carries
 *   (empty row)
 *   VALUES_MARKER           then a header row: unit_code | indicator | col | month | value
 *                           one row per stored monthly value (empty cells are absent)
 *
 * Visible sheets carry machine-readable codes in hidden places so that a
 * workbook re-saved by Excel, WPS or LibreOffice (which may drop the data
 * sheet) can still be read strictly:
 *   - list-section sheets: column A (hidden) holds the indicator code of each
 *     indicator row; column B its name; month columns are headed "1月" … "12月"
 *     (only the period's months), then "全年".
 *   - table sheets (national tables): column A (hidden) holds each coded row's
 *     code; row 1 (hidden) holds each value column's column code.
 * Year figures typed into a table sheet by hand (blank template for a whole
 * year) are stored against the period's last month, opening balances
 * (rollup "first") against its first month.
 */
import { formatValue } from '../values/parse';

export const WORKBOOK_FORMAT_VERSION = 1;
export const DATA_SHEET = '_ledger_data';
export const DATA_MARKER = 'LEDGER-DATA';
export const UNITS_MARKER = '[units]';
export const VALUES_MARKER = '[values]';
export const COVER_SHEET = '封面';

export const META_KEYS = [
  'format_version',
  'kind',
  'template_id',
  'template_version',
  'unit_code',
  'unit_name',
  'period',
  'revision',
  'exported_at',
  'app_version',
  'fingerprint',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

export const WORKBOOK_KINDS = ['submission', 'bundle', 'blank'] as const;
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number];

export const UNIT_COLUMNS = ['unit_code', 'unit_name', 'unit_kind', 'parent_code'] as const;
export const VALUE_COLUMNS = ['unit_code', 'indicator', 'col', 'month', 'value'] as const;

export interface WorkbookValue {
  unitCode: string;
  indicator: string;
  col: string;
  month: number;
  value: number;
}

/**
 * The canonical text whose SHA-256 is the fingerprint: independent of row
 * order and of how a spreadsheet program formats numbers.
 */
export function canonicalValues(
  meta: { templateId: string; templateVersion: number; period: string },
  values: WorkbookValue[],
  kindOf: (indicator: string, col: string) => 'count' | 'amount' = () => 'count',
): string {
  const lines = values
    .map((v) => `${v.unitCode}\t${v.indicator}\t${v.col}\t${v.month}\t${formatValue(v.value, kindOf(v.indicator, v.col))}`)
    .sort();
  return [`${meta.templateId}@${meta.templateVersion}`, meta.period, ...lines].join('\n');
}

/** Month column header of list sheets: "3月". */
export const monthHeader = (m: number) => `${m}月`;
export const YEAR_HEADER = '全年';

/** Windows-safe export file name: {年份}年{单位名称}政务公开统计_{期间}.xlsx */
export function exportFileName(year: number, unitName: string, periodLabel: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what Windows forbids
  const safe = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim();
  return `${year}年${safe(unitName)}政务公开统计_${safe(periodLabel)}.xlsx`;
}
