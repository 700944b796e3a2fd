/** What reader threads need to read a backend's files (readPool.ts ReaderContext): its templates and the keys registered now. */
import type { BackendContext } from '../context';
import { listUnitKeys } from '../store/keys';
import type { ReaderContext } from './readPool';

export function readerContextOf(ctx: BackendContext): ReaderContext {
  return { templates: ctx.templates.all(), keys: new Map(listUnitKeys(ctx.store.db).map((k) => [k.unitCode, k.publicKey])) };
}
