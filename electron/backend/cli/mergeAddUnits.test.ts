import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend, tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

const suining = loadTemplates(path.join(defaultResourcesDir(), 'templates')).get('suining-2017')!;
const dir = tempDir('ledger-cli-add-units-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('merge --add-units adds the units a file carries, under --parent when the file’s parent is unknown; a dry run only says so', async () => {
  const data = path.join(dir, 'data');
  const b = await tempBackend({ role: 'aggregator', dir: data });
  await b.invoke('units.create', { code: 'CS', name: '船山区', kind: '县区', parentCode: 'TEST-01' });
  b.close();
  const db = path.join(data, 'ledger.sqlite');
  const file = path.join(dir, 'x9.xlsx');
  const unit = { code: 'CS-X9', name: '船山区新设局', kind: '部门', parentCode: 'NOWHERE' };
  fs.writeFileSync(file, await workbookBytes({ template: suining, unit, values: fillEveryCell(suining, unit.code, [1, 2]) }));

  expect((await cli('merge', file, '--db', db, '--parent', 'CS')).code).toBe(2);
  const refused = await cli('merge', file, '--db', db);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('单位名录中没有：船山区新设局（CS-X9）');

  const dry = await cli('merge', file, '--db', db, '--add-units', '--parent', 'CS', '--dry-run');
  expect(dry.out).toContain('将加入单位名录 1 个单位：船山区新设局（CS-X9）');
  const after = await tempBackend({ dir: data, setup: false });
  expect((await after.invoke('units.list', {})).some((u) => u.code === 'CS-X9')).toBe(false);
  after.close();

  const done = await cli('merge', file, '--db', db, '--add-units', '--parent', 'CS', '--json');
  expect(done.code).toBe(0);
  const report = JSON.parse(done.out) as { unitsAdded: { code: string }[]; summary: { counts: { new: number } } };
  expect(report.unitsAdded.map((u) => u.code)).toEqual(['CS-X9']);
  expect(report.summary.counts.new).toBe(1);
  const check = await tempBackend({ dir: data, setup: false });
  const units = await check.invoke('units.list', {});
  expect(units.find((u) => u.code === 'CS-X9')?.parentId).toBe(units.find((u) => u.code === 'CS')?.id);
  check.close();
});
