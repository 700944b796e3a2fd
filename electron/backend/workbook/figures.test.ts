import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import { fromScaled, toScaled } from '../../../shared/values/precision';
import type { UnitMonthValues } from '../../../shared/workbook/unitMonths';
import { defaultResourcesDir } from '../paths';
import { aggregatePeriodFigures, type MonthlyFigures } from '../store/aggregate';
import { loadTemplates } from '../templates/registry';
import { visibleFiguresOfMonths } from './figures';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));

describe('visible figures of one unit (a submission)', () => {
  it('are what the general roll-up over units gives, month by month and for the period (random months, every template)', () => {
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let compared = 0;
    for (const template of templates.all()) {
      const cells = [...templateCells(template).values()];
      for (let n = 0; n < 40; n++) {
        const fromMonth = 1 + Math.floor(rand() * 12);
        const toMonth = fromMonth + Math.floor(rand() * (13 - fromMonth));
        const months: UnitMonthValues[] = [];
        for (let month = 1; month <= 12; month++) {
          if (rand() < 0.2) continue;
          const values = new Map<string, number>();
          for (const def of cells) {
            if (rand() < 0.4) continue;
            const whole = Math.floor(rand() * 100_000);
            // Amounts with their places and with a spreadsheet's binary noise; a ref the template lacks is left out.
            const value = def.decimals === 0 ? whole : rand() < 0.5 ? whole / 10 ** def.decimals : whole / 10 ** def.decimals + 1e-12;
            values.set(def.ref, value);
          }
          if (rand() < 0.1) values.set('no.such.cell', 3);
          months.push({ unitCode: 'U1', month, values });
        }
        const got = visibleFiguresOfMonths(template, { year: 2024, fromMonth, toMonth }, months);
        // The general route: each month's figure rounded to its places, then the units' period figures added up.
        const own: MonthlyFigures = new Map();
        const byRef = templateCells(template);
        for (const m of months) {
          if (m.month < fromMonth || m.month > toMonth) continue;
          for (const [ref, value] of m.values) {
            const def = byRef.get(ref);
            if (!def) continue;
            if (!own.has(ref)) own.set(ref, new Array<number | null>(13).fill(null));
            own.get(ref)![m.month] = fromScaled(toScaled(value, def.decimals), def.decimals);
          }
        }
        expect(got.monthly).toEqual(own);
        expect([...got.period]).toEqual([...aggregatePeriodFigures(template, new Map(own.size ? [[0, own]] : []), fromMonth, toMonth)]);
        compared += got.period.size;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
