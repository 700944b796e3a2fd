import { createHash } from 'node:crypto';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, monthPeriod } from '../../../shared/values/period';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { workbookFingerprint } from '../export/fingerprint';

/** One unit's month as submissions store it: the same content gives the same hash whatever file carried it. */
export function monthFingerprint(template: Template, year: number, month: number, values: WorkbookValue[]): string {
  return workbookFingerprint(template, monthPeriod(year, month), values);
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const monthKey = (year: number, month: number) => formatPeriodKey(monthPeriod(year, month));
