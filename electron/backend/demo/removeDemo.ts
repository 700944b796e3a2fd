/**
 * 设置 → 移除演示数据: deletes the demo's units with all their figures and
 * history, after a backup. When the demo had become this file's own unit
 * (loaded into a file not yet set up), the file goes back to first-run setup.
 */
import type { DemoRemoved } from '../../../shared/api/methods/demo';
import { SETTING_ROLE, SETTING_SELF_UNIT, selfUnit, type BackendContext } from '../context';
import { fail } from '../failure';
import { deleteSetting } from '../store/settings';
import { listUnits } from '../store/units';
import { deleteUnitsWithRecords } from '../store/unitRemoval';
import { DEMO_UNITS_SETTING, demoUnits } from './demoUnits';

export async function removeDemo(ctx: BackendContext): Promise<DemoRemoved> {
  const db = ctx.store.db;
  if (demoUnits(db).length === 0) fail('not_found', '本数据文件中没有演示数据', 'demo');
  const backup = await ctx.store.backup('before-demo-remove');
  return db.transaction((): DemoRemoved => {
    // Read again inside the transaction: another writer may have changed the directory meanwhile.
    const units = demoUnits(db);
    const ids = new Set(units.map((u) => u.id));
    const keptChild = listUnits(db).find((u) => u.parentId !== null && ids.has(u.parentId) && !ids.has(u.id));
    if (keptChild) {
      const parent = units.find((u) => u.id === keptChild.parentId)!;
      fail('conflict', `演示单位“${parent.name}”下有不属于演示数据的单位“${keptChild.name}”（${keptChild.code}），请先在单位名录中把它移到其他上级单位下，再移除演示数据`, 'demo');
    }
    const self = selfUnit(ctx);
    const wasSelf = self !== undefined && ids.has(self.id);
    deleteUnitsWithRecords(db, [...ids]);
    deleteSetting(db, DEMO_UNITS_SETTING);
    if (wasSelf) {
      deleteSetting(db, SETTING_SELF_UNIT);
      deleteSetting(db, SETTING_ROLE);
    }
    return { removedUnits: units.map((u) => ({ code: u.code, name: u.name })), backup: backup.name, setupReset: wasSelf };
  }).immediate();
}
