import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronSqliteFile, type RuntimeTarget } from '../../electron/backend/paths';
import { ensureElectronSqlite, findSqliteTools, type NodeRunner, reasonFrom, type SqliteTools, toolEnv } from './electronSqlite';

const target: RuntimeTarget = { electronVersion: '45.5.0', abi: '140', platform: 'linux', arch: 'arm64' };
const ADDON = path.join('build', 'Release', 'better_sqlite3.node');
let root: string;
let tools: SqliteTools;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-esqlite-'));
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
  fs.mkdirSync(path.join(pkg, 'src'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"better-sqlite3","version":"12.11.1"}');
  fs.writeFileSync(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  fs.writeFileSync(path.join(pkg, ADDON), 'node build');
  tools = { packageDir: pkg, prebuildInstall: '/x/prebuild-install/bin.js', nodeGyp: '/x/node-gyp/bin/node-gyp.js' };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A runner that plays the tools: fails or writes an addon into the folder it runs in, as they do. */
function runner(outcomes: Record<string, 'ok' | string>) {
  const ran: { tool: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; hadBuild: boolean; hadSources: boolean }[] = [];
  const run: NodeRunner = (args, cwd, env) => {
    const tool = args[0].includes('prebuild') ? 'prebuild-install' : 'node-gyp';
    ran.push({ tool, args, cwd, env, hadBuild: fs.existsSync(path.join(cwd, 'build')), hadSources: fs.existsSync(path.join(cwd, 'src', 'better_sqlite3.cpp')) });
    const outcome = outcomes[tool];
    if (outcome !== 'ok') return { ok: false, output: outcome };
    fs.mkdirSync(path.join(cwd, 'build', 'Release'), { recursive: true });
    fs.writeFileSync(path.join(cwd, ADDON), `electron build by ${tool}`);
    return { ok: true, output: '' };
  };
  return { run, ran };
}

describe('ensureElectronSqlite', () => {
  it('fetches the prebuilt addon for the Electron target into the cache, leaving npm’s build alone', () => {
    const { run, ran } = runner({ 'prebuild-install': 'ok' });
    const r = ensureElectronSqlite(root, target, tools, run);
    const file = electronSqliteFile(root, target);
    expect(r).toEqual({ ok: true, file, obtained: 'prebuilt' });
    expect(fs.readFileSync(file, 'utf8')).toBe('electron build by prebuild-install');
    expect(file).toContain(path.join('electron-v140-linux-arm64', 'better_sqlite3.node'));
    expect(ran).toHaveLength(1);
    expect(ran[0].args).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.5.0', '--arch=arm64', '--platform=linux']));
    expect(ran[0].hadBuild).toBe(false);
    expect(fs.readFileSync(path.join(tools.packageDir, ADDON), 'utf8')).toBe('node build');
    // The staging copy is gone.
    expect(fs.readdirSync(path.dirname(path.dirname(file)))).toEqual(['electron-v140-linux-arm64']);
  });

  it('compiles from the package sources against Electron’s headers when no prebuilt one can be fetched', () => {
    const { run, ran } = runner({ 'prebuild-install': 'prebuild-install warn install getaddrinfo ENOTFOUND github.com', 'node-gyp': 'ok' });
    const r = ensureElectronSqlite(root, target, tools, run);
    expect(r).toMatchObject({ ok: true, obtained: 'compiled' });
    expect(ran.map((x) => x.tool)).toEqual(['prebuild-install', 'node-gyp']);
    expect(ran[1].hadSources).toBe(true);
    expect(ran[1].args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']));
  });

  it('reuses a cached build without running anything', () => {
    const file = electronSqliteFile(root, target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'cached');
    const { run, ran } = runner({});
    expect(ensureElectronSqlite(root, target, tools, run)).toEqual({ ok: true, file, obtained: 'cached' });
    expect(ran).toEqual([]);
  });

  it('says why, per tool, when neither works, and caches nothing', () => {
    const { run } = runner({ 'prebuild-install': 'prebuild-install warn install getaddrinfo EAI_AGAIN github.com', 'node-gyp': 'gyp info it worked\ngyp ERR! stack Error: connect ETIMEDOUT' });
    const r = ensureElectronSqlite(root, target, tools, run);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.why).toBe('prebuild-install：prebuild-install warn install getaddrinfo EAI_AGAIN github.com；node-gyp：gyp ERR! stack Error: connect ETIMEDOUT');
    expect(fs.existsSync(electronSqliteFile(root, target))).toBe(false);
  });

  it('counts a tool that is not installed as a reason, not a crash', () => {
    const { run } = runner({ 'node-gyp': 'ok' });
    const r = ensureElectronSqlite(root, target, { ...tools, prebuildInstall: undefined, nodeGyp: undefined }, run);
    expect(r).toEqual({ ok: false, why: 'prebuild-install 未安装；node-gyp 未安装' });
  });

  it('runs the tools without npm’s config for Node (nodedir, target), keeping proxies', () => {
    const env = toolEnv({ PATH: '/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_https_proxy: 'http://proxy:8080' });
    expect(env).toEqual({ PATH: '/bin', npm_config_https_proxy: 'http://proxy:8080' });
  });

  it('picks the line that names the error out of a tool’s output', () => {
    expect(reasonFrom('gyp info using node-gyp\ngyp ERR! find Python\n    at foo (x.js:1)', '?')).toBe('gyp ERR! find Python');
    expect(reasonFrom('', 'fallback')).toBe('fallback');
  });

  it('finds the installed prebuild-install and the better-sqlite3 sources in this checkout', () => {
    const real = findSqliteTools(path.resolve(__dirname, '..', '..'));
    expect(fs.existsSync(path.join(real.packageDir, 'binding.gyp'))).toBe(true);
    expect(real.prebuildInstall && fs.existsSync(real.prebuildInstall)).toBe(true);
  });
});
