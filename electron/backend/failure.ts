import type { ApiError, ErrorCode } from '../../shared/api/result';

/** Thrown by handlers to answer with a typed error; anything else is an internal error. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toError(): ApiError {
    return { code: this.code, message: this.message, where: this.where, details: this.details };
  }
}

export function fail(code: ErrorCode, message: string, where?: string, details?: unknown): never {
  throw new ApiFailure(code, message, where, details);
}
