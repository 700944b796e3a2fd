/**
 * `政务公开台账.exe --cli …`: the main process hands the arguments to the
 * CLI before any window or lock, and the output and exit code are those of
 * `npm run ledger` (compared with the real CLI process).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliArguments } from './cliSwitch';

const fake = await vi.hoisted(async () => (await import('./testing/fakeElectron')).createFakeElectron());
vi.mock('electron', () => fake.module);
const { runMainProcess } = await import('./mainProcess');

const root = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-switch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let out: string[] = [];
let err: string[] = [];
function capture(stream: NodeJS.WriteStream, into: () => string[]) {
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into().push(String(chunk));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof stream.write);
}
beforeEach(() => {
  out = [];
  err = [];
  fake.calls.length = 0;
  fake.module.app.isPackaged = true;
  capture(process.stdout, () => out);
  capture(process.stderr, () => err);
});
afterEach(() => vi.restoreAllMocks());

async function viaApp(args: string[], defaultApp = false) {
  const argv = defaultApp ? ['/opt/electron', '.', '--cli', ...args] : ['C:\\Program\\政务公开台账.exe', '--cli', ...args];
  await runMainProcess({ argv, defaultApp, env: { ...process.env, LEDGER_DATA_DIR: dir }, outDir: path.join(dir, 'out') });
  return { code: fake.exitCode, out: out.join(''), err: err.join('') };
}

function viaNode(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/backend/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEDGER_DATA_DIR: dir },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The two differ only in how the user is told to start the CLI, and in each run's fresh ids. */
const sameWords = (text: string) =>
  text.replaceAll(`${path.basename(process.execPath)} --cli`, 'npm run ledger --').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');

describe('cliArguments', () => {
  it('takes what follows --cli when it is the first argument, packaged or run from source', () => {
    expect(cliArguments(['app.exe', '--cli', 'merge', 'a.xlsx', '--db', 'x'], false)).toEqual(['merge', 'a.xlsx', '--db', 'x']);
    expect(cliArguments(['electron', '.', '--cli', 'help'], true)).toEqual(['help']);
    expect(cliArguments(['app.exe', '--cli'], false)).toEqual([]);
  });

  it('leaves a normal start alone', () => {
    expect(cliArguments(['app.exe'], false)).toBeUndefined();
    expect(cliArguments(['electron', '.'], true)).toBeUndefined();
    expect(cliArguments(['app.exe', 'merge', '--cli'], false)).toBeUndefined();
    // Run from source, argv[1] is the app folder, not a user argument.
    expect(cliArguments(['electron', '--cli', 'help'], true)).toBeUndefined();
  });
});

describe('--cli in the main process', () => {
  const db = path.join(dir, 'data', 'ledger.sqlite');
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox, { recursive: true });
  fs.writeFileSync(path.join(inbox, 'broken.xlsx'), 'not a workbook');
  fs.writeFileSync(path.join(dir, 'not-ours.sqlite'), 'plain text, not SQLite');

  const cases: [string, string[]][] = [
    ['help', ['help']],
    ['an unknown command', ['nosuch']],
    ['a usage error', ['merge', '--db', db, '--bogus']],
    ['init', ['init', '--db', db, '--code', 'C01', '--name', '市政府办公室', '--role', 'aggregator']],
    ['merge, dry run', ['merge', inbox, '--db', db, '--dry-run', '--json']],
    ['a file that is not ours', ['templates', '--db', path.join(dir, 'not-ours.sqlite')]],
  ];

  it.each(cases)('%s: same output and exit code as the CLI, and no window', async (_name, args) => {
    const app = await viaApp(args);
    const node = viaNode(args);
    expect(app.code).toBe(node.code);
    expect(sameWords(app.out)).toBe(sameWords(node.out));
    expect(sameWords(app.err)).toBe(sameWords(node.err));
    expect(fake.calls).not.toContain('new BrowserWindow');
    expect(fake.calls).not.toContain('requestSingleInstanceLock');
    expect(fake.calls).not.toContain('whenReady');
  });

  it('covers exit codes 0, 1 and 2', async () => {
    const codes = new Set<number | undefined>();
    for (const [, args] of cases) codes.add((await viaApp(args)).code);
    expect(codes).toEqual(new Set([0, 1, 2]));
  });

  it('names the installed program in its usage text', async () => {
    const r = await viaApp(['help']);
    expect(r.out).toContain(`用法：${path.basename(process.execPath)} --cli <命令>`);
  });

  it('works when run from source (electron <folder> --cli …)', async () => {
    const r = await viaApp(['templates', '--db', db], true);
    expect(r.code).toBe(0);
    expect(r.out).toContain('suining-2017');
  });

  it('says in one Chinese line when the Electron build of SQLite is missing (run from source), exit 1', async () => {
    fake.module.app.isPackaged = false;
    fake.module.app.getAppPath = () => dir;
    const r = await viaApp(['templates', '--db', db], true);
    fake.module.app.getAppPath = () => process.cwd();
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^缺少桌面版所需的 SQLite 模块/);
  });
});
