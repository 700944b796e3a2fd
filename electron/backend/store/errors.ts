/** Failures of the data file and its storage: each carries the Chinese message shown to the user. */
export type StoreErrorCode =
  | 'not_ledger_file'
  | 'corrupt'
  | 'newer_version'
  | 'locked'
  | 'in_use'
  | 'busy'
  | 'read_only'
  | 'disk_full'
  | 'io';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
