/**
 * Everything the workbook writer needs, already read from the store: the
 * writer itself never touches the database, so the importer's tests can build
 * any workbook they need from plain data.
 */
import type { Template } from '../../../shared/template/schema';
import type { Period } from '../../../shared/values/period';
import type { WorkbookKind, WorkbookUnit, WorkbookValue } from '../../../shared/workbook/format';
import type { WorkbookMonthState } from '../../../shared/workbook/monthStates';
import type { VisibleFigures } from '../workbook/figures';
import type { SigningKey } from '../workbook/seal';

export interface WorkbookInput {
  kind: WorkbookKind;
  template: Template;
  period: Period;
  /** The exporting unit (meta unit_code / unit_name, title, cover). */
  unit: WorkbookUnit;
  /** Units whose values the workbook carries: [unit] for a submission, the subtree for a bundle, [unit] for a blank. */
  units: WorkbookUnit[];
  /** Stored monthly values of those units within the period (none for a blank). */
  values: WorkbookValue[];
  revision: number;
  /** ISO time. */
  exportedAt: string;
  appVersion: string;
  contact?: { person: string; phone: string };
  /** Months of the units marked complete or declared 本月无数据, with the explanations accepted (data sheet meta rows). */
  monthStates?: WorkbookMonthState[];
  /** What the period's check found, printed on the cover (检查情况); none for blanks and summaries. */
  checkLine?: string;
  /** What the visible sheets show when worked out elsewhere (a summary's level totals); otherwise derived from values. */
  figures?: VisibleFigures;
  /** The exporting data file's key: the data sheet is signed with it. Without one the workbook is unsigned (tests of unsigned files). */
  signer?: SigningKey;
  /** The category breakdown picture (PNG), placed on CHART_SHEET when given. */
  chart?: { png: Uint8Array; width: number; height: number };
}
