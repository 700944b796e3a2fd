import { createHash } from 'node:crypto';
import type { Template } from '../../../shared/template/schema';
import { formatPeriodKey, monthPeriod } from '../../../shared/values/period';
import { rowsFingerprint } from './fingerprint';

/**
 * One unit's month as submissions store it, from its packed values
 * (packMonth): the same content gives the same hash whatever file carried it.
 */
export function monthFingerprint(template: Template, year: number, month: number, unitCode: string, chunks: string[]): string {
  return rowsFingerprint(template, monthKey(year, month), [{ unitCode, month, chunks }]);
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const monthKey = (year: number, month: number) => formatPeriodKey(monthPeriod(year, month));
