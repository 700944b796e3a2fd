/**
 * The real answers to runtime.ts's questions, from node_modules and by
 * running the installers. Kept apart from the decision so that the decision
 * is tested without a network or an Electron download.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureElectronSqlite, findSqliteTools, reasonFrom } from './electronSqlite';
import type { RuntimeProbe } from './runtime';

/** The electron npm package's folder, or undefined when it is not installed. */
function electronPackageDir(root: string): string | undefined {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Where the electron package says its executable is (path.txt, written once the runtime is downloaded). */
export function electronExecutable(packageDir: string): string | undefined {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const bin = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : undefined;
}

export function nodeProbe(root: string, env: NodeJS.ProcessEnv): RuntimeProbe {
  const dir = electronPackageDir(root);
  return {
    browserOnly: env.LEDGER_NO_ELECTRON === '1',
    electronBinary: () => (dir ? electronExecutable(dir) : undefined),
    installElectron() {
      if (!dir) return { ok: false, why: '未安装 electron 包' };
      // Since Electron 42 the runtime is fetched on demand by the package's install.js (`install-electron`), not at npm install.
      const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
      if (r.status === 0) return { ok: true };
      return { ok: false, why: reasonFrom(`${r.stderr ?? ''}\n${r.stdout ?? ''}`, r.error?.message ?? '未知原因') };
    },
    target() {
      if (!dir) throw new Error('electron package missing');
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
      const abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
      return { electronVersion: pkg.version, abi, platform: process.platform, arch: process.arch };
    },
    ensureSqlite: (target) =>
      ensureElectronSqlite(root, target, findSqliteTools(root), (args, cwd, toolEnv) => {
        const r = spawnSync(process.execPath, args, { cwd, env: toolEnv, encoding: 'utf8', timeout: 900_000 });
        return { ok: r.status === 0, output: `${r.stderr ?? ''}\n${r.stdout ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
      }),
  };
}
