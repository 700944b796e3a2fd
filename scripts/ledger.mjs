#!/usr/bin/env node
/**
 * `npm run ledger -- …`: runs the command line's bundle (out/cli/ledger.mjs,
 * cli.vite.config.ts), first building it when it is missing or older than a
 * source it is made from. Plain JavaScript, so starting it compiles nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'out', 'cli', 'ledger.mjs');
// The built-in templates too: the bundle carries them as checked at build time (templates/prevalidated.ts).
const SOURCE_DIRS = ['electron/backend', 'shared', 'resources/templates'];
const SOURCE_FILES = ['cli.vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time among the bundle's sources under `root` (tests are not in it). */
export function newestSource(root) {
  let newest = 0;
  const see = (file) => {
    const t = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (t > newest) newest = t;
  };
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) see(p);
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  for (const f of SOURCE_FILES) see(path.join(root, f));
  return newest;
}

/** Whether the bundle under `root` is there and no older than its sources. */
export function bundleIsCurrent(root) {
  const built = fs.statSync(path.join(root, 'out', 'cli', 'ledger.mjs'), { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && built >= newestSource(root);
}

/** Builds the bundle if needed; returns its path. Another process building at the same time is harmless: each builds aside, then swaps. */
export function ensureCliBundle({ quiet = false } = {}) {
  if (bundleIsCurrent(root)) return CLI_BUNDLE;
  const outDir = path.join(root, 'out', `cli.building-${process.pid}`);
  if (!quiet) process.stderr.write('正在构建命令行程序（源文件有更新）……\n');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'cli.vite.config.ts'), '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // The config imports TypeScript sources (the built-in templates are checked while it loads): bundled, as Vite does today.
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (r.status !== 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    process.stderr.write('命令行程序构建失败（见上方信息）。\n');
    process.exit(1);
  }
  const target = path.dirname(CLI_BUNDLE);
  fs.rmSync(target, { recursive: true, force: true });
  try {
    fs.renameSync(outDir, target);
  } catch {
    // Another process swapped its build in first: the same sources, so use that one.
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return CLI_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await import(pathToFileURL(ensureCliBundle()).href);
}
