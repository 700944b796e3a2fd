/**
 * Calls only an office (汇总单位) may make: the UI hides these pages from a
 * filer, and the backend refuses them too, so a filer's data file can never
 * be turned into a merge target by a stray call.
 */
import type { Method } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { SETTING_ROLE, type BackendContext } from '../context';
import { getSetting } from '../store/settings';

const OFFICE_ONLY = /^(import|office)\.|^units\.(create|update|deactivate|reactivate|delete|importPreview|importApply)$/;

export function roleRefusal(ctx: BackendContext, method: Method): ApiError | null {
  if (!OFFICE_ONLY.test(method)) return null;
  if (getSetting(ctx.store.db, SETTING_ROLE) === 'aggregator') return null;
  return { code: 'forbidden', message: '此功能仅供汇总单位（市/县政府办公室）使用；本数据文件设置为“本单位填报”' };
}
