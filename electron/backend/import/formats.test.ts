import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, VALUE_COLUMNS_V1, type WorkbookValue } from '../../../shared/workbook/format';
import ExcelJS from 'exceljs';
import { workbookFingerprintV1 } from '../workbook/fingerprint';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { editParts } from '../testing/xlsxEdit';

const h = useImportBackend();

describe('import: data sheet formats', () => {
  /** The same workbook with its [values] block rewritten as format 1 wrote it (one row per value). */
  async function asFormat1(bytes: Uint8Array, values: WorkbookValue[]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    ws.getCell('B1').value = 1;
    let valuesAt = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === 'format_version') row.getCell(2).value = 1;
      if (row.getCell(1).value === 'fingerprint') row.getCell(2).value = workbookFingerprintV1(suining, yearPeriod(2017), values);
      if (row.getCell(1).value === '[values]') valuesAt = r;
    });
    // Format 1 rows are longer (5 cells) and more (one per value) than the packed ones they overwrite.
    ws.getRow(valuesAt + 1).values = [...VALUE_COLUMNS_V1];
    values.forEach((v, i) => (ws.getRow(valuesAt + 2 + i).values = [v.unitCode, v.indicator, v.col === '' ? null : v.col, v.month, v.value]));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('still reads a format-1 workbook (one row per value) and stores the same values', async () => {
    const values = valuesFor('D01');
    const old = await asFormat1(await workbookBytes({ template: suining, unit: D01, values }), values);
    const r = await h.importFiles([['旧格式.xlsx', old]]);
    expect(r.plans[0].problems).toEqual([]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'data', changedValues: values.length });
    const stored = await h.storedYear('D01');
    const key = (v: { indicator: string; col: string; month: number; value: number }) => `${v.indicator} ${v.col} ${v.month} ${Math.round(v.value * 100)}`;
    expect(stored.map(key).sort()).toEqual(values.map(key).sort());
  });

  it('refuses a packed row it cannot read, naming the data sheet cell', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const broken = editParts(bytes, (parts) => {
      const xml = strFromU8(parts['xl/sharedStrings.xml']);
      const changed = xml.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)(\d+)/, '$1十二');
      expect(changed).not.toBe(xml);
      parts['xl/sharedStrings.xml'] = strToU8(changed);
    });
    const before = h.figures();
    const r = await h.importFiles([['坏行.xlsx', broken]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(r.plans[0].problems[0]).toMatchObject({ code: 'bad_meta', sheet: DATA_SHEET, cell: expect.stringMatching(/^C\d+$/) });
    expect(r.plans[0].problems[0].message).toMatch(/不是有效的数字/);
    expect(h.figures()).toBe(before);
  });
});
