/**
 * The text a workbook's signature covers (format.ts SIGNED_FORMAT_VERSION on):
 * the whole data sheet — every meta row but the signature itself, every unit
 * row and every unit-month's values — in one versioned canonical form.
 * Generic on purpose: a meta row or a value added to the data sheet later is
 * covered as it stands, without a second signature format.
 *
 * Canonical means the same content gives the same bytes, whichever way it
 * was written or read: meta rows and units are sorted, numbers in meta rows
 * are written as JavaScript writes them, and each month's values are packed
 * again from their numbers in template order (packMonth), so neither the
 * order of a map nor how a spreadsheet program formats a number changes
 * the text. What the signature guards is the content, not the file's bytes:
 * a genuine workbook re-saved by a spreadsheet program still verifies.
 */
import type { CellDef } from '../template/cells';
import type { WorkbookUnit } from './format';
import { packMonth } from './packedValues';
import type { UnitMonthValues } from './unitMonths';

/** First line of the signed text; a new canonical form gets a new version and both stay readable. */
export const SEAL_TEXT_VERSION = 'LEDGER-SEAL-1';
/** The meta row that cannot sign itself. */
export const SIGNATURE_KEY = 'signature';

export interface SealContent {
  /**
   * Every meta row of the data sheet above [units] — A1's marker row, the
   * meta keys, month states and explanations, rows added later — each as its
   * cells from column A, in any order.
   */
  meta: Iterable<readonly (string | number)[]>;
  units: readonly WorkbookUnit[];
  /** The template's cells (templateCells): the packing order. */
  cells: Map<string, CellDef>;
  months: readonly UnitMonthValues[];
}

const cellValue = (v: string | number) => (typeof v === 'number' ? String(v) : v.trim());
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A row's cells as text, without the empty cells at its end (a reader cannot tell them from absent ones). */
function metaLine(row: readonly (string | number)[]): string[] {
  const cells = row.map(cellValue);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** One JSON array per line: no field's content (a tab, a newline, a quote) can shift another. */
export function canonicalSealText(c: SealContent): string {
  const meta = [...c.meta]
    .map(metaLine)
    .filter((cells) => cells.length > 0 && cells[0] !== SIGNATURE_KEY)
    .map((cells) => JSON.stringify(['meta', ...cells]))
    .sort(byText);
  const lines: string[] = [JSON.stringify([SEAL_TEXT_VERSION]), ...meta];
  for (const u of [...c.units].sort((a, b) => byText(a.code, b.code))) lines.push(JSON.stringify(['unit', u.code, u.name, u.kind, u.parentCode]));
  const months = c.months
    .filter((m) => m.values.size > 0)
    .slice()
    .sort((a, b) => byText(a.unitCode, b.unitCode) || a.month - b.month);
  for (const m of months) lines.push(JSON.stringify(['month', m.unitCode, m.month, packMonth(c.cells, m.values).join(';')]));
  return lines.join('\n');
}
