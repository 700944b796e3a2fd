import { describe, expect, it } from 'vitest';
import nationalJson from '../../../../resources/templates/national-2021.json';
import { templateSchema } from '../../../../shared/template/schema';
import { unitLedgerSections } from './unitLedgerRows';


describe('a unit’s read-only ledger rows', () => {
  it('lists every cell under its section, months as stored and the year by the cell’s own rule', () => {
    const template = templateSchema.parse(nationalJson);
    const at = (indicator: string, col: string, month: number, value: number) => ({ indicator, col, month, value, updatedAt: '2021-01-01T00:00:00Z' });
    const sections = unitLedgerSections(template, [
      at('t3.new', 'natural', 1, 4),
      at('t3.new', 'natural', 5, 6),
      at('t2.rules', 'in_force', 2, 30),
      at('t2.rules', 'in_force', 7, 28),
      at('t3.carried_in', 'total', 1, 3),
      at('t3.carried_in', 'total', 2, 9),
    ]);
    expect(sections.map((s) => s.code)).toEqual(template.sections.map((s) => s.code));
    const row = (ref: string) => sections.flatMap((s) => s.rows).find((r) => r.cell.ref === ref)!;
    expect(row('t3.new:natural').months.slice(1)).toEqual([4, null, null, null, 6, null, null, null, null, null, null, null]);
    expect(row('t3.new:natural').year).toBe(10);
    expect(row('t2.rules:in_force').year).toBe(28);
    expect(row('t3.carried_in:total').year).toBe(3);
    expect(row('t3.new:commercial').year).toBeNull();
    expect(sections.find((s) => s.code === 't3')!.rows.every((r) => r.cell.sectionCode === 't3')).toBe(true);
  });
});
