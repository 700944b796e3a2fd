/**
 * The import benches' 500 department workbooks (250 on the national
 * template, 250 on the seed ledger, each a whole year of 12 months), written
 * once by the real writer into a temp dir and reused by later runs.
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
export const benchDir = path.join(os.tmpdir(), 'ledger-import-bench-v4');
export const units: WorkbookUnit[] = Array.from({ length: N }, (_, i) => ({ code: `B${String(i).padStart(3, '0')}`, name: `测试部门${i}`, kind: '部门', parentCode: 'TEST-01' }));
const templateOf = (i: number) => templates.get(i % 2 === 0 ? 'national-2021' : 'suining-2017')!;
export const fileOf = (i: number) => path.join(benchDir, `${units[i].code}.xlsx`);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Writes the workbooks not yet there; says what it did (generation is not part of any import figure). */
export async function ensureBenchWorkbooks(): Promise<{ files: { name: string; bytes: Buffer }[]; line: string }> {
  fs.mkdirSync(benchDir, { recursive: true });
  const t0 = performance.now();
  let generated = 0;
  for (let i = 0; i < N; i++) {
    if (fs.existsSync(fileOf(i))) continue;
    const template = templateOf(i);
    const bytes = await workbookBytes({ template, unit: units[i], values: fillEveryCell(template, units[i].code, MONTHS, i), period: yearPeriod(2017) });
    fs.writeFileSync(`${fileOf(i)}.tmp`, bytes);
    fs.renameSync(`${fileOf(i)}.tmp`, fileOf(i));
    generated++;
  }
  const files = units.map((_, i) => ({ name: path.basename(fileOf(i)), bytes: fs.readFileSync(fileOf(i)) }));
  const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1048576;
  const line = `生成：${generated ? `${generated} 个工作簿用时 ${seconds(performance.now() - t0)}` : '复用已生成的工作簿'}（${benchDir}，共 ${N} 个，${mb.toFixed(1)} MB；国家格式与遂宁台账各半，每个 12 个月）`;
  return { files, line };
}
