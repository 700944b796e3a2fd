/**
 * The submission workbook writer: cover, ledger sheet, national table
 * sheets, breakdown picture and the hidden data sheet, from plain data
 * (WorkbookInput). The layout contract is shared/workbook/format.ts.
 */
import ExcelJS from 'exceljs';
import { cellRef, templateCells } from '../../../shared/template/cells';
import { formatPeriodKey, type Period } from '../../../shared/values/period';
import { CHART_SHEET, COVER_SHEET, DATA_MARKER, META_KEYS, type MetaKey, WORKBOOK_FORMAT_VERSION, workbookSheets } from '../../../shared/workbook/format';
import { monthStateRows } from '../../../shared/workbook/monthStates';
import { packedRows } from '../../../shared/workbook/packedValues';
import { canonicalSealText } from '../../../shared/workbook/sealText';
import { groupUnitMonths } from '../../../shared/workbook/unitMonths';
import { writeChartSheet } from './chartSheet';
import { writeCoverSheet } from './coverSheet';
import { writeDataSheet } from './dataSheet';
import { visibleFigures } from '../workbook/figures';
import { identityFingerprint } from '../workbook/fingerprint';
import { signText } from '../workbook/seal';
import { stampPartChecksums } from '../workbook/partChecksums';
import { writeLedgerSheet } from './ledgerSheet';
import { writeTableSheet } from './tableSheet';
import type { WorkbookInput } from './workbookInput';

export const EMPTY_NOTICE = '本期没有任何数据：表内空白表示未填报（不是 0）。';

const periodHas = (p: Period, month: number) => month >= p.fromMonth && month <= p.toMonth;

export interface BuiltWorkbook {
  workbook: ExcelJS.Workbook;
  fingerprint: string;
  /** No value at all in the period (blank templates are always empty). */
  empty: boolean;
  /** What the cover says about the content, e.g. the empty-period notice; null when nothing to say. */
  notice: string | null;
}

export function buildWorkbook(input: WorkbookInput): BuiltWorkbook {
  // The workbook carries exactly the period's values of the template's cells.
  const cells = templateCells(input.template);
  const values =
    input.kind === 'blank' || input.kind === 'summary'
      ? []
      : input.values.filter((v) => v.month >= input.period.fromMonth && v.month <= input.period.toMonth && cells.has(cellRef(v.indicator, v.col)));
  const figures = input.figures ?? visibleFigures(input.template, input.period, values);
  const units = input.kind === 'blank' ? [input.unit] : input.units;
  const rows = packedRows(cells, units.map((u) => u.code), values);
  const revision = input.kind === 'blank' ? 0 : input.revision;
  const fingerprint = identityFingerprint(
    input.template,
    formatPeriodKey(input.period),
    { kind: input.kind, unitCode: input.unit.code, unitName: input.unit.name, revision, units },
    rows,
  );
  const notice = input.kind !== 'blank' && figures.empty ? EMPTY_NOTICE : null;

  const wb = new ExcelJS.Workbook();
  wb.creator = `政务公开台账 ${input.appVersion}`;
  wb.created = new Date(input.exportedAt);
  wb.modified = new Date(input.exportedAt);
  wb.title = `${input.unit.name}政务公开统计`;

  const cover = writeCoverSheet(wb, input, fingerprint, notice);
  const visible: ExcelJS.Worksheet[] = [cover];
  for (const sheet of workbookSheets(input.template)) {
    visible.push(sheet.kind === 'ledger' ? writeLedgerSheet(wb, sheet, input, figures) : writeTableSheet(wb, sheet, input, figures));
  }
  if (input.chart && input.kind !== 'blank') visible.push(writeChartSheet(wb, input.chart));

  const meta: Partial<Record<MetaKey, string | number>> = {
    format_version: WORKBOOK_FORMAT_VERSION,
    kind: input.kind,
    template_id: input.template.id,
    template_version: input.template.version,
    unit_code: input.unit.code,
    unit_name: input.unit.name,
    period: formatPeriodKey(input.period),
    revision,
    exported_at: input.exportedAt,
    app_version: input.appVersion,
    fingerprint,
  };
  const codes = new Set(units.map((u) => u.code));
  const states = input.kind === 'blank' || input.kind === 'summary' ? [] : (input.monthStates ?? []).filter((m) => codes.has(m.unitCode) && periodHas(input.period, m.month));
  if (input.signer) {
    meta.public_key = input.signer.publicKey;
    // Signed as the importer reads it back: every meta row, the units and the months as numbers (sealText.ts).
    const metaRows = [[DATA_MARKER, WORKBOOK_FORMAT_VERSION], ...metaKeyRows(meta), ...monthStateRows(states, units.map((u) => u.code))];
    meta.signature = signText(input.signer, canonicalSealText({ meta: metaRows, units, cells, months: groupUnitMonths(values) }));
  }
  writeDataSheet(wb, meta, units, rows, states);

  if (input.kind === 'blank') {
    // No password: protection guards against slips, not against the clerk.
    for (const ws of visible) {
      if (ws.name === COVER_SHEET || ws.name === CHART_SHEET) continue;
      void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
    }
    void cover.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: visible.length > 1 ? 1 : 0, visibility: 'visible' }];
  return { workbook: wb, fingerprint, empty: figures.empty, notice };
}

/** The meta key rows as writeDataSheet writes them (META_KEYS order, absent keys left out). */
const metaKeyRows = (meta: Partial<Record<MetaKey, string | number>>): (string | number)[][] =>
  META_KEYS.flatMap((k) => (meta[k] === undefined ? [] : [[k, meta[k]]]));

/** The workbook as .xlsx bytes. */
export async function writeWorkbookBuffer(input: WorkbookInput): Promise<Omit<BuiltWorkbook, 'workbook'> & { buffer: Buffer }> {
  const { workbook, ...rest } = buildWorkbook(input);
  // Fast deflate: a third of the time of the default level for a few KB more.
  const options = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  const buffer = stampPartChecksums(Buffer.from(await workbook.xlsx.writeBuffer(options)));
  return { ...rest, buffer };
}
