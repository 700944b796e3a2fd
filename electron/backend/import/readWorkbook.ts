/**
 * Reads one received workbook: which template, unit(s), period and revision
 * it carries, its values, and whether its visible cells still agree with the
 * hidden data. Only the workbook, relationship, shared-string and worksheet
 * parts are inflated (not styles, drawings or pictures).
 */
import type { FileDifference } from '../../../shared/api/methods/import';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, parsePeriodKey, type Period } from '../../../shared/values/period';
import { sameFigure } from '../../../shared/values/precision';
import { CONTROL_CHARS_MESSAGE, hasControlChars } from '../../../shared/values/textSafety';
import {
  COVER_SHEET,
  DATA_SHEET,
  parsePartChecksums,
  SIGNED_FORMAT_VERSION,
  SUMMARY_KIND,
  WORKBOOK_FORMAT_VERSION,
  WORKBOOK_FORMATS,
  workbookFormat,
  type WorkbookKind,
  type WorkbookUnit,
  type WorkbookValue,
} from '../../../shared/workbook/format';
import { readMonthStateRows, type StateRowRead, type WorkbookMonthState } from '../../../shared/workbook/monthStates';
import type { PackedRow } from '../../../shared/workbook/packedValues';
import { flattenUnitMonths, groupUnitMonths, type UnitMonthValues } from '../../../shared/workbook/unitMonths';
import { visibleFiguresOfMonths } from '../workbook/figures';
import { identityFingerprint, rowsFingerprint, workbookFingerprintV1 } from '../workbook/fingerprint';
import { isPublicKeyText, verifyText } from '../workbook/seal';
import { canonicalSealText } from '../../../shared/workbook/sealText';
import { type ImportProblem, refuse } from '../workbook/problems';
import { openWorkbook } from '../workbook/openWorkbook';
import { cellText, parseSheetCells, type SheetCells, xmlText } from '../workbook/sheetXml';
import { checkDataValues, packedMonths, parseDataSheet, type WorkbookMeta } from '../workbook/dataSheetRead';
import { readVisibleSheets, type VisibleRead } from '../workbook/visibleSheets';
import { type OpenZip, WORKSHEET_PART } from '../workbook/xlsxZip';

/** A visible cell that disagrees with the hidden data (as the API reports it). */
export type CellDifference = FileDifference;

export type { WorkbookMeta } from '../workbook/dataSheetRead';

export interface ReadWorkbook {
  meta: WorkbookMeta;
  template: Template;
  /** data: the hidden data sheet; visible: the visible sheets (re-saved files, hand-filled blanks). */
  source: 'data' | 'visible';
  units: WorkbookUnit[];
  /** The values to import by unit and month (the visible ones when the user chose to take them). */
  months: UnitMonthValues[];
  /** The same values as a flat list (built on first use). */
  readonly values: WorkbookValue[];
  differences: CellDifference[];
  /** Problems that refuse the file (cell-level ones carry sheet and cell). */
  problems: ImportProblem[];
  /**
   * The data sheet's packed rows when they are exactly what will be imported
   * (format 2, fingerprint checked, so their text is canonical): month
   * fingerprints hash them instead of packing the values again.
   */
  rows: PackedRow[] | null;
  /** Months the units had marked complete or declared 本月无数据, with their explanations (none without a data sheet). */
  monthStates: WorkbookMonthState[];
  /** Whether the data sheet is signed (the signature verified against the key it carries) and by which key. */
  seal: FileSeal;
  /**
   * The values are the data sheet's, and this read compared the visible
   * sheets with them without a difference or a problem: a later read of the
   * same bytes need not read them again (ReadOptions.visibleAgreed).
   */
  visibleAgreed: boolean;
  /** The visible sheets were not read (the registered key's seal, or a re-read of bytes whose visible sheets agreed). */
  visibleSkipped: boolean;
}

/** signed: the signature verifies against publicKey; whose key that is, is the planner's question (batch.ts). */
export interface FileSeal {
  state: 'signed' | 'unsigned';
  publicKey: string | null;
}

export interface ReadOptions {
  templates: (id: string) => Template | undefined;
  /** Tampered file: import the visible values instead of refusing. */
  takeVisible?: boolean;
  /** The key the office registered for a unit: only a file sealed by it may skip reading its visible sheets. */
  registeredKey?: (unitCode: string) => string | undefined;
  /**
   * The same bytes (same SHA-256) were read and checked by this batch's dry
   * run: the data sheet's fingerprint is not worked out again (it matched).
   */
  verified?: boolean;
  /**
   * With `verified`: that dry run read the values from the data sheet and
   * found the visible sheets in agreement with them (no differences, no
   * problems), so the visible sheets of these same bytes are not read again.
   */
  visibleAgreed?: boolean;
}

/** The data sheet's month states, each about a unit and month of the file; a month declared 本月无数据 carries no figures. */
function readStates(stateRows: StateRowRead[], units: WorkbookUnit[], meta: WorkbookMeta, months: UnitMonthValues[]): WorkbookMonthState[] {
  const read = readMonthStateRows(stateRows, new Set(units.map((u) => u.code)), meta.period.fromMonth, meta.period.toMonth);
  if (!read.ok) refuse('bad_meta', `隐藏数据页第 ${read.row} 行的月份状态无效（${read.why}），文件不可信`, DATA_SHEET, `A${read.row}`);
  const filled = new Set(months.filter((m) => m.values.size > 0).map((m) => `${m.unitCode}\t${m.month}`));
  for (const s of read.states) {
    if (s.state === 'noData' && filled.has(`${s.unitCode}\t${s.month}`)) {
      refuse('bad_meta', `隐藏数据页声明 ${s.month}月无数据，却含有该月的数据，文件不可信`, DATA_SHEET);
    }
  }
  return read.states;
}

/** The exporter's stamp still matches every worksheet part but the data sheet's (format.ts PART_CRC_MARKER). */
function untouchedSince(zip: OpenZip, dataPath: string | undefined): boolean {
  const stamped = parsePartChecksums(zip.comment);
  if (!stamped || !dataPath) return false;
  let parts = 0;
  for (const [name, crc] of zip.crcs) {
    if (!WORKSHEET_PART.test(name) || name === dataPath) continue;
    if (stamped.get(name) !== crc) return false;
    parts++;
  }
  return parts === stamped.size;
}

export function readWorkbook(bytes: Uint8Array, opts: ReadOptions): ReadWorkbook {
  const { zip, sheets: list, shared } = openWorkbook(bytes);
  const parts = new Map<string, Uint8Array>();
  const dataPath = list.find((s) => s.name === DATA_SHEET)?.path;
  const stamped = untouchedSince(zip, dataPath);
  // The data sheet first: whether the visible sheets must be read depends on its signature.
  for (const [name, part] of zip.read((n) => n === dataPath)) parts.set(name, part);
  let visibleRead = false;
  const readVisibleParts = () => {
    if (visibleRead) return;
    visibleRead = true;
    for (const [name, part] of zip.read((n) => WORKSHEET_PART.test(n) && n !== dataPath)) parts.set(name, part);
  };
  const sheetCache = new Map<string, SheetCells>();
  const sheet = (name: string): SheetCells | undefined => {
    if (sheetCache.has(name)) return sheetCache.get(name);
    const entry = list.find((s) => s.name === name);
    if (entry && entry.path !== dataPath) readVisibleParts();
    const part = entry && parts.get(entry.path);
    const cells = part ? parseSheetCells(xmlText(part), shared, name) : undefined;
    if (cells) sheetCache.set(name, cells);
    return cells;
  };

  const data = list.some((s) => s.name === DATA_SHEET) ? sheet(DATA_SHEET) : undefined;
  const parsed = data ? parseDataSheet(data) : undefined;
  const meta = parsed?.meta ?? coverMeta(sheet(COVER_SHEET));
  const format = workbookFormat(meta.formatVersion);
  if (!format) {
    refuse(
      'newer_format',
      `此文件由较新版本的软件导出（工作簿格式第 ${meta.formatVersion} 版，本软件能读第 ${WORKBOOK_FORMATS[0].version}–${WORKBOOK_FORMAT_VERSION} 版），请升级本软件后再导入`,
    );
  }
  if (meta.kind === SUMMARY_KIND) {
    refuse(
      'summary_not_importable',
      '这是汇总表（供阅读和打印），其中只有合计、没有各单位的数据，不能导入。请让下级单位导出“汇总报送表（含下级单位）”后再导入',
    );
  }
  const template = opts.templates(meta.templateId) ?? refuse('unknown_template', `报表模板“${meta.templateId}”不在本软件中，不是本系统的报表或模板未安装`);
  if (template.version !== meta.templateVersion) {
    const what =
      meta.templateVersion < template.version
        ? `请报送单位升级软件，按第 ${template.version} 版重新填报导出后再报送`
        : '请升级本软件（使之带有该版模板）后再导入';
    refuse('template_version', `文件使用《${template.name}》第 ${meta.templateVersion} 版，本软件为第 ${template.version} 版，口径不同不能合并：${what}`);
  }

  let months: UnitMonthValues[] | undefined;
  let rows: PackedRow[] | null = null;
  let seal: FileSeal = { state: 'unsigned', publicKey: null };
  if (parsed && meta.kind !== 'blank') {
    if (format.packedValues) {
      months = packedMonths(template, meta, parsed.units, parsed.packed);
      rows = parsed.packed;
    } else {
      checkDataValues(template, meta, parsed.units, parsed.values);
      months = groupUnitMonths(parsed.values);
    }
    // The signature first: it says what was changed more exactly than the fingerprint it also covers.
    if (meta.formatVersion >= SIGNED_FORMAT_VERSION) seal = checkSeal(template, meta, parsed.units, months);
    const periodKey = formatPeriodKey(meta.period);
    const fingerprint =
      opts.verified && meta.fingerprint !== null
        ? meta.fingerprint
        : meta.formatVersion >= SIGNED_FORMAT_VERSION
          ? identityFingerprint(template, periodKey, { kind: meta.kind, unitCode: meta.unitCode, unitName: meta.unitName, revision: meta.revision, units: parsed.units }, rows!)
          : format.packedValues
            ? rowsFingerprint(template, periodKey, rows!)
            : workbookFingerprintV1(template, meta.period, parsed.values);
    if (fingerprint !== meta.fingerprint) {
      refuse('fingerprint_mismatch', '隐藏数据页被改动（内容指纹不符），文件不可信，请让报送单位重新导出', DATA_SHEET);
    }
  }
  // The shortcut (visible sheets not read) only for a file sealed by the key the office registered for its sender:
  // anyone can recompute a checksum or a fingerprint, nobody else can make that signature.
  // Or the same bytes' visible sheets were compared by this batch's dry run and agreed (the same bytes read the same).
  const untouched =
    (opts.verified === true && opts.visibleAgreed === true && parsed !== undefined && months !== undefined) ||
    (stamped && seal.state === 'signed' && seal.publicKey !== null && opts.registeredKey !== undefined && opts.registeredKey(meta.unitCode) === seal.publicKey);

  let visible: VisibleRead = { monthly: new Map(), period: new Map(), problems: [] };
  if (!untouched) {
    const visibleSheets = new Map<string, SheetCells>();
    for (const s of list) if (s.state === 'visible' && s.name !== COVER_SHEET) visibleSheets.set(s.name, sheet(s.name) ?? new Map());
    visible = readVisibleSheets(template, meta.period, visibleSheets);
  }
  const problems = [...visible.problems];

  let units: WorkbookUnit[];
  let differences: CellDifference[] = [];
  let visibleAgreed = false;
  let tookVisible = false;
  let source: 'data' | 'visible';
  if (parsed && months) {
    source = 'data';
    units = parsed.units;
    if (problems.length === 0 && !untouched) {
      differences = compareVisible(template, meta.period, months, visible);
      if (differences.length && opts.takeVisible) {
        if (meta.kind === 'bundle') refuse('tampered', '汇总报送表的可见数据被改动，无法按单位拆分，请让报送单位重新导出');
        months = groupUnitMonths(takeVisible(template, meta, flattenUnitMonths(months), differences));
        differences = [];
        tookVisible = true;
        rows = null;
        // What is imported is no longer what was signed.
        seal = { state: 'unsigned', publicKey: null };
      }
    }
    // Said only when this read compared them: the registered-key shortcut is decided again by each read.
    visibleAgreed = !untouched && !tookVisible && problems.length === 0 && differences.length === 0;
  } else {
    if (meta.kind === 'bundle') refuse('bundle_without_data', '汇总报送表缺少隐藏数据页（可能被其他软件另存），无法拆分到各单位，请让报送单位重新导出');
    source = 'visible';
    units = parsed?.units.slice(0, 1) ?? [{ code: meta.unitCode, name: meta.unitName, kind: '', parentCode: '' }];
    months = groupUnitMonths(visibleValues(template, meta, visible));
  }
  const finalMonths = months;
  const monthStates = parsed && source === 'data' ? readStates(parsed.stateRows, units, meta, finalMonths) : [];
  let flat: WorkbookValue[] | undefined;
  return {
    monthStates,
    meta,
    template,
    source,
    units,
    months: finalMonths,
    get values() {
      return (flat ??= flattenUnitMonths(finalMonths));
    },
    differences,
    problems,
    rows,
    seal,
    visibleAgreed,
    visibleSkipped: untouched,
  };
}

/**
 * A signed-format data sheet: unsigned (neither key nor signature), or a
 * signature that verifies against the key it carries over the canonical text
 * of everything read (sealText.ts). Anything else — a signature that fails,
 * one without its key — refuses the file: it was changed after it was signed.
 * Whose key it is, the planner decides against the office's register.
 */
function checkSeal(template: Template, meta: WorkbookMeta, units: WorkbookUnit[], months: UnitMonthValues[]): FileSeal {
  if (meta.publicKey === null && meta.signature === null) return { state: 'unsigned', publicKey: null };
  if (meta.publicKey === null || meta.signature === null || !isPublicKeyText(meta.publicKey)) {
    refuse('bad_signature', '签名无效：隐藏数据页的签名或签名密钥不完整，文件在导出后被改动，不可信，请让报送单位重新导出', DATA_SHEET);
  }
  const text = canonicalSealText({ meta: meta.rows, units, cells: templateCells(template), months });
  if (!verifyText(meta.publicKey, text, meta.signature)) {
    refuse('bad_signature', '签名无效：隐藏数据页的内容与签名不符（数据、修订号或单位信息在导出后被改动），文件不可信，请让报送单位重新导出', DATA_SHEET);
  }
  return { state: 'signed', publicKey: meta.publicKey };
}

const KIND_BY_LABEL: [RegExp, WorkbookKind][] = [
  [/^空白模板/, 'blank'],
  [/^汇总报送表/, 'bundle'],
  [/^汇总表/, 'summary'],
  [/^报送表/, 'submission'],
];

/** "2017年", "2017年3月", "2017年1月至6月" back to a period. */
export function parsePeriodLabel(label: string): Period | null {
  const m = /^(\d{4})年(?:(\d{1,2})月(?:至(\d{1,2})月)?)?$/.exec(label.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return parsePeriodKey(String(year));
  const from = Number(m[2]);
  const to = m[3] ? Number(m[3]) : from;
  return parsePeriodKey(from === to ? `${year}-${from}` : `${year}-${from}..${year}-${to}`);
}

/** Without the data sheet, the cover still says who, when and which template. */
function coverMeta(cover: SheetCells | undefined): WorkbookMeta {
  if (!cover) refuse('not_ledger_workbook', '不是本系统导出的报表：没有“封面”工作表，也没有隐藏数据页');
  const fields = new Map<string, string>();
  for (const row of cover.values()) {
    const k = cellText(row.get(1)).trim();
    if (k) fields.set(k, cellText(row.get(2)).trim());
  }
  const tpl = /（([a-z][a-z0-9_.-]*)，第\s*(\d+)\s*版）$/.exec(fields.get('报表模板') ?? '');
  const period = parsePeriodLabel(fields.get('统计期间') ?? '');
  const unitCode = fields.get('单位代码') ?? '';
  const kind = KIND_BY_LABEL.find(([re]) => re.test(fields.get('文件类型') ?? ''))?.[1];
  if (!tpl || !period || !unitCode || !kind) {
    refuse('not_ledger_workbook', '不是本系统导出的报表：封面缺少单位代码、统计期间、报表模板或文件类型', COVER_SHEET);
  }
  if (hasControlChars(fields.get('单位名称') ?? '')) refuse('bad_name', `封面的单位名称${CONTROL_CHARS_MESSAGE}`, COVER_SHEET);
  const rev = /第\s*(\d+)\s*次导出/.exec(fields.get('修订号') ?? '');
  return {
    formatVersion: WORKBOOK_FORMAT_VERSION,
    kind,
    templateId: tpl[1],
    templateVersion: Number(tpl[2]),
    unitCode,
    unitName: fields.get('单位名称') ?? '',
    period,
    revision: kind === 'blank' ? 0 : rev ? Number(rev[1]) : 0,
    exportedAt: null,
    fingerprint: fields.get('内容指纹') || null,
    publicKey: null,
    signature: null,
    rows: [],
  };
}

/** Visible figures as monthly values: table figures go to the period's last month (openings: its first). */
function visibleValues(template: Template, meta: WorkbookMeta, visible: VisibleRead): WorkbookValue[] {
  const cells = templateCells(template);
  const out: WorkbookValue[] = [];
  for (const [ref, months] of visible.monthly) {
    const def = cells.get(ref)!;
    for (const [month, c] of months) if (c.value !== null) out.push({ unitCode: meta.unitCode, indicator: def.indicator, col: def.col, month, value: c.value });
  }
  for (const [ref, c] of visible.period) {
    const def = cells.get(ref)!;
    if (c.value === null) continue;
    const month = def.rollup === 'first' ? meta.period.fromMonth : meta.period.toMonth;
    out.push({ unitCode: meta.unitCode, indicator: def.indicator, col: def.col, month, value: c.value });
  }
  return out;
}

const same = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : (b ?? null) !== null && sameFigure(a!, b!);

function compareVisible(template: Template, period: Period, months: UnitMonthValues[], visible: VisibleRead): CellDifference[] {
  const cells = templateCells(template);
  const figures = visibleFiguresOfMonths(template, period, months);
  const out: CellDifference[] = [];
  for (const [ref, months] of visible.monthly) {
    const expected = figures.monthly.get(ref);
    for (const [month, c] of months) {
      const data = expected?.[month] ?? null;
      if (!same(data, c.value)) out.push({ sheet: c.sheet, cell: c.cell, ref, label: cells.get(ref)!.label, month, data, visible: c.value, valueKind: cells.get(ref)!.valueKind, decimals: cells.get(ref)!.decimals });
    }
  }
  for (const [ref, c] of visible.period) {
    const data = figures.period.get(ref) ?? null;
    if (!same(data, c.value)) out.push({ sheet: c.sheet, cell: c.cell, ref, label: cells.get(ref)!.label, month: null, data, visible: c.value, valueKind: cells.get(ref)!.valueKind, decimals: cells.get(ref)!.decimals });
  }
  return out;
}

/** The data's values with each differing visible cell taken over (table figures anchored as in visibleValues). */
function takeVisible(template: Template, meta: WorkbookMeta, values: WorkbookValue[], diffs: CellDifference[]): WorkbookValue[] {
  const cells = templateCells(template);
  const { period, unitCode } = meta;
  let out = [...values];
  for (const d of diffs) {
    const def = cells.get(d.ref)!;
    const code = unitCode;
    if (d.month !== null) {
      out = out.filter((v) => !(v.indicator === def.indicator && v.col === def.col && v.month === d.month));
      if (d.visible !== null) out.push({ unitCode: code, indicator: def.indicator, col: def.col, month: d.month, value: d.visible });
    } else {
      out = out.filter((v) => !(v.indicator === def.indicator && v.col === def.col));
      const month = def.rollup === 'first' ? period.fromMonth : period.toMonth;
      if (d.visible !== null) out.push({ unitCode: code, indicator: def.indicator, col: def.col, month, value: d.visible });
    }
  }
  return out;
}

