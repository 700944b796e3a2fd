import path from 'node:path';
import type { AppStatus, BackupSummary } from '../../../../shared/api/methods/core';
import type { BackupInfo } from '../../store/backups';
import { restoreBackup } from '../../backup/restore';
import { SETTING_OPERATOR, SETTING_ROLE, SETTING_SELF_UNIT, selfUnit, type BackendContext } from '../../context';
import { allSettings, setSetting } from '../../store/settings';
import { SETTING_DEFAULT_TEMPLATE } from '../../templates/defaultTemplate';
import { findUnitByCode, insertUnit, listUnits, updateUnit } from '../../store/units';
import { settingsOf } from '../../appSettings';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

function status(ctx: BackendContext): AppStatus {
  const unit = selfUnit(ctx) ?? null;
  const role = allSettings(ctx.store.db)[SETTING_ROLE];
  return {
    appVersion: ctx.appVersion,
    setupDone: unit !== null,
    unit,
    role: role === 'filer' || role === 'aggregator' ? role : null,
    settings: settingsOf(ctx),
    dataFile: ctx.store.file,
    templateProblems: ctx.templates.problems,
  };
}

const summary = (b: BackupInfo): BackupSummary => ({ name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes });

export const coreHandlers: HandlerMap<
  | 'app.status'
  | 'setup.init'
  | 'settings.update'
  | 'templates.list'
  | 'templates.get'
  | 'units.list'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
> = {
  'app.status': (ctx) => status(ctx),

  'setup.init': (ctx, input) => {
    const db = ctx.store.db;
    db.transaction(() => {
      const existing = findUnitByCode(db, input.unitCode);
      const current = selfUnit(ctx);
      if (current && current.code !== input.unitCode && existing) {
        fail('conflict', `单位代码 ${input.unitCode} 已被名录中的“${existing.name}”使用`, 'unitCode');
      }
      let unit;
      if (current) unit = updateUnit(db, current.id, { code: input.unitCode, name: input.unitName, kind: input.unitKind });
      else if (existing) unit = updateUnit(db, existing.id, { name: input.unitName, kind: input.unitKind });
      else unit = insertUnit(db, { code: input.unitCode, name: input.unitName, kind: input.unitKind });
      setSetting(db, SETTING_SELF_UNIT, String(unit.id));
      setSetting(db, SETTING_ROLE, input.role);
      if (input.operator !== undefined) setSetting(db, SETTING_OPERATOR, input.operator);
    }).immediate();
    return status(ctx);
  },

  'settings.update': (ctx, input) => {
    const db = ctx.store.db;
    if (input.defaultTemplateId !== undefined && !ctx.templates.get(input.defaultTemplateId)) {
      fail('not_found', `没有编号为 ${input.defaultTemplateId} 的报表模板`, 'defaultTemplateId');
    }
    db.transaction(() => {
      if (input.operator !== undefined) setSetting(db, SETTING_OPERATOR, input.operator);
      if (input.contactPerson !== undefined) setSetting(db, 'contact.person', input.contactPerson);
      if (input.contactPhone !== undefined) setSetting(db, 'contact.phone', input.contactPhone);
      if (input.defaultTemplateId !== undefined) setSetting(db, SETTING_DEFAULT_TEMPLATE, input.defaultTemplateId);
    }).immediate();
    return settingsOf(ctx);
  },

  'templates.list': (ctx) =>
    ctx.templates.all().map((t) => ({ id: t.id, version: t.version, name: t.name, description: t.description })),

  'templates.get': (ctx, { templateId }) =>
    ctx.templates.get(templateId) ?? fail('not_found', `没有编号为 ${templateId} 的报表模板`, 'templateId'),

  'units.list': (ctx) => listUnits(ctx.store.db),

  'backups.list': (ctx) => ctx.store.backups().map(summary),

  'backups.create': async (ctx) => summary(await ctx.store.backup('manual')),

  'backups.restore': async (ctx, { name }) => {
    const file = path.join(ctx.store.backupsDir, name);
    if (!ctx.store.backups().some((b) => b.name === name)) fail('not_found', `找不到备份 ${name}`, 'name');
    const result = await restoreBackup(ctx, file, name);
    return { restored: name, safetyBackup: result.safetyBackup };
  },
};
