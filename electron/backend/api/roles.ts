/**
 * Refuses a filer the calls only an office (汇总单位) may make: the method
 * files mark them (officeOnly in shared/api/common.ts) beside their schemas.
 */
import { OFFICE_ONLY, type Method } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { SETTING_ROLE, type BackendContext } from '../context';
import { getSetting } from '../store/settings';

export function roleRefusal(ctx: BackendContext, method: Method): ApiError | null {
  if (!OFFICE_ONLY.has(method)) return null;
  if (getSetting(ctx.store.db, SETTING_ROLE) === 'aggregator') return null;
  return { code: 'forbidden', message: '此功能仅供汇总单位（市/县政府办公室）使用；本数据文件设置为“本单位填报”' };
}
