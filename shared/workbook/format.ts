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
 *   format_version          4 (WORKBOOK_FORMATS: 1 one row per value, 2 packed rows, 3 amounts with each cell's places,
 *                           4 signed, the fingerprint covering identity and revision)
 *   kind                    submission | bundle | blank | summary (SUMMARY_KIND: no values)
 *   template_id             suining-2017
 *   template_version        1
 *   unit_code               code of the exporting unit
 *   unit_name
 *   period                  "2017" | "2017-03" | "2017-01..2017-06" (formatPeriodKey)
 *   revision                1, 2, … (grows with each export of the same unit and period; 0 for a blank)
 *   exported_at             ISO time
 *   app_version
 *   fingerprint             SHA-256 hex of canonicalFingerprintText(...) (packedValues.ts:
 *                           identity — kind, unit, revision, units — and the packed rows);
 *                           format 2: of canonicalPackedText(...) (rows only);
 *                           format 1: of canonicalValuesV1(...)
 *   public_key              the exporting data file's Ed25519 public key, base64 of its 32 bytes
 *   signature               base64 Ed25519 signature of canonicalSealText(...) (sealText.ts):
 *                           every row above and below but this one. Both absent: unsigned
 *                           (a blank; a file whose signature was stripped).
 *   (empty row)
 *   UNITS_MARKER            then a header row: unit_code | unit_name | unit_kind | parent_code
 *                           one row per unit whose values the workbook carries (a bundle:
 *                           the exporting unit first, then its subtree; parent_code '' if none)
 *   (empty row)
 *   VALUES_MARKER           then a header row: unit_code | month | values
 *                           one row per unit and month that has values within the period,
 *                           units in [units] order, months ascending; column C holds the
 *                           month's values as "ref=value;ref=value" in template cell order
 *                           (ref = cellRef(indicator, col); counts as integers, amounts with
 *                           the cell's decimals (format 2: two); empty cells are absent). A month longer than
 *                           PACKED_CELL_CHARS continues in D, E, … (shared/workbook/packedValues.ts).
 *                           Format 1 had one row per value: unit_code | indicator | col |
 *                           month | value (VALUE_COLUMNS_V1); readers still accept it.
 *
 * Visible sheets carry machine-readable codes in hidden places so that a
 * workbook re-saved by Excel, WPS or LibreOffice (which may drop the data
 * sheet) can still be read strictly. Which sheets exist, and what each holds,
 * is workbookSheets(template): the list sections together on LEDGER_SHEET,
 * the table sections on sheets named by their `sheet` (or title).
 *   - ledger sheet (list sections): column A (hidden) holds the indicator code
 *     of each indicator row; column B its name; column C its measure; the
 *     header row has "代码" in A and month columns headed "1月" … "12月" (only
 *     the period's months), then — unless the period is a single month — one
 *     roll-up column headed periodTotalHeader(period) ("全年" for a year,
 *     "1-6月" for a range). The roll-up column is derived: readers take the
 *     month columns and may use the roll-up only as a check. Section and group
 *     heading rows have an empty column A.
 *     A bundle's visible cells show the sum over its units (each unit rolled
 *     up on its own first for the roll-up column, as aggregatePeriodFigures).
 *   - table sheets (national tables): column A (hidden) holds each coded row's
 *     code; row 1 (hidden) is the first table's code row: A1 holds
 *     TABLE_COLS_MARKER + " " + section code (e.g. "[cols] t3") and each value
 *     column holds its column code. A sheet carrying several tables (二、 has
 *     four) has one such hidden code row directly above each further table;
 *     a code row applies to the coded rows below it up to the next code row.
 *     Value cells hold period figures (roll-up by each cell's rule; bundles:
 *     the sum of the units' roll-ups). A table narrower than the sheet has its
 *     last value column merged across the remaining columns (value in the
 *     merge's first cell, under its code).
 *   - blank templates (kind "blank") have the same sheets with no values; the
 *     input cells are unlocked and validated, everything else is protected;
 *     the ledger sheet's roll-up column holds formulas (readers ignore it).
 * Sheet order: COVER_SHEET (people only), the sheets of workbookSheets, then
 * CHART_SHEET (the breakdown picture; only templates with category
 * indicators, never in blanks; people only), then DATA_SHEET.
 * To compare visible and hidden data, roll the data sheet's months up by each
 * cell's rule (per unit, then summed) and compare with the visible figures.
 * Year figures typed into a table sheet by hand (blank template for a whole
 * year) are stored against the period's last month, opening balances
 * (rollup "first") against its first month.
 */
import type { Section, TableSection, Template } from '../template/schema';
import { storedText } from '../values/precision';
import { isWholeYear, type Period } from '../values/period';

/**
 * Every workbook format there has been, oldest first: what a reader needs
 * to know of each. The writer writes the last; readers take any listed and
 * refuse a newer one (newer_format, asking to upgrade). A new format is a
 * new row here, and a row in the compatibility table of docs/import.md.
 */
export const WORKBOOK_FORMATS = [
  { version: 1, packedValues: false, amountPlaces: 2, note: '隐藏数据页每个数值一行' },
  { version: 2, packedValues: true, amountPlaces: 2, note: '隐藏数据页每个单位每月一行（ref=value;…）' },
  { version: 3, packedValues: true, amountPlaces: 4, note: '金额按各指标的小数位数（以万元计的最多四位）' },
  { version: 4, packedValues: true, amountPlaces: 4, note: '隐藏数据页带签名（Ed25519），内容指纹含单位与修订号' },
] as const;
export type WorkbookFormat = (typeof WORKBOOK_FORMATS)[number];

export const WORKBOOK_FORMAT_VERSION: number = WORKBOOK_FORMATS[WORKBOOK_FORMATS.length - 1].version;

/** The format of a version this release reads, or undefined (newer than it knows, or not a version). */
export function workbookFormat(version: number): WorkbookFormat | undefined {
  return WORKBOOK_FORMATS.find((f) => f.version === version);
}

/**
 * The first format whose data sheet is signed and whose fingerprint covers
 * identity and revision. Older formats are read as unsigned (未签名).
 */
export const SIGNED_FORMAT_VERSION = 4;
export const DATA_SHEET = '_ledger_data';
export const DATA_MARKER = 'LEDGER-DATA';
export const UNITS_MARKER = '[units]';
export const VALUES_MARKER = '[values]';
export const COVER_SHEET = '封面';
export const LEDGER_SHEET = '台账';
/** The category breakdown picture (templates with category indicators). */
export const CHART_SHEET = '分类统计图';
/** A1 of a table sheet's hidden code row starts with this marker, then " <section code>". */
export const TABLE_COLS_MARKER = '[cols]';
/** Header of the hidden code column A on the ledger sheet. */
export const CODE_HEADER = '代码';

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
  'public_key',
  'signature',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** The kinds a unit exports (and an office imports). */
export const WORKBOOK_KINDS = ['submission', 'bundle', 'blank'] as const;
/**
 * The office's 汇总表: level totals, per-unit detail and status, for people to
 * read and print. It carries no unit's values, so importers refuse it (the
 * 汇总报送表, a bundle, is what goes one level up).
 */
export const SUMMARY_KIND = 'summary';
export type ExportKind = (typeof WORKBOOK_KINDS)[number];
export type WorkbookKind = ExportKind | typeof SUMMARY_KIND;

/** One unit whose values a workbook carries ([units] block). */
export interface WorkbookUnit {
  code: string;
  name: string;
  kind: string;
  /** Code of the parent unit in the exporting file's directory, '' if none. */
  parentCode: string;
}

export const UNIT_COLUMNS = ['unit_code', 'unit_name', 'unit_kind', 'parent_code'] as const;
export const VALUE_COLUMNS = ['unit_code', 'month', 'values'] as const;
/** The [values] header of format 1 (one row per value). */
export const VALUE_COLUMNS_V1 = ['unit_code', 'indicator', 'col', 'month', 'value'] as const;

export interface WorkbookValue {
  unitCode: string;
  indicator: string;
  col: string;
  month: number;
  value: number;
}

/**
 * Format 1's canonical text whose SHA-256 was the fingerprint: independent
 * of row order and of how a spreadsheet program formats numbers. Kept to
 * check format-1 workbooks; format 2 hashes its packed rows instead.
 */
export function canonicalValuesV1(
  meta: { templateId: string; templateVersion: number; period: string },
  values: WorkbookValue[],
  kindOf: (indicator: string, col: string) => 'count' | 'amount' = () => 'count',
): string {
  const lines = values
    .map((v) => `${v.unitCode}\t${v.indicator}\t${v.col}\t${v.month}\t${storedText(v.value, kindOf(v.indicator, v.col))}`)
    .sort();
  return [`${meta.templateId}@${meta.templateVersion}`, meta.period, ...lines].join('\n');
}

/**
 * The exporter's stamp in the zip's archive comment: the CRC-32 of every
 * worksheet part except the data sheet's, as the zip directory declares them.
 * When a received file's directory still declares the same CRCs, its visible
 * sheets are byte for byte as exported and agree with the data sheet by
 * construction, so the importer reads only the data sheet. Any program that
 * re-saves or edits the file (Excel, WPS, LibreOffice, a zip tool) drops the
 * comment or changes a CRC, and the visible sheets are then read and
 * compared cell by cell. The stamp speeds reading up; it is not a seal: the
 * importer trusts it only when the data sheet's signature verifies against
 * the key the office registered for the unit (docs/import.md).
 */
export const PART_CRC_MARKER = 'LEDGER-PART-CRC32';

export function formatPartChecksums(parts: [name: string, crc: number][]): string {
  return `${PART_CRC_MARKER} ${parts.map(([name, crc]) => `${name}=${crc.toString(16).padStart(8, '0')}`).join(';')}`;
}

/** null when the comment is not our stamp. */
export function parsePartChecksums(comment: string): Map<string, number> | null {
  if (!comment.startsWith(`${PART_CRC_MARKER} `)) return null;
  const out = new Map<string, number>();
  for (const item of comment.slice(PART_CRC_MARKER.length + 1).split(';')) {
    const m = /^([^=;]+)=([0-9a-f]{8})$/.exec(item);
    if (!m) return null;
    out.set(m[1], parseInt(m[2], 16));
  }
  return out;
}

/** Month column header of list sheets: "3月". */
export const monthHeader = (m: number) => `${m}月`;
export const YEAR_HEADER = '全年';

/** The {期间} part of export file names: 全年, 3月, 1-6月. */
export function exportPeriodLabel(p: Period): string {
  return periodTotalHeader(p) ?? monthHeader(p.fromMonth);
}

/** What file names call a template: its fileLabel, else its name. */
export function templateFileLabel(template: Pick<Template, 'name' | 'fileLabel'>): string {
  return template.fileLabel ?? template.name;
}

/**
 * Windows-safe export file name: {年份}年{单位名称}政务公开统计_{模板}_{期间}.xlsx —
 * the template named, so a 2017 ledger and a 2021-format workbook of the same
 * unit and period never take each other's name in an office's folder.
 */
export function exportFileName(year: number, unitName: string, templateLabel: string, periodLabel: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what Windows forbids
  const safe = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim();
  return `${year}年${safe(unitName)}政务公开统计_${safe(templateLabel)}_${safe(periodLabel)}.xlsx`;
}

/**
 * Header of the ledger sheet's roll-up column; null for a single month (the
 * month column is the period figure).
 */
export function periodTotalHeader(p: Period): string | null {
  if (isWholeYear(p)) return YEAR_HEADER;
  if (p.fromMonth === p.toMonth) return null;
  return `${p.fromMonth}-${p.toMonth}月`;
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string): string {
  const clean = title.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '');
  return [...clean].slice(0, 31).join('') || 'Sheet';
}

export type WorkbookSheet =
  | { kind: 'ledger'; name: string; sections: Extract<Section, { kind: 'list' }>[] }
  | { kind: 'table'; name: string; title: string; sections: TableSection[] };

/**
 * The visible data sheets of a template, in workbook order (after the cover):
 * one ledger sheet for all list sections (if any), then one sheet per table
 * `sheet` (consecutive or not, tables sharing a `sheet` go together, in
 * template order), else per table section.
 */
export function workbookSheets(template: Template): WorkbookSheet[] {
  const out: WorkbookSheet[] = [];
  const lists = template.sections.filter((s): s is Extract<Section, { kind: 'list' }> => s.kind === 'list');
  if (lists.length > 0) out.push({ kind: 'ledger', name: LEDGER_SHEET, sections: lists });
  const byTitle = new Map<string, Extract<WorkbookSheet, { kind: 'table' }>>();
  for (const s of template.sections) {
    if (s.kind !== 'table') continue;
    const title = s.sheet ?? s.title;
    let sheet = byTitle.get(title);
    if (!sheet) {
      sheet = { kind: 'table', name: sheetName(title), title, sections: [] };
      byTitle.set(title, sheet);
      out.push(sheet);
    }
    sheet.sections.push(s);
  }
  return out;
}
