/**
 * The boundary: a call arrives as untrusted data (IPC, HTTP, CLI), is checked
 * against the contract, and answers with a typed result. A malformed call is
 * refused before any handler runs, so it changes nothing.
 */
import { performance } from 'node:perf_hooks';
import { apiInputs, isMethod, type Method } from '../../../shared/api/contract';
import { describeIssues } from '../../../shared/api/issueText';
import type { ApiResult } from '../../../shared/api/result';
import type { BackendContext } from '../context';
import { ApiFailure } from '../failure';
import { handlers } from './handlers';
import { roleRefusal } from './roles';
import { storageFailure } from '../store/storageErrors';
import { withCallTiming, type CallTiming } from '../store/callTiming';

/** `timing`, when given, hears the call's phases (browser mode answers with them as a Server-Timing header). */
export async function dispatch(ctx: BackendContext, method: unknown, args: unknown, timing?: CallTiming): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `未知的调用：${String(method).slice(0, 60)}` } };
  }
  const checking = performance.now();
  const parsed = apiInputs[method].safeParse(args ?? {});
  if (!parsed.success) {
    const { message, where } = describeIssues(parsed.error);
    return { ok: false, error: { code: 'bad_request', message, where } };
  }
  const refusal = roleRefusal(ctx, method);
  if (refusal) return { ok: false, error: refusal };
  timing?.add('validate', performance.now() - checking);
  try {
    const handler = handlers[method] as (c: BackendContext, i: unknown) => unknown;
    const data = await withCallTiming(timing, () => handler(ctx, parsed.data));
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, error: e.toError() };
    // A full disk, a read-only file, another writer holding the lock: said in Chinese with what to do.
    const storage = storageFailure(e, ctx.store.file);
    if (storage) return { ok: false, error: { code: 'io', message: storage.message } };
    console.error(`[api] ${method} failed`, e);
    // The program's own words (English, a stack) go to the log above, not to the person.
    return { ok: false, error: { code: 'internal', message: '程序内部出错，本次操作未完成，数据未改动。请重试；如仍出错，请把程序窗口中的错误记录交给技术支持人员' } };
  }
}

export type { Method };
