import { createHash } from 'node:crypto';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, type Period } from '../../../shared/values/period';
import { canonicalValues, type WorkbookValue } from '../../../shared/workbook/format';

/** SHA-256 hex of the canonical values: what the importer recomputes to detect edits. */
export function workbookFingerprint(template: Template, period: Period, values: WorkbookValue[]): string {
  const cells = templateCells(template);
  const text = canonicalValues(
    { templateId: template.id, templateVersion: template.version, period: formatPeriodKey(period) },
    values,
    (indicator, col) => cells.get(col === '' ? indicator : `${indicator}:${col}`)?.valueKind ?? 'count',
  );
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
