/**
 * The data outlive the app: every stored value read through the view
 * `ledger_values` (migration 007) with a plain better-sqlite3 connection,
 * no app code on the reading side, is exactly what the app answers.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { fillEveryCell, seedTotals, spreadOverMonths } from '../testing/seedValues';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { countFigures } from './monthValues';
import { insertUnit } from './units';
import { applyChanges, type ValueChange } from './values';

const author = { operator: '测试', source: 'test' };
let b: TempBackend;
const units: { id: number; code: string }[] = [];

type Written = Omit<WorkbookValue, 'value'> & { value: number | null };

function changes(values: Written[], templateId: string, year: number): ValueChange[] {
  const id = new Map(units.map((u) => [u.code, u.id]));
  return values.map((v) => ({ unitId: id.get(v.unitCode)!, templateId, year, month: v.month, indicator: v.indicator, col: v.col, value: v.value }));
}

beforeAll(async () => {
  b = await tempBackend({ role: 'aggregator' });
  const db = b.ctx.store.db;
  for (const code of ['V-A', 'V-B', 'V-C']) units.push({ code, id: insertUnit(db, { code, name: `单位${code}`, kind: '部门', parentId: null }).id });
  const suining = b.ctx.templates.get('suining-2017')!;
  const national = b.ctx.templates.get('national-2021')!;
  // A first layout of two refs, grown later by everything else: rows of both layouts stay.
  applyChanges(db, changes([{ unitCode: 'V-C', indicator: 'pub.total', col: '', month: 1, value: 7 }, { unitCode: 'V-C', indicator: 'pub.key', col: '', month: 1, value: 0.5 }], 'suining-2017', 2016), author);
  applyChanges(db, changes(spreadOverMonths(suining, seedTotals(), 'V-A'), 'suining-2017', 2017), author);
  applyChanges(db, changes(fillEveryCell(national, 'V-B', [1, 2, 3, 12]), 'national-2021', 2021), author);
  applyChanges(db, changes(fillEveryCell(suining, 'V-C', [4, 5], 3), 'suining-2017', 2017), author);
  // Empty places: at the start, runs of several, and one month cleared entirely (no row).
  const cleared = fillEveryCell(suining, 'V-C', [4], 3).filter((_, i) => i < 3 || (i > 10 && i < 16) || i % 4 === 0).map((v) => ({ ...v, value: null }));
  applyChanges(db, changes(cleared, 'suining-2017', 2017), author);
  applyChanges(db, changes(fillEveryCell(suining, 'V-C', [5], 3).map((v) => ({ ...v, value: null })), 'suining-2017', 2017), author);
  b.close();
}, 120_000);

afterAll(() => b.dispose());

describe('ledger_values', () => {
  it('reads every stored value, with a plain connection, as the app does', async () => {
    const plain = new Database(b.dataFile, { readonly: true });
    const viewed = (plain.prepare('SELECT unit_code, template_id, year, month, indicator, col, value FROM ledger_values').all() as {
      unit_code: string;
      template_id: string;
      year: number;
      month: number;
      indicator: string;
      col: string;
      value: number;
    }[]).map((r) => `${r.unit_code}|${r.template_id}|${r.year}|${r.month}|${r.indicator}|${r.col}|${r.value}`);
    const layouts = (plain.prepare('SELECT COUNT(*) AS n FROM value_layouts WHERE template_id = ?').get('suining-2017') as { n: number }).n;
    plain.close();

    // The app's side, through its own API on a fresh open of the same file.
    const app = await tempBackend({ dir: b.dir, setup: false });
    const seen: string[] = [];
    const years: [string, string, number][] = [
      ['V-A', 'suining-2017', 2017],
      ['V-B', 'national-2021', 2021],
      ['V-C', 'suining-2017', 2016],
      ['V-C', 'suining-2017', 2017],
    ];
    for (const [unitCode, templateId, year] of years) {
      for (const v of (await app.invoke('values.getYear', { unitCode, templateId, year })).values) {
        if (v.value !== null) seen.push(`${unitCode}|${templateId}|${year}|${v.month}|${v.indicator}|${v.col}|${v.value}`);
      }
    }
    const stored = countFigures(app.ctx.store.db);
    app.close();

    expect(layouts).toBe(2);
    expect(viewed.length).toBe(stored);
    expect(viewed.length).toBeGreaterThan(1500);
    expect(viewed.some((r) => r.startsWith('V-C|suining-2017|2017|5|'))).toBe(false);
    expect(viewed.some((r) => /\|\d+\.\d+$/.test(r))).toBe(true);
    expect([...viewed].sort()).toEqual([...seen].sort());
  });
});
