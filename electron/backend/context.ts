/**
 * What every handler works with: the open store, the templates, and the
 * identity of this data file's unit and operator.
 */
import type { Role, Unit } from '../../shared/domain';
import type { Template } from '../../shared/template/schema';
import { fail } from './failure';
import type { Store } from './store/store';
import { getSetting } from './store/settings';
import { findUnitByCode, findUnitById } from './store/units';
import type { TemplateRegistry } from './templates/registry';

export interface BackendContext {
  /** The open data file; a restore replaces its rows in place (backup/restore.ts), the connection stays. */
  store: Store;
  templates: TemplateRegistry;
  appVersion: string;
  resourcesDir: string;
}

export const SETTING_SELF_UNIT = 'self.unitId';
export const SETTING_ROLE = 'self.role';
export const SETTING_OPERATOR = 'operator';

export function selfUnit(ctx: BackendContext): Unit | undefined {
  const id = getSetting(ctx.store.db, SETTING_SELF_UNIT);
  return id === undefined ? undefined : findUnitById(ctx.store.db, Number(id));
}

/** Who reads rule messages in this data file: an office gets its own advice, a clerk never. */
export function ruleAudience(ctx: BackendContext): Role {
  return getSetting(ctx.store.db, SETTING_ROLE) === 'aggregator' ? 'aggregator' : 'filer';
}

/** The unit named by code, or this file's own unit when no code is given. */
export function resolveUnit(ctx: BackendContext, unitCode?: string): Unit {
  if (unitCode === undefined) {
    return selfUnit(ctx) ?? fail('not_setup', '尚未完成初始设置：请先填写本单位名称和代码');
  }
  return findUnitByCode(ctx.store.db, unitCode) ?? fail('not_found', `单位代码 ${unitCode} 不在单位名录中`, 'unitCode');
}

export function resolveTemplate(ctx: BackendContext, templateId: string): Template {
  return ctx.templates.get(templateId) ?? fail('not_found', `没有编号为 ${templateId} 的报表模板`, 'templateId');
}

/** Who a change is recorded against in the value history. */
export function operatorName(ctx: BackendContext): string {
  const op = getSetting(ctx.store.db, SETTING_OPERATOR) ?? '';
  const unit = selfUnit(ctx);
  const who = op || '未署名';
  return unit ? `${who}（${unit.code}）` : who;
}
