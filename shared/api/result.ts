/** Every API call answers with a value or a typed error carrying a Chinese message. */
export type ErrorCode =
  | 'bad_request'
  | 'unknown_method'
  | 'not_setup'
  | 'not_found'
  | 'invalid_value'
  | 'conflict'
  | 'locked'
  | 'forbidden'
  | 'rule_errors'
  | 'io'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the problem is (field path, cell, file…), when known. */
  where?: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
