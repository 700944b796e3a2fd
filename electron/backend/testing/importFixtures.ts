/** Test and bench support: workbooks as departments and counties send them, written by the real writer. */
import type { Template } from '../../../shared/template/schema';
import { yearPeriod, type Period } from '../../../shared/values/period';
import type { WorkbookKind, WorkbookUnit, WorkbookValue } from '../../../shared/workbook/format';
import { createHash } from 'node:crypto';
import type { WorkbookMonthState } from '../../../shared/workbook/monthStates';
import { writeWorkbookBuffer } from '../export/buildWorkbook';
import { type SigningKey, signingKeyFromSeed } from '../workbook/seal';

/** The key a unit's own data file would sign with: one per unit code, the same in every test. */
export function unitSigner(unitCode: string, salt = ''): SigningKey {
  return signingKeyFromSeed(createHash('sha256').update(`test-key:${salt}:${unitCode}`).digest());
}

export interface WorkbookSpec {
  template: Template;
  unit: WorkbookUnit;
  units?: WorkbookUnit[];
  values?: WorkbookValue[];
  period?: Period;
  revision?: number;
  kind?: WorkbookKind;
  /** Default: the exporting unit's test key (unitSigner); null: unsigned. */
  signer?: SigningKey | null;
  /** Default: 5 January 2018, or the 5th of the month after the period when that is later (a workbook made once its months were over). */
  exportedAt?: string;
  /** Months marked complete or declared 本月无数据 (the data sheet's month_state rows). */
  monthStates?: WorkbookMonthState[];
}

function afterPeriod(p: Period): string {
  const [y, m] = p.toMonth === 12 ? [p.year + 1, 1] : [p.year, p.toMonth + 1];
  const after = `${y}-${String(m).padStart(2, '0')}-05T08:30:00.000Z`;
  return after > '2018-01-05T08:30:00.000Z' ? after : '2018-01-05T08:30:00.000Z';
}

export async function workbookBytes(s: WorkbookSpec): Promise<Uint8Array> {
  const period = s.period ?? yearPeriod(2017);
  const out = await writeWorkbookBuffer({
    kind: s.kind ?? 'submission',
    template: s.template,
    period,
    unit: s.unit,
    units: s.units ?? [s.unit],
    values: s.values ?? [],
    revision: s.revision ?? 1,
    exportedAt: s.exportedAt ?? afterPeriod(period),
    monthStates: s.monthStates ?? [],
    appVersion: '0.1.0-test',
    ...(s.signer === null ? {} : { signer: s.signer ?? unitSigner(s.unit.code) }),
  });
  return new Uint8Array(out.buffer);
}
