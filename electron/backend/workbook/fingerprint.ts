import { createHash, type Hash } from 'node:crypto';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, type Period } from '../../../shared/values/period';
import { canonicalValuesV1, type WorkbookValue } from '../../../shared/workbook/format';
import { canonicalFingerprintText, canonicalPackedText, type FingerprintIdentity, packedRows, type PackedRow } from '../../../shared/workbook/packedValues';

const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Feeds canonicalPackedText's bytes to the hash piece by piece: a month's
 * packed cells are not joined into one more copy of the whole data sheet's
 * text first (a reader hashes every file's rows, and every month's again).
 * Every piece is whole characters, so its UTF-8 is the text's.
 */
function hashPackedText(hash: Hash, meta: { templateId: string; templateVersion: number; period: string }, rows: PackedRow[]): Hash {
  hash.update(`${meta.templateId}@${meta.templateVersion}\n${meta.period}`, 'utf8');
  const lines = rows.filter((r) => r.chunks.length > 0);
  if (lines.length > 1) lines.sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.month - b.month));
  for (const r of lines) {
    hash.update(`\n${r.unitCode}\t${r.month}\t`, 'utf8');
    r.chunks.forEach((chunk, i) => {
      if (i > 0) hash.update(';', 'utf8');
      hash.update(chunk, 'utf8');
    });
  }
  return hash;
}

/** SHA-256 hex of the canonical packed rows (canonicalPackedText): what the importer recomputes to detect edits. */
export function rowsFingerprint(template: Template, periodKey: string, rows: PackedRow[]): string {
  return hashPackedText(createHash('sha256'), { templateId: template.id, templateVersion: template.version, period: periodKey }, rows).digest('hex');
}

/** The fingerprint of a signed-format workbook (canonicalFingerprintText): its identity and revision as well as its rows. */
export function identityFingerprint(template: Template, periodKey: string, identity: FingerprintIdentity, rows: PackedRow[]): string {
  const meta = { templateId: template.id, templateVersion: template.version, period: periodKey };
  // The identity lines, then the packed text after its newline: canonicalFingerprintText with the rows' part hashed in pieces.
  const head = canonicalFingerprintText(meta, identity, []);
  const identityLines = head.slice(0, head.length - canonicalPackedText(meta, []).length);
  return hashPackedText(createHash('sha256').update(identityLines, 'utf8'), meta, rows).digest('hex');
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
