/**
 * `npm run ledger` runs the CLI's bundle, rebuilt when a source is newer
 * (scripts/ledger.mjs). The bundle itself is built and run once here: it
 * must find its templates and resources from out/ as the sources do.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript without declarations, run by node directly
import { bundleIsCurrent } from './ledger.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bundle-'));
const outDir = path.join(root, 'out', `cli-test-${process.pid}`);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

function touch(file: string, secondsAgo: number) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
}

describe('the CLI bundle', () => {
  it('is rebuilt when a backend or shared source is newer, not for a test file', () => {
    const tree = path.join(tmp, 'tree');
    touch(path.join(tree, 'electron/backend/store/store.ts'), 100);
    touch(path.join(tree, 'shared/values/period.ts'), 100);
    expect(bundleIsCurrent(tree)).toBe(false);
    touch(path.join(tree, 'out/cli/ledger.mjs'), 50);
    expect(bundleIsCurrent(tree)).toBe(true);
    touch(path.join(tree, 'electron/backend/store/store.test.ts'), 10);
    expect(bundleIsCurrent(tree)).toBe(true);
    touch(path.join(tree, 'shared/values/period.ts'), 10);
    expect(bundleIsCurrent(tree)).toBe(false);
    touch(path.join(tree, 'out/cli/ledger.mjs'), 5);
    touch(path.join(tree, 'cli.vite.config.ts'), 1);
    expect(bundleIsCurrent(tree)).toBe(false);
    // The bundle carries the built-in templates as checked when it was built.
    touch(path.join(tree, 'out/cli/ledger.mjs'), 0.5);
    expect(bundleIsCurrent(tree)).toBe(true);
    touch(path.join(tree, 'resources/templates/ledger-2021.json'), 0.1);
    expect(bundleIsCurrent(tree)).toBe(false);
  });

  it('runs from out/ with plain node: finds the templates and the data file', () => {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'cli.vite.config.ts'), '--outDir', outDir], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const r = spawnSync(process.execPath, [path.join(outDir, 'ledger.mjs'), 'templates', '--db', path.join(tmp, 'ledger.sqlite')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^national-2021\tv\d+\t政府信息公开工作年度报告/m);
    // The built-in templates were checked by the build and put in the bundle (templates/prevalidated.ts).
    const bundle = fs.readFileSync(path.join(outDir, 'ledger.mjs'), 'utf8');
    expect(bundle).not.toContain('__LEDGER_PREVALIDATED_TEMPLATES__');
    expect(bundle).toContain('ledger-2021.json');
  }, 120_000);
});
