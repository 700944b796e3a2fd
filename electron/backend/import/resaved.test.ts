/**
 * Workbooks that went through other programs are still accepted: re-saved
 * by LibreOffice (headless), with the data sheet removed by openpyxl (the
 * visible-sheet path), and a blank template filled in by openpyxl.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellRef } from '../../../shared/template/cells';
import { monthPeriod, yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, LEDGER_SHEET, type WorkbookUnit, type WorkbookValue } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { rowOfCode, setCell } from '../testing/xlsxEdit';
import { fillEveryCell } from '../testing/seedValues';
import { tempDir } from '../testing/tempBackend';
import { readWorkbook } from './readWorkbook';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const national = templates.get('national-2021')!;
const unit: WorkbookUnit = { code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' };
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const dir = tempDir('ledger-import-resaved-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readWorkbook(fs.readFileSync(file), { templates: (id) => templates.get(id) });
const key = (v: WorkbookValue) => `${v.unitCode}|${cellRef(v.indicator, v.col)}|${v.month}|${Math.round(v.value * 100) / 100}`;
const sorted = (vs: WorkbookValue[]) => vs.map(key).sort();

function python(script: string, ...args: string[]) {
  execFileSync('/usr/bin/python3', ['-c', script, ...args], { timeout: 60_000, stdio: 'pipe' });
}

const suiningValues = fillEveryCell(suining, 'D01', MONTHS);
const nationalValues = fillEveryCell(national, 'D01', [6]);

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'suining.xlsx'), await workbookBytes({ template: suining, unit, values: suiningValues }));
  fs.writeFileSync(path.join(dir, 'national.xlsx'), await workbookBytes({ template: national, unit, values: nationalValues, period: monthPeriod(2017, 6) }));
  fs.writeFileSync(path.join(dir, 'blank.xlsx'), await workbookBytes({ template: suining, unit, kind: 'blank', period: yearPeriod(2017) }));
  const out = path.join(dir, 'lo');
  fs.mkdirSync(out);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, `lo-profile-${process.pid}`)}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, path.join(dir, 'suining.xlsx'), path.join(dir, 'national.xlsx')],
    { timeout: 240_000, stdio: 'pipe' },
  );
}, 300_000);

describe('re-saved and hand-filled workbooks', () => {
  it('LibreOffice re-save: accepted with the same values (whichever path the program left us)', () => {
    for (const [name, values] of [
      ['suining.xlsx', suiningValues],
      ['national.xlsx', nationalValues],
    ] as const) {
      const r = read(path.join(dir, 'lo', name));
      expect(r.problems, name).toEqual([]);
      expect(r.differences, name).toEqual([]);
      expect(sorted(r.values), name).toEqual(sorted(values));
      // The signature covers values, not bytes: the re-saved file still verifies against the unit's key.
      expect(r.source, name).toBe('data');
      expect(r.seal, name).toEqual({ state: 'signed', publicKey: unitSigner('D01').publicKey });
    }
  });

  it('LibreOffice re-save of a signed file: the visible cells are still compared, even with the key registered', () => {
    const src = fs.readFileSync(path.join(dir, 'lo', 'suining.xlsx'));
    const code = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
    const edited = setCell(new Uint8Array(src), LEDGER_SHEET, `E${rowOfCode(new Uint8Array(src), LEDGER_SHEET, code)}`, 999);
    const r = readWorkbook(edited, { templates: (id) => templates.get(id), registeredKey: () => unitSigner('D01').publicKey });
    expect(r.seal.state).toBe('signed');
    expect(r.differences).toEqual([expect.objectContaining({ sheet: LEDGER_SHEET, ref: code, month: 2, visible: 999 })]);
  });

  it('LibreOffice re-save with the data sheet removed by openpyxl: read from the visible sheets by code', () => {
    const src = path.join(dir, 'lo', 'suining.xlsx');
    const dst = path.join(dir, 'lo-nodata.xlsx');
    python(
      'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nif sys.argv[3] in wb.sheetnames: del wb[sys.argv[3]]\nwb.save(sys.argv[2])',
      src,
      dst,
      DATA_SHEET,
    );
    const r = read(dst);
    expect(r.source).toBe('visible');
    expect(r.meta).toMatchObject({ unitCode: 'D01', templateId: 'suining-2017', revision: 1, kind: 'submission' });
    expect(r.problems).toEqual([]);
    expect(sorted(r.values)).toEqual(sorted(suiningValues));
  });

  it('a blank template filled in by openpyxl', () => {
    const dst = path.join(dir, 'filled.xlsx');
    // Column D is 1月: fill every indicator row's January with its row number.
    python(
      'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb[sys.argv[3]]\nfor row in ws.iter_rows(min_row=4):\n  if row[0].value: row[3].value = row[0].row\nwb.save(sys.argv[2])',
      path.join(dir, 'blank.xlsx'),
      dst,
      LEDGER_SHEET,
    );
    const r = read(dst);
    expect(r.problems).toEqual([]);
    expect(r.meta.kind).toBe('blank');
    const january = r.values.filter((v) => v.month === 1);
    const listCount = suining.sections.flatMap((s) => (s.kind === 'list' ? s.groups.flatMap((g) => g.indicators) : [])).length;
    expect(january.length).toBe(listCount);
    expect(r.values.length).toBe(listCount);
    expect(january.every((v) => Number.isInteger(v.value) && v.value >= 4)).toBe(true);
  });
});
