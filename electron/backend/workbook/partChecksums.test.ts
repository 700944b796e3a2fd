import path from 'node:path';
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, parsePartChecksums } from '../../../shared/workbook/format';
import { readWorkbook } from '../import/readWorkbook';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { sheetPath, zipComment } from '../testing/xlsxEdit';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const unit = { code: 'D01', name: '市财政局', kind: '部门', parentCode: '' };

describe('part checksums in the zip comment', () => {
  for (const id of ['suining-2017', 'national-2021']) {
    it(`${id}: the stamp lists every worksheet but the data sheet, with the CRC-32 of its bytes`, async () => {
      const template = templates.get(id)!;
      const bytes = await workbookBytes({ template, unit, values: fillEveryCell(template, 'D01', [1, 2, 3], 1), period: yearPeriod(2017) });
      const stamped = parsePartChecksums(zipComment(bytes))!;
      const parts = unzipSync(bytes);
      const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
      const data = sheetPath(bytes, DATA_SHEET);
      expect([...stamped.keys()].sort()).toEqual(sheets.filter((n) => n !== data).sort());
      for (const [name, crc] of stamped) expect(crc, name).toBe(zlib.crc32(parts[name]));
      // What an untouched file reads back is what was written, with nothing to compare.
      const read = readWorkbook(bytes, { templates: (x) => templates.get(x) });
      expect(read.differences).toEqual([]);
      expect(read.values.length).toBe(fillEveryCell(template, 'D01', [1, 2, 3], 1).length);
    });
  }

  it('reads nothing but our own stamp', () => {
    expect(parsePartChecksums('')).toBeNull();
    expect(parsePartChecksums('made by zip 3.0')).toBeNull();
    expect(parsePartChecksums('LEDGER-PART-CRC32 xl/worksheets/sheet1.xml=xyz')).toBeNull();
    expect(parsePartChecksums('LEDGER-PART-CRC32 a.xml=0000000f;b.xml=ffffffff')).toEqual(new Map([['a.xml', 15], ['b.xml', 0xffffffff]]));
  });
});
