/** The [values] rows of a data sheet, as a spreadsheet program hands them back, unpacked (format 2). */
import { splitRef } from '../../../shared/template/cells';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { unpackMonth } from '../../../shared/workbook/packedValues';

export function unpackValueRows(rows: unknown[][]): WorkbookValue[] {
  const out: WorkbookValue[] = [];
  for (const r of rows) {
    if (r[0] === null || r[0] === undefined || r[0] === '') continue;
    const chunks = r.slice(2).filter((c): c is string => typeof c === 'string');
    const unpacked = unpackMonth(chunks);
    if (!unpacked.ok) throw new Error(unpacked.why);
    for (const [ref, value] of unpacked.values) out.push({ unitCode: String(r[0]), ...splitRef(ref), month: Number(r[1]), value });
  }
  return out;
}
