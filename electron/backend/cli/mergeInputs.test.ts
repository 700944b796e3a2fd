import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, valuesFor } from '../testing/importHarness';
import { tempBackend, tempDir } from '../testing/tempBackend';
import type { FilePlan } from '../../../shared/api/methods/import';
import { describePlan } from './commands/merge';
import { cli } from '../testing/cliRun';

const dir = tempDir('ledger-cli-inputs-');
const db = path.join(dir, 'data', 'ledger.sqlite');
const inbox = path.join(dir, 'inbox');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const b = await tempBackend({ role: 'aggregator', dir: path.dirname(db) });
  await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  b.close();
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, 'a.xlsx'), await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
  // Sparse: over the limit on disk without costing the disk (or, if read, the memory).
  fs.writeFileSync(path.join(inbox, '巨大.xlsx'), '');
  fs.truncateSync(path.join(inbox, '巨大.xlsx'), 3 * 1024 * 1024 * 1024);
  execFileSync('mkfifo', [path.join(inbox, '管道.xlsx')]);
  fs.writeFileSync(path.join(inbox, '空.xlsx'), '');
});

describe('ledger merge: what it is given is checked before it is read', () => {
  it('refuses a device, a pipe, a file over the limit and an empty file by name, reads nothing of them, and imports the rest', async () => {
    const r = await cli('merge', inbox, '/dev/zero', '--db', db, '--json');
    const json = JSON.parse(r.out) as { files: { name: string; status: string; size: number; problems: { code: string; message: string }[] }[] };
    const byName = new Map(json.files.map((f) => [f.name, f]));
    expect(byName.get('a.xlsx')!.status).toBe('new');
    expect(byName.get('巨大.xlsx')).toMatchObject({ status: 'rejected', size: 3 * 1024 ** 3, problems: [{ code: 'too_large', message: `文件过大（3072.0 MB），报送表不会超过 ${INPUT_LIMITS.fileBytes / 1048576} MB，未读取` }] });
    expect(byName.get('管道.xlsx')).toMatchObject({ status: 'rejected', problems: [{ code: 'not_regular_file' }] });
    expect(byName.get('zero')).toMatchObject({ status: 'rejected', problems: [{ code: 'not_regular_file', message: expect.stringMatching(/不是普通文件/) }] });
    expect(byName.get('空.xlsx')).toMatchObject({ status: 'rejected', problems: [{ code: 'empty_file', message: expect.stringMatching(/是空文件/) }] });
    expect(r.code).toBe(1);
    // Logged as refused; no copy kept of what was never read.
    const d = new Database(db, { readonly: true });
    const log = d.prepare('SELECT file_name, outcome, stored_path FROM import_log ORDER BY id').all() as { file_name: string; outcome: string; stored_path: string | null }[];
    d.close();
    expect(log.filter((e) => e.stored_path === null).map((e) => e.file_name).sort()).toEqual(['zero', '巨大.xlsx', '空.xlsx', '管道.xlsx'].sort());
    expect(log.find((e) => e.file_name === 'a.xlsx')).toMatchObject({ outcome: 'applied' });
    expect(fs.readdirSync(path.join(path.dirname(db), 'imports'))).toHaveLength(1);
  });

  it('walks a folder that links to itself once', async () => {
    const loop = path.join(dir, 'loop');
    fs.mkdirSync(loop);
    fs.copyFileSync(path.join(inbox, 'a.xlsx'), path.join(loop, 'a.xlsx'));
    fs.symlinkSync(loop, path.join(loop, 'again'));
    const r = await cli('merge', loop, '--db', db, '--dry-run', '--json');
    expect((JSON.parse(r.out) as { files: unknown[] }).files).toHaveLength(1);
  });
});

describe('ledger merge: what it prints per file', () => {
  it('caps each list of a file and says how many more there are', async () => {
    const r = await cli('merge', path.join(inbox, 'a.xlsx'), '--db', db, '--dry-run', '--json');
    const plan = (JSON.parse(r.out) as { files: FilePlan[] }).files[0];
    const many: FilePlan = {
      ...plan,
      status: 'rejected',
      problems: Array.from({ length: 35 }, (_, i) => ({ code: 'bad_value', message: `台账!E${i + 5} 应为数字` })),
      violations: Array.from({ length: 12 }, () => ({ unitCode: 'D01', unitName: '市财政局', severity: 'error' as const, message: '合计不等于分项之和' })),
    };
    const text = describePlan(many);
    expect(text.split('\n').filter((l) => l.includes('✗'))).toHaveLength(10);
    expect(text).toContain('……另有 25 条');
    expect(text).toContain('……另有 2 条');
  });
});
