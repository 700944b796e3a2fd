/** The data file's settings. */
import { settingsOf } from '../../appSettings';
import { SETTING_OPERATOR } from '../../context';
import { fail } from '../../failure';
import { setSetting } from '../../store/settings';
import { SETTING_DEFAULT_TEMPLATE } from '../../templates/defaultTemplate';
import type { HandlerMap } from '../types';

export const settingsHandlers: HandlerMap<'settings.update'> = {
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
};
