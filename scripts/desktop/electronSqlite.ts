/**
 * Gets a better-sqlite3 addon built for Electron's ABI into the cache folder
 * the desktop main process looks in (electron/backend/store/sqliteBinding.ts),
 * leaving npm's Node build in node_modules untouched for the CLI, the tests
 * and browser mode. Tried in order: the project's published prebuilt binary
 * for this Electron (prebuild-install, a download), then a compile from the
 * package's own sources against Electron's headers (node-gyp, a download of
 * headers and a C++ toolchain). Both need the network once; afterwards the
 * cached file is reused.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronSqliteCacheDir, electronSqliteFile, type RuntimeTarget } from '../../electron/backend/paths';

export interface RunResult {
  ok: boolean;
  /** What the tool printed, for the reason shown when every way fails. */
  output: string;
}

/** Runs `node <args>` in a folder with the given environment. */
export type NodeRunner = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => RunResult;

export interface SqliteTools {
  /** The better-sqlite3 package folder (its sources and package.json). */
  packageDir: string;
  /** prebuild-install's bin.js, if installed. */
  prebuildInstall?: string;
  /** node-gyp's bin/node-gyp.js, if installed. */
  nodeGyp?: string;
}

export type EnsureResult = { ok: true; file: string; obtained: 'cached' | 'prebuilt' | 'compiled' } | { ok: false; why: string };

const ADDON = path.join('build', 'Release', 'better_sqlite3.node');

export function findSqliteTools(root: string): SqliteTools {
  const req = createRequire(path.join(root, 'package.json'));
  const packageDir = path.dirname(req.resolve('better-sqlite3/package.json'));
  const from = (id: string, dir: string) => {
    try {
      return createRequire(path.join(dir, 'package.json')).resolve(id);
    } catch {
      return undefined;
    }
  };
  return { packageDir, prebuildInstall: from('prebuild-install/bin.js', packageDir), nodeGyp: from('node-gyp/bin/node-gyp.js', root) };
}

/**
 * npm passes its config to scripts as npm_config_* variables; a `nodedir`
 * or `target` meant for Node would make either tool fetch or build for Node.
 */
export function toolEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_config_/i.test(k) || /proxy/i.test(k)));
}

/** The last meaningful line a tool printed: the reason worth one line. */
export function reasonFrom(output: string, fallback: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !/^gyp (info|verb)|^prebuild-install (info|verb)/.test(l));
  const named = lines.filter((l) => /err|fail|not found|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|getaddrinfo|404|403/i.test(l));
  return (named[0] ?? lines[lines.length - 1] ?? fallback).slice(0, 160);
}

export function ensureElectronSqlite(root: string, target: RuntimeTarget, tools: SqliteTools, run: NodeRunner): EnsureResult {
  const file = electronSqliteFile(root, target);
  if (fs.existsSync(file)) return { ok: true, file, obtained: 'cached' };

  const prebuilt = tools.prebuildInstall && [
    tools.prebuildInstall,
    '--runtime=electron',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    `--platform=${target.platform}`,
  ];
  const compiled = tools.nodeGyp && [
    tools.nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  const attempts = [
    { obtained: 'prebuilt', name: 'prebuild-install', args: prebuilt || undefined },
    { obtained: 'compiled', name: 'node-gyp', args: compiled || undefined },
  ] as const;

  const cacheDir = electronSqliteCacheDir(root);
  fs.mkdirSync(cacheDir, { recursive: true });
  const reasons: string[] = [];
  for (const attempt of attempts) {
    if (!attempt.args) {
      reasons.push(`${attempt.name} 未安装`);
      continue;
    }
    // A copy of the package without its build/, so node_modules' own addon is never overwritten.
    const staging = fs.mkdtempSync(path.join(cacheDir, 'staging-'));
    try {
      fs.cpSync(tools.packageDir, staging, { recursive: true, filter: (src) => path.relative(tools.packageDir, src).split(path.sep)[0] !== 'build' });
      const r = run(attempt.args, staging, toolEnv(process.env));
      const built = path.join(staging, ADDON);
      if (r.ok && fs.existsSync(built)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.copyFileSync(built, `${file}.partial`);
        fs.renameSync(`${file}.partial`, file);
        return { ok: true, file, obtained: attempt.obtained };
      }
      reasons.push(`${attempt.name}：${reasonFrom(r.output, '失败')}`);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  return { ok: false, why: reasons.join('；') };
}
