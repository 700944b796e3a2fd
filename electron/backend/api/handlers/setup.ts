/** First run: this data file's own unit and role. */
import { SETTING_OPERATOR, SETTING_ROLE, SETTING_SELF_UNIT, selfUnit } from '../../context';
import { fail } from '../../failure';
import { setSetting } from '../../store/settings';
import { findUnitByCode, insertUnit, updateUnit } from '../../store/units';
import type { HandlerMap } from '../types';
import { appStatus } from './app';

export const setupHandlers: HandlerMap<'setup.init'> = {
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
    return appStatus(ctx);
  },
};
