/**
 * The CLI starts at once (issue 19): exceljs, docx and resvg are loaded only
 * by the commands that write workbooks, reports or pictures. Runs commands in
 * a fresh process and lists the packages it loaded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';

const dir = tempDir('ledger-cli-lazy-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const HEAVY = ['exceljs', 'docx', '@resvg/resvg-js'];

/** Runs the CLI on argv in a new process; returns those of the packages present in its module cache afterwards. */
function heavyLoadedBy(argv: string[], packages = HEAVY): string[] {
  const run = path.join(import.meta.dirname, 'run.ts');
  const program = `
    import { createRequire } from 'node:module';
    const { runCli } = await import(${JSON.stringify(run)});
    const code = await runCli(${JSON.stringify(argv)}, { print() {}, printJson() {}, error(t) { process.stderr.write(t + '\\n'); } });
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    process.stdout.write(JSON.stringify({ code, heavy: ${JSON.stringify(packages)}.filter((p) => loaded.some((f) => f.includes('/node_modules/' + p + '/'))) }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..', '..', '..') });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { code: number; heavy: string[] };
  expect(out.code).toBe(0);
  return out.heavy;
}

describe('CLI start-up', () => {
  it('lists templates and checks a batch without loading exceljs, docx or resvg', () => {
    const db = path.join(dir, 'a.sqlite');
    expect(heavyLoadedBy(['templates', '--db', db])).toEqual([]);
    expect(heavyLoadedBy(['init', '--db', db, '--code', 'C1', '--name', '测试市', '--role', 'aggregator'])).toEqual([]);
    fs.mkdirSync(path.join(dir, 'inbox'));
    expect(heavyLoadedBy(['merge', path.join(dir, 'inbox'), '--db', db, '--dry-run'])).toEqual([]);
  }, 60_000);

  it('lists templates without SQLite: the data file is neither loaded nor made', () => {
    const db = path.join(dir, 'never.sqlite');
    expect(heavyLoadedBy(['templates', '--db', db], ['better-sqlite3'])).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
    // The check can see SQLite: a command that opens the data file loads it.
    expect(heavyLoadedBy(['keys', '--db', db], ['better-sqlite3'])).toEqual(['better-sqlite3']);
  }, 60_000);

  it('loads exceljs when a command writes a workbook (so the check above can see them)', () => {
    const db = path.join(dir, 'b.sqlite');
    expect(heavyLoadedBy(['init', '--db', db, '--code', 'C1', '--name', '测试局'])).toEqual([]);
    const heavy = heavyLoadedBy(['export', '--db', db, '--period', '2017', '--template', 'suining-2017', '--out', path.join(dir, 'b.xlsx'), '--blank']);
    expect(heavy).toContain('exceljs');
  }, 60_000);
});
