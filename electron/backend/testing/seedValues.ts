/**
 * Test and bench data: the 2017 Suining totals (resources/demo) spread over
 * twelve months so that each cell's roll-up gives the published total back,
 * and a deterministic filling of the national tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';

export function seedTotals(): Record<string, number> {
  const file = path.join(defaultResourcesDir(), 'demo', 'suining-2017-totals.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { totals: Record<string, number> }).totals;
}

/** Months whose roll-up by each cell's rule is the given total (sum: split; last: growing to it; first: from it). */
export function spreadOverMonths(template: Template, totals: Record<string, number>, unitCode: string, months = 12): WorkbookValue[] {
  const out: WorkbookValue[] = [];
  for (const [ref, total] of Object.entries(totals)) {
    const cell = templateCells(template).get(ref);
    if (!cell) throw new Error(`no cell ${ref} in ${template.id}`);
    for (let m = 1; m <= months; m++) {
      let value: number;
      if (cell.rollup === 'sum') {
        const h = Math.round(total * 100);
        const base = Math.floor(h / months / (cell.valueKind === 'amount' ? 1 : 100)) * (cell.valueKind === 'amount' ? 1 : 100);
        const rest = h - base * months;
        const step = cell.valueKind === 'amount' ? 1 : 100;
        value = (base + (m <= rest / step ? step : 0)) / 100;
      } else if (cell.rollup === 'last') value = Math.max(0, total - (months - m) * 3);
      else value = total + (m - 1) * 2;
      out.push({ unitCode, indicator: cell.indicator, col: cell.col, month: m, value });
    }
  }
  return out;
}

/** A deterministic value for every cell of a template in every month (amounts with cents). */
export function fillEveryCell(template: Template, unitCode: string, months: number[], salt = 0): WorkbookValue[] {
  const out: WorkbookValue[] = [];
  let i = salt;
  for (const cell of templateCells(template).values()) {
    for (const m of months) {
      i++;
      const value = cell.valueKind === 'amount' ? ((i * 37) % 1000) / 100 + 1 : (i * 7) % 13;
      out.push({ unitCode, indicator: cell.indicator, col: cell.col, month: m, value });
    }
  }
  return out;
}
