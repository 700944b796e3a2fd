/**
 * The rows of a unit's read-only ledger: every cell of the template, grouped
 * under its section, with the twelve months as stored and the year rolled up
 * by the cell's own rule (as every total in the app is).
 */
import type { CellValue } from '../../../../shared/domain';
import { cellRef, templateCells, type CellDef } from '../../../../shared/template/cells';
import type { Template } from '../../../../shared/template/schema';
import { rollupMonths } from '../../../../shared/values/rollup';

export interface UnitLedgerRow {
  cell: CellDef;
  /** Index 1..12 (0 unused); null where nothing was entered. */
  months: (number | null)[];
  year: number | null;
}

export interface UnitLedgerSection {
  code: string;
  title: string;
  rows: UnitLedgerRow[];
}

export function unitLedgerSections(template: Template, values: readonly CellValue[]): UnitLedgerSection[] {
  const byRef = new Map<string, (number | null)[]>();
  for (const v of values) {
    const ref = cellRef(v.indicator, v.col);
    let months = byRef.get(ref);
    if (!months) byRef.set(ref, (months = new Array<number | null>(13).fill(null)));
    months[v.month] = v.value;
  }
  const cells = [...templateCells(template).values()];
  return template.sections.map((s) => ({
    code: s.code,
    title: s.title,
    rows: cells
      .filter((c) => c.sectionCode === s.code)
      .map((cell) => {
        const months = byRef.get(cell.ref) ?? new Array<number | null>(13).fill(null);
        return { cell, months, year: rollupMonths(months, cell.rollup, cell.valueKind) };
      }),
  }));
}
