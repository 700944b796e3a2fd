/**
 * `npm run dist` (`dist:win`, `dist:linux`): the installers, on a machine
 * with internet. Builds the app, makes sure the platform packages of native
 * dependencies are present for every target (npm installs only this
 * machine's), then runs electron-builder (config: electron-builder.json),
 * which rebuilds better-sqlite3 for Electron and each target.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Platform = 'win' | 'linux';

/** What each platform's installers are built for (electron-builder.json names the same; a test holds them equal). */
export const TARGETS: Record<Platform, { os: NodeJS.Platform; archs: string[]; flag: string }> = {
  win: { os: 'win32', archs: ['x64'], flag: '--win' },
  linux: { os: 'linux', archs: ['x64', 'arm64'], flag: '--linux' },
};

/**
 * Prebuilt native packages that npm picks per platform (optional
 * dependencies): each target needs its own in node_modules to be packaged.
 * better-sqlite3 is not here: electron-builder rebuilds it per target.
 */
export function platformPackages(os: NodeJS.Platform, arch: string): string[] {
  const resvg = { win32: `@resvg/resvg-js-win32-${arch}-msvc`, linux: `@resvg/resvg-js-linux-${arch}-gnu`, darwin: `@resvg/resvg-js-darwin-${arch}` } as Partial<
    Record<NodeJS.Platform, string>
  >;
  return [resvg[os]].filter((p): p is string => p !== undefined);
}

/** The version the installed parent package asks for, so the added package matches it. */
export function wantedVersion(pkg: string, fromRoot = root): string {
  const req = createRequire(path.join(fromRoot, 'package.json'));
  const parent = JSON.parse(fs.readFileSync(req.resolve('@resvg/resvg-js/package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const v = parent.optionalDependencies?.[pkg];
  if (!v) throw new Error(`${pkg} is not an optional dependency of @resvg/resvg-js`);
  return v;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`失败：${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function main(which: string | undefined) {
  const platforms: Platform[] = which === 'win' || which === 'linux' ? [which] : ['win', 'linux'];
  run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  const missing = platforms
    .flatMap((p) => TARGETS[p].archs.flatMap((a) => platformPackages(TARGETS[p].os, a)))
    .filter((pkg) => !fs.existsSync(path.join(root, 'node_modules', pkg, 'package.json')))
    .map((pkg) => `${pkg}@${wantedVersion(pkg)}`);
  // --force: npm would refuse a package for another OS or CPU; here that is the point.
  if (missing.length) run('npm', ['install', '--no-save', '--force', '--no-audit', '--no-fund', ...missing]);
  const builder = path.join(root, 'node_modules/electron-builder/cli.js');
  for (const p of platforms) run(process.execPath, [builder, TARGETS[p].flag, '--publish', 'never']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv[2]);
