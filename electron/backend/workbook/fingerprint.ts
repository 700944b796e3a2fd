import { createHash } from 'node:crypto';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, type Period } from '../../../shared/values/period';
import { canonicalValuesV1, type WorkbookValue } from '../../../shared/workbook/format';
import { canonicalFingerprintText, canonicalPackedText, type FingerprintIdentity, packedRows, type PackedRow } from '../../../shared/workbook/packedValues';

const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 hex of the canonical packed rows: what the importer recomputes to detect edits. */
export function rowsFingerprint(template: Template, periodKey: string, rows: PackedRow[]): string {
  return sha256Text(canonicalPackedText({ templateId: template.id, templateVersion: template.version, period: periodKey }, rows));
}

/** The fingerprint of a signed-format workbook: its identity and revision as well as its rows. */
export function identityFingerprint(template: Template, periodKey: string, identity: FingerprintIdentity, rows: PackedRow[]): string {
  return sha256Text(canonicalFingerprintText({ templateId: template.id, templateVersion: template.version, period: periodKey }, identity, rows));
}

/** The fingerprint of values (packed first, as the data sheet carries them). */
export function workbookFingerprint(template: Template, period: Period, values: WorkbookValue[]): string {
  return rowsFingerprint(template, formatPeriodKey(period), packedRows(templateCells(template), [], values));
}

/** What a format-1 workbook carries as its fingerprint. */
export function workbookFingerprintV1(template: Template, period: Period, values: WorkbookValue[]): string {
  const cells = templateCells(template);
  const text = canonicalValuesV1(
    { templateId: template.id, templateVersion: template.version, period: formatPeriodKey(period) },
    values,
    (indicator, col) => cells.get(col === '' ? indicator : `${indicator}:${col}`)?.valueKind ?? 'count',
  );
  return sha256Text(text);
}
