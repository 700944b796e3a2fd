/** Test support: unit-list workbooks written with exceljs, or by a real client (openpyxl). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type SheetRows = (string | number | null)[][];

export async function unitListXlsx(rows: SheetRows, sheetName = '单位名录'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Writes the rows with openpyxl through the system Python (the pyenv python3 on PATH lacks it). */
export function unitListXlsxByOpenpyxl(rows: SheetRows, dir: string): string {
  const file = path.join(dir, 'openpyxl-units.xlsx');
  const script = [
    'import json, sys',
    'from openpyxl import Workbook',
    'wb = Workbook()',
    'ws = wb.active',
    "ws.title = '名录'",
    "ws.append(['某市单位名录（2024年）'])",
    'for r in json.loads(sys.argv[2]): ws.append(r)',
    'wb.save(sys.argv[1])',
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, file, JSON.stringify(rows)]);
  return fs.readFileSync(file).toString('base64');
}
