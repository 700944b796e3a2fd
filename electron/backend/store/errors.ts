/** Failures opening a data file: each carries the Chinese message shown to the user. */
export type StoreErrorCode = 'not_ledger_file' | 'corrupt' | 'newer_version' | 'locked' | 'io';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
