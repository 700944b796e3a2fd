/**
 * Loads the current ledger's city demo (resources/demo/ledger-2021-city.json,
 * shared/demo/cityDemo.ts): the city's units into the directory and their
 * figures for every year, spread over the months. On a file not yet set up
 * the city's office becomes the file's own unit (an office); otherwise the
 * city goes under this file's unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DemoLoaded } from '../../../shared/api/methods/demo';
import { cityDemoTotals, type CityDemoSpec } from '../../../shared/demo/cityDemo';
import { spreadYear } from '../../../shared/demo/spread';
import { UNIT_KINDS } from '../../../shared/domain';
import { splitRef } from '../../../shared/template/cells';
import { fail } from '../failure';
import { SETTING_ROLE, SETTING_SELF_UNIT, operatorName, resolveTemplate, selfUnit, type BackendContext } from '../context';
import { setSetting } from '../store/settings';
import { findUnitByCode, insertUnit, updateUnit } from '../store/units';
import { DEMO_SOURCE, recordDemoUnits } from './demoUnits';
import type { ValueChange } from '../store/values';
import type { ValueWriter } from '../writePolicy';

const specSchema = z.object({
  templateId: z.string().min(1),
  units: z.array(z.object({ code: z.string().min(1), name: z.string().min(1), kind: z.enum(UNIT_KINDS), parent: z.string(), weight: z.number().positive() })).min(1),
  opening: z.record(z.string(), z.number().nonnegative()),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      outcomes: z.record(z.string(), z.number().int().nonnegative()),
      carriedOut: z.number().int().nonnegative(),
      carriedIn: z.number().int().nonnegative().optional(),
      figures: z.record(z.string(), z.number().nonnegative()),
    }),
  ),
});

function readSpec(ctx: BackendContext): z.infer<typeof specSchema> & CityDemoSpec {
  const file = path.join(ctx.resourcesDir, 'demo', 'ledger-2021-city.json');
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail('not_found', `演示数据文件无法读取：${file}（${(e as Error).message}）`, file);
  }
  const parsed = specSchema.safeParse(json);
  if (!parsed.success) fail('invalid_value', `演示数据文件格式不对：${parsed.error.issues[0]?.message ?? ''}`, file);
  return parsed.data;
}

export function loadCityDemo(ctx: BackendContext, values: ValueWriter): Omit<DemoLoaded, 'backup'> {
  const spec = readSpec(ctx);
  const template = resolveTemplate(ctx, spec.templateId);
  const totals = cityDemoTotals(template, spec);
  const db = ctx.store.db;
  return db.transaction((): Omit<DemoLoaded, 'backup'> => {
    const self = selfUnit(ctx);
    const ids = new Map<string, number>();
    let becameSelf = false;
    const created: string[] = [];
    for (const u of spec.units) {
      const parentId = u.parent ? ids.get(u.parent)! : self && self.code !== u.code ? self.id : null;
      let unit = findUnitByCode(db, u.code);
      if (!unit) {
        unit = insertUnit(db, { code: u.code, name: u.name, kind: u.kind, parentId });
        created.push(u.code);
      }
      else if (unit.id !== self?.id && unit.parentId !== parentId) unit = updateUnit(db, unit.id, { parentId });
      ids.set(u.code, unit.id);
      if (!u.parent && !self) {
        setSetting(db, SETTING_SELF_UNIT, String(unit.id));
        setSetting(db, SETTING_ROLE, 'aggregator');
        becameSelf = true;
      }
    }
    const changes: ValueChange[] = [];
    for (const [code, years] of totals) {
      for (const [year, yearTotals] of years) {
        const { months } = spreadYear(template, yearTotals);
        for (const [ref, series] of months) {
          const { indicator, col } = splitRef(ref);
          for (let m = 1; m <= 12; m++) changes.push({ unitId: ids.get(code)!, templateId: template.id, year, month: m, indicator, col, value: series[m] });
        }
      }
    }
    const applied = values.apply(changes, { operator: operatorName(ctx), source: DEMO_SOURCE });
    recordDemoUnits(db, created);
    const root = spec.units.find((u) => !u.parent)!;
    return { unitCode: root.code, unitName: root.name, templateId: template.id, year: Math.max(...Object.keys(spec.years).map(Number)), becameSelf, cellsWritten: applied.length };
  }).immediate();
}
