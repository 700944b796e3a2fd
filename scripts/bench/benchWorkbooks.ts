/**
 * The import benches' department workbooks (half on the national template,
 * half on the seed ledger, each a whole year of 12 months), written once by
 * the real writer into a temp dir and reused by later runs: the 500 of every
 * import bench, and 10,000 made the same way for the province-scale merge.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { yearPeriod } from '../../shared/values/period';
import type { WorkbookUnit } from '../../shared/workbook/format';
import { defaultResourcesDir } from '../../electron/backend/paths';
import { loadTemplates } from '../../electron/backend/templates/registry';
import { workbookBytes } from '../../electron/backend/testing/importFixtures';
import { fillEveryCell } from '../../electron/backend/testing/seedValues';

export const N = 500;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
export const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const BENCH_DIR = path.join(os.tmpdir(), 'ledger-import-bench-v4');

/** n bench units: B000… for the 500 (as every earlier run named them), B00000… beyond a thousand. */
export function benchUnits(n: number): WorkbookUnit[] {
  const width = n > 1000 ? 5 : 3;
  return Array.from({ length: n }, (_, i) => ({ code: `B${String(i).padStart(width, '0')}`, name: `测试部门${i}`, kind: '部门', parentCode: 'TEST-01' }));
}

export const benchDirOf = (n: number) => (n === N ? BENCH_DIR : `${BENCH_DIR}-${n}`);
export const benchDir = benchDirOf(N);
export const units: WorkbookUnit[] = benchUnits(N);
const templateOf = (i: number) => templates.get(i % 2 === 0 ? 'national-2021' : 'suining-2017')!;
export const fileOf = (i: number) => path.join(benchDir, `${units[i].code}.xlsx`);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Writes the n workbooks not yet there; returns their folder and a line saying what it did (generation is no part of any figure). */
export async function ensureWorkbookFolder(n: number): Promise<{ dir: string; line: string; bytes: number }> {
  const dir = benchDirOf(n);
  const list = benchUnits(n);
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  let generated = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `${list[i].code}.xlsx`);
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
    if (size !== undefined) {
      bytes += size;
      continue;
    }
    const template = templateOf(i);
    const data = await workbookBytes({ template, unit: list[i], values: fillEveryCell(template, list[i].code, MONTHS, i), period: yearPeriod(2017) });
    fs.writeFileSync(`${file}.tmp`, data);
    fs.renameSync(`${file}.tmp`, file);
    bytes += data.length;
    generated++;
  }
  const mb = bytes / 1048576;
  const line = `生成：${generated ? `${generated} 个工作簿用时 ${seconds(performance.now() - t0)}` : '复用已生成的工作簿'}（${dir}，共 ${n} 个，${mb.toFixed(1)} MB；国家格式与遂宁台账各半，每个 12 个月）`;
  return { dir, line, bytes };
}

/** The 500, generated if needed, and their bytes. */
export async function ensureBenchWorkbooks(): Promise<{ files: { name: string; bytes: Buffer }[]; line: string }> {
  const { line } = await ensureWorkbookFolder(N);
  const files = units.map((_, i) => ({ name: path.basename(fileOf(i)), bytes: fs.readFileSync(fileOf(i)) }));
  return { files, line };
}
