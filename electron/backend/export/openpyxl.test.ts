/**
 * A real second client: openpyxl (Debian's python3-openpyxl, /usr/bin/python3)
 * reads the exported workbook and must find the hidden data sheet and the
 * same numbers on the visible sheets.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellRef, templateCells } from '../../../shared/template/cells';
import { yearPeriod } from '../../../shared/values/period';
import { rollupMonths } from '../../../shared/values/rollup';
import { DATA_SHEET, LEDGER_SHEET, type WorkbookUnit, type WorkbookValue } from '../../../shared/workbook/format';
import { unpackValueRows } from '../testing/dataRows';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { tempDir } from '../testing/tempBackend';
import { fillEveryCell, seedTotals, spreadOverMonths } from '../testing/seedValues';
import { writeWorkbookBuffer } from './buildWorkbook';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const unit: WorkbookUnit = { code: 'D01', name: '遂宁市财政局', kind: '部门', parentCode: '' };
const dir = tempDir('ledger-openpyxl-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const READER = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [[ws.title, ws.sheet_state] for ws in wb.worksheets], "cells": {}, "data": [], "hiddenA": {}}
for ws in wb.worksheets:
    out["hiddenA"][ws.title] = bool(ws.column_dimensions["A"].hidden)
    if ws.title == "${DATA_SHEET}":
        out["data"] = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        continue
    cols = {}
    header = None
    for row in ws.iter_rows():
        a = row[0].value
        if a == "代码":
            header = {c.column: c.value for c in row}
            continue
        if isinstance(a, str) and a.startswith("[cols]"):
            cols = {c.column: c.value for c in row[1:] if c.value is not None}
            continue
        if not isinstance(a, str) or a == "":
            continue
        if header is not None and ws.title == "${LEDGER_SHEET}":
            for c in row[3:]:
                out["cells"][a + "@" + str(header[c.column])] = c.value
        else:
            for col, code in cols.items():
                out["cells"][a + ":" + code] = row[col - 1].value
print(json.dumps(out, ensure_ascii=False))
`;

function readWithOpenpyxl(file: string) {
  const json = execFileSync('/usr/bin/python3', ['-c', READER, file], { encoding: 'utf8' });
  return JSON.parse(json) as { sheets: [string, string][]; cells: Record<string, unknown>; data: unknown[][]; hiddenA: Record<string, boolean> };
}

describe('openpyxl reads what we write', () => {
  it('the Suining ledger: hidden data sheet, hidden code column, every month and year figure', async () => {
    const template = templates.get('suining-2017')!;
    const values = spreadOverMonths(template, seedTotals(), 'D01');
    const out = await writeWorkbookBuffer({
      kind: 'submission', template, period: yearPeriod(2017), unit, units: [unit], values,
      revision: 1, exportedAt: new Date().toISOString(), appVersion: 't',
    });
    const file = path.join(dir, 'suining.xlsx');
    fs.writeFileSync(file, out.buffer);
    const r = readWithOpenpyxl(file);
    expect(r.sheets).toContainEqual([DATA_SHEET, 'veryHidden']);
    expect(r.hiddenA[LEDGER_SHEET]).toBe(true);
    for (const v of values) expect(r.cells[`${v.indicator}@${v.month}月`]).toBe(v.value);
    for (const [ref, total] of Object.entries(seedTotals())) expect(r.cells[`${ref}@全年`], ref).toBe(total);
    const meta = Object.fromEntries(r.data.slice(1, 12).map((row) => [row[0], row[1]]));
    expect(meta).toMatchObject({ kind: 'submission', period: '2017', unit_code: 'D01', fingerprint: out.fingerprint });
    const valueRows = r.data.slice(r.data.findIndex((row) => row[0] === '[values]') + 2);
    const key = (v: WorkbookValue) => `${v.unitCode} ${v.indicator} ${v.col} ${v.month} ${v.value}`;
    expect(unpackValueRows(valueRows).map(key).sort()).toEqual(values.map(key).sort());
  });

  it('the national tables: every coded cell by its hidden row and column codes', async () => {
    const template = templates.get('national-2021')!;
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const values = fillEveryCell(template, 'D01', months);
    const out = await writeWorkbookBuffer({
      kind: 'submission', template, period: yearPeriod(2021), unit, units: [unit], values,
      revision: 1, exportedAt: new Date().toISOString(), appVersion: 't',
    });
    const file = path.join(dir, 'national.xlsx');
    fs.writeFileSync(file, out.buffer);
    const r = readWithOpenpyxl(file);
    for (const cell of templateCells(template).values()) {
      const m: (number | null)[] = new Array(13).fill(null);
      for (const v of values) if (cellRef(v.indicator, v.col) === cell.ref) m[v.month] = v.value;
      expect(r.cells[cell.ref], cell.ref).toBe(rollupMonths(m, cell.rollup, cell.valueKind));
    }
  });
});
