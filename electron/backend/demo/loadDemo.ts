/**
 * Loads the real 2017 Suining figures as a demo unit, spread over the months
 * (shared/demo/spread.ts). On a file not yet set up the demo unit becomes the
 * file's own unit (an office), so the app is usable at once; otherwise it is
 * added to the directory under this file's unit.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { DemoLoaded } from '../../../shared/api/methods/demo';
import { spreadYear } from '../../../shared/demo/spread';
import { splitRef } from '../../../shared/template/cells';
import { fail } from '../failure';
import { demoTotalsFile } from '../paths';
import { SETTING_ROLE, SETTING_SELF_UNIT, operatorName, resolveTemplate, selfUnit, type BackendContext } from '../context';
import { setSetting } from '../store/settings';
import { findUnitByCode, insertUnit, updateUnit } from '../store/units';
import type { ValueChange } from '../store/values';
import type { ValueWriter } from '../writePolicy';
import { DEMO_SOURCE, recordDemoUnits } from './demoUnits';

export const DEMO_UNIT_CODE = 'DEMO-SN2017';
export const DEMO_UNIT_NAME = '遂宁市（2017年演示数据）';

const demoFileSchema = z.object({
  templateId: z.string().min(1),
  year: z.number().int(),
  totals: z.record(z.string(), z.number().nonnegative()),
});

function readDemoFile(ctx: BackendContext) {
  const file = demoTotalsFile(ctx.resourcesDir);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail('not_found', `演示数据文件无法读取：${file}（${(e as Error).message}）`, file);
  }
  const parsed = demoFileSchema.safeParse(json);
  if (!parsed.success) fail('invalid_value', `演示数据文件格式不对：${parsed.error.issues[0]?.message ?? ''}`, file);
  return parsed.data;
}

/** `values` applies the handler's write policies (completed months stay locked). */
export function loadDemo(ctx: BackendContext, values: ValueWriter): Omit<DemoLoaded, 'backup'> {
  const demo = readDemoFile(ctx);
  const template = resolveTemplate(ctx, demo.templateId);
  const { months, unknown } = spreadYear(template, demo.totals);
  if (unknown.length > 0) fail('invalid_value', `演示数据含有模板“${template.name}”中没有的指标：${unknown.join('、')}`, 'totals');
  const db = ctx.store.db;
  return db.transaction((): Omit<DemoLoaded, 'backup'> => {
    const self = selfUnit(ctx);
    let unit = findUnitByCode(db, DEMO_UNIT_CODE);
    const becameSelf = !self;
    if (!unit) {
      unit = insertUnit(db, { code: DEMO_UNIT_CODE, name: DEMO_UNIT_NAME, kind: '市', parentId: self && self.code !== DEMO_UNIT_CODE ? self.id : null });
      recordDemoUnits(db, [unit.code]);
    } else if (self && unit.id !== self.id && unit.parentId === null) unit = updateUnit(db, unit.id, { parentId: self.id });
    if (becameSelf) {
      setSetting(db, SETTING_SELF_UNIT, String(unit.id));
      setSetting(db, SETTING_ROLE, 'aggregator');
    }
    const changes: ValueChange[] = [];
    for (const [ref, series] of months) {
      const { indicator, col } = splitRef(ref);
      for (let m = 1; m <= 12; m++) changes.push({ unitId: unit.id, templateId: template.id, year: demo.year, month: m, indicator, col, value: series[m] });
    }
    const applied = values.apply(changes, { operator: operatorName(ctx), source: DEMO_SOURCE });
    return { unitCode: unit.code, unitName: unit.name, templateId: template.id, year: demo.year, becameSelf, cellsWritten: applied.length };
  }).immediate();
}
