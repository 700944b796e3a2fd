/**
 * The one typed API client of the UI. `call` answers with the typed result;
 * `request` throws ApiCallError for callers that prefer exceptions.
 */
import type { Input, Method, Output } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/result';
import { detectTransport, type Transport } from './transport';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export class ApiClient {
  private current: Transport | undefined;

  /** The transport is chosen on first use, so importing the client has no side effects. */
  constructor(private readonly makeTransport: () => Transport) {}

  get transport(): Transport {
    this.current ??= this.makeTransport();
    return this.current;
  }

  call<M extends Method>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
    return this.transport.call(method, input) as Promise<ApiResult<Output<M>>>;
  }

  async request<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await this.call(method, input);
    if (!r.ok) throw new ApiCallError(r.error);
    return r.data;
  }
}

export const api = new ApiClient(detectTransport);
