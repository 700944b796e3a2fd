/**
 * The installers' configuration, checked without building (no Electron
 * download here): electron-builder.json is valid for electron-builder, ships
 * every file the app reads at run time (RUNTIME_FILES), unpacks the native
 * addons, names the targets the offices use, and turns run-as-node off.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_FILES } from '../electron/backend/paths';
import { platformPackages, TARGETS, wantedVersion } from './dist';

const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// electron-builder's own copies, so the test reads patterns and the schema as it does.
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('app-builder-lib/package.json'));
const { minimatch } = builderRequire('minimatch') as { minimatch: (file: string, pattern: string, options?: { dot?: boolean }) => boolean };

/** Whether electron-builder's `files` list takes a path (later patterns win; `!` excludes). */
function packaged(file: string, patterns: string[]): boolean {
  let taken = false;
  for (const p of patterns) {
    const exclude = p.startsWith('!');
    if (minimatch(file, exclude ? p.slice(1) : p, { dot: true })) taken = !exclude;
  }
  return taken;
}

/** The runtime files as paths: a folder stands for every file in it. */
function runtimePaths(): string[] {
  return Object.values(RUNTIME_FILES).flatMap((rel) => {
    const abs = path.join(root, rel);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
      return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }).map((f) => path.posix.join(rel, f.split(path.sep).join('/')));
    }
    return [rel];
  });
}

describe('electron-builder.json', () => {
  it('is valid for electron-builder (its own schema)', () => {
    type Validate = ((data: unknown) => boolean) & { errors?: unknown };
    const Ajv = builderRequire('ajv') as new (options: object) => { compile(schema: object): Validate };
    const schema = JSON.parse(fs.readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('ships every file the app reads at run time (paths.ts), and they exist or are built by electron-vite', () => {
    const files = runtimePaths();
    expect(files.some((f) => f.startsWith('resources/templates/') && f.endsWith('.json'))).toBe(true);
    for (const f of files) {
      expect(packaged(f, config.files), f).toBe(true);
      if (!f.startsWith('out/')) expect(fs.existsSync(path.join(root, f)), f).toBe(true);
    }
    // The entry package.json names is the built main bundle.
    expect(pkg.main).toBe(RUNTIME_FILES.mainBundle);
  });

  it('leaves out what the app never reads: sources, tests, the repo’s tooling', () => {
    for (const f of ['electron/main/index.ts', 'renderer/src/main.tsx', 'e2e/server.ts', 'scripts/dist.ts', 'out/main/index.cjs.map', 'README.md']) {
      expect(packaged(f, config.files), f).toBe(false);
    }
  });

  it('keeps the native addons out of the asar archive (a .node cannot be loaded from inside it)', () => {
    const addons = [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      ...TARGETS.linux.archs.flatMap((a) => platformPackages('linux', a)).map((p) => `node_modules/${p}/resvgjs.linux-x64-gnu.node`),
    ];
    for (const a of addons) expect(config.asarUnpack.some((p) => minimatch(a, p, { dot: true })), a).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('builds Windows x64 NSIS and portable, and Linux x64 and arm64 .deb and AppImage', () => {
    const targets = (list: { target: string; arch: string[] }[]) => Object.fromEntries(list.map((t) => [t.target, [...t.arch].sort()]));
    expect(targets(config.win.target)).toEqual({ nsis: ['x64'], portable: ['x64'] });
    expect(targets(config.linux.target)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    // scripts/dist.ts prepares native packages for the same architectures.
    for (const t of [...config.win.target]) expect(t.arch).toEqual(TARGETS.win.archs);
    for (const t of [...config.linux.target]) expect([...t.arch].sort()).toEqual([...TARGETS.linux.archs].sort());
  });

  it('installs per user without admin rights, in Chinese, with shortcuts, keeping the data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      multiLanguageInstaller: false,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('takes name and version from package.json, publishes nowhere, has no auto-update', () => {
    expect(pkg.productName).toBe('政务公开台账');
    expect(config).not.toHaveProperty('productName');
    expect(config).not.toHaveProperty('extraMetadata');
    expect(config.publish).toBeNull();
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });

  it('turns Electron’s run-as-node and Node debugging switches off (the CLI is --cli)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has npm run dist, dist:win and dist:linux', () => {
    expect(pkg.scripts.dist).toMatch(/scripts\/dist\.ts$/);
    expect(pkg.scripts['dist:win']).toMatch(/scripts\/dist\.ts win$/);
    expect(pkg.scripts['dist:linux']).toMatch(/scripts\/dist\.ts linux$/);
  });

  it('asks npm for native platform packages that exist, at the version the installed parent wants', () => {
    const pkgs = [...platformPackages('win32', 'x64'), ...platformPackages('linux', 'x64'), ...platformPackages('linux', 'arm64')];
    expect(pkgs).toEqual(['@resvg/resvg-js-win32-x64-msvc', '@resvg/resvg-js-linux-x64-gnu', '@resvg/resvg-js-linux-arm64-gnu']);
    for (const p of pkgs) expect(wantedVersion(p)).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
