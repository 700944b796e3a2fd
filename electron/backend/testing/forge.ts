/**
 * Test support: a forger's tools. The hidden data sheet read as a grid,
 * edited, its fingerprint recomputed with the published algorithm, signed
 * again with another key or stripped of its signature, and written back —
 * everything a person with the format description and a script can do.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Template } from '../../../shared/template/schema';
import { templateCells } from '../../../shared/template/cells';
import { formatPeriodKey } from '../../../shared/values/period';
import { DATA_SHEET } from '../../../shared/workbook/format';
import { canonicalSealText } from '../../../shared/workbook/sealText';
import { packedMonths, parseDataSheet } from '../workbook/dataSheetRead';
import { identityFingerprint } from '../workbook/fingerprint';
import { type SigningKey, signText } from '../workbook/seal';
import { address, cellText, parseSharedStrings, type RawCell, type SheetCells, parseSheetCells } from '../workbook/sheetXml';
import { sheetPath } from './xlsxEdit';

export type Grid = (string | number)[][];

/** The data sheet's rows, each a list of cells from column A (empty cells as ''). */
export function readDataGrid(bytes: Uint8Array): Grid {
  const parts = unzipSync(bytes);
  const shared = parts['xl/sharedStrings.xml'] ? parseSharedStrings(parts['xl/sharedStrings.xml']) : [];
  const cells = parseSheetCells(strFromU8(parts[sheetPath(bytes, DATA_SHEET)]), shared);
  const last = Math.max(...cells.keys());
  const grid: Grid = [];
  for (let r = 1; r <= last; r++) {
    const row = cells.get(r);
    const width = row ? Math.max(...row.keys()) : 0;
    grid.push(Array.from({ length: width }, (_, i) => {
      const c = row!.get(i + 1);
      return c?.kind === 'number' ? c.value : cellText(c);
    }));
  }
  return grid;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The workbook with its data sheet replaced by the grid (inline strings); every other part as it was. */
export function writeDataGrid(bytes: Uint8Array, grid: Grid): Uint8Array {
  const p = sheetPath(bytes, DATA_SHEET);
  const parts = unzipSync(bytes);
  const rows = grid
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === '') return '';
          const at = address(r + 1, c + 1);
          return typeof v === 'number' ? `<c r="${at}"><v>${v}</v></c>` : `<c r="${at}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  parts[p] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return zipSync(parts);
}

export const metaRow = (grid: Grid, key: string) => grid.findIndex((r) => r[0] === key);

export function setMeta(grid: Grid, key: string, value: string | number): void {
  const i = metaRow(grid, key);
  if (i < 0) throw new Error(`no meta row ${key}`);
  grid[i][1] = value;
}

export function dropMeta(grid: Grid, key: string): void {
  const i = metaRow(grid, key);
  if (i >= 0) grid.splice(i, 1);
}

/** The first packed values row of a unit: its row index in the grid. */
export function valueRowOf(grid: Grid, unitCode: string, month: number): number {
  const i = grid.findIndex((r) => r[0] === unitCode && r[1] === month && typeof r[2] === 'string' && r[2].includes('='));
  if (i < 0) throw new Error(`no values row ${unitCode} ${month}`);
  return i;
}

function toCells(grid: Grid): SheetCells {
  const cells: SheetCells = new Map();
  grid.forEach((row, r) => {
    const m = new Map<number, RawCell>();
    row.forEach((v, c) => {
      if (v !== '') m.set(c + 1, typeof v === 'number' ? { kind: 'number', value: v, formula: false } : { kind: 'string', value: v, formula: false });
    });
    cells.set(r + 1, m);
  });
  return cells;
}

/** Recomputes the fingerprint as the published format says, and signs with `key` (or strips the signature: null). */
export function reseal(grid: Grid, template: Template, key: SigningKey | null): void {
  dropMeta(grid, 'signature');
  dropMeta(grid, 'public_key');
  const fp = metaRow(grid, 'fingerprint');
  if (key) grid.splice(fp + 1, 0, ['public_key', key.publicKey]);
  const parsed = parseDataSheet(toCells(grid));
  const { meta, units } = parsed;
  setMeta(
    grid,
    'fingerprint',
    identityFingerprint(template, formatPeriodKey(meta.period), { kind: meta.kind, unitCode: meta.unitCode, unitName: meta.unitName, revision: meta.revision, units }, parsed.packed),
  );
  if (!key) return;
  const again = parseDataSheet(toCells(grid));
  const text = canonicalSealText({ meta: again.meta.rows, units, cells: templateCells(template), months: packedMonths(template, again.meta, units, again.packed) });
  grid.splice(metaRow(grid, 'public_key') + 1, 0, ['signature', signText(key, text)]);
}
