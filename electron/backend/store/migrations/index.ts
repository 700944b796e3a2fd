/**
 * Numbered migrations, applied in order inside one transaction each.
 * Append only: a released migration is never edited.
 */
import { initial } from './001-initial';
import { monthCompletion } from './002-month-completion';
import { exportLog } from './003-export-log';
import { office } from './004-office';
import { packedValues } from './005-packed-values';
import { positionalValues } from './006-positional-values';
import { valuesView } from './007-values-view';
import { submissionStatus } from './008-submission-status';
import { sealedSubmissions } from './009-sealed-submissions';
import { submissionChecks } from './010-submission-checks';
import type { Migration } from './types';

export const MIGRATIONS: Migration[] = [
  initial,
  monthCompletion,
  exportLog,
  office,
  packedValues,
  positionalValues,
  valuesView,
  submissionStatus,
  sealedSubmissions,
  submissionChecks,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
