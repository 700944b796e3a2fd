/** The data file's settings. */
import { settingsOf } from '../../appSettings';
import { resolveUnit, SETTING_OPERATOR } from '../../context';
import { fail } from '../../failure';
import { setSetting } from '../../store/settings';
import { SETTING_DEFAULT_TEMPLATE } from '../../templates/defaultTemplate';
import { findUnitByCode, updateUnit } from '../../store/units';
import type { HandlerMap } from '../types';

export const settingsHandlers: HandlerMap<'settings.update' | 'settings.ownUnit'> = {
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

  'settings.ownUnit': (ctx, { unitName, unitCode }) => {
    const db = ctx.store.db;
    return db.transaction(() => {
      const self = resolveUnit(ctx);
      const clash = findUnitByCode(db, unitCode);
      if (clash && clash.id !== self.id) fail('conflict', `单位代码 ${unitCode} 已被名录中的“${clash.name}”使用，请换一个代码`, 'unitCode');
      return updateUnit(db, self.id, { name: unitName, code: unitCode });
    }).immediate();
  },
};
