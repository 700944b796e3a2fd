/**
 * Storage the user may not write: a read-only data file, a read-only data
 * folder, an unwritable backups folder. Tests run as root here, where chmod
 * alone changes nothing, so the app runs in a child with its privileges
 * dropped (setpriv to nobody) and the denied path left to root; as an
 * ordinary user chmod does it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceRoot } from '../paths';
import { tempBackend } from '../testing/tempBackend';

const CHILD = path.join(sourceRoot(), 'electron', 'backend', 'testing', 'openChild.ts');
const NOBODY = 65534;
const root = process.getuid?.() === 0;

interface Outcome {
  opened: boolean;
  notices?: string[];
  set?: { ok: boolean; error?: { message: string } };
  error?: { code: string; message: string };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A set-up data file in a folder the child's user owns (as root: handed to nobody). */
async function dataFolder(): Promise<{ dir: string; file: string }> {
  const b = await tempBackend({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-fault-')) });
  await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 3, indicator: 'pub.total', raw: '8' });
  b.close();
  dirs.push(b.dir);
  if (root) for (const p of [b.dir, ...fs.readdirSync(b.dir, { recursive: true }).map((n) => path.join(b.dir, String(n)))]) fs.chownSync(p, NOBODY, NOBODY);
  return { dir: b.dir, file: b.dataFile };
}

/** Takes write permission on `p` away from the child's user. */
function denyWrite(p: string): void {
  const folder = fs.statSync(p).isDirectory();
  if (root) {
    fs.chownSync(p, 0, 0);
    fs.chmodSync(p, folder ? 0o755 : 0o644);
  } else fs.chmodSync(p, folder ? 0o555 : 0o444);
}

function openAsUser(file: string): Promise<Outcome> {
  const node = [process.execPath, '--import', 'tsx', CHILD, file];
  const [cmd, ...args] = root ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...node] : node;
  const child = spawn(cmd, args, { cwd: sourceRoot(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: os.tmpdir() } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve, reject) =>
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as Outcome);
      } catch {
        reject(new Error(`child said: ${out} ${err}`));
      }
    }),
  );
}

describe('storage the user may not write', () => {
  it('calls a read-only data file read-only, not corrupt, and leaves it as it was', async () => {
    const { file } = await dataFolder();
    denyWrite(file);
    const before = fs.readFileSync(file);
    const r = await openAsUser(file);
    expect(r).toMatchObject({ opened: false, error: { code: 'read_only', message: expect.stringMatching(/^数据文件 .* 是只读的.*请检查/) } });
    expect(r.error?.message).not.toMatch(/损坏|从备份恢复/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('calls a read-only data folder read-only, not corrupt', async () => {
    const { dir, file } = await dataFolder();
    denyWrite(dir);
    const r = await openAsUser(file);
    expect(r).toMatchObject({ opened: false, error: { code: 'read_only', message: expect.stringMatching(/^数据文件所在的文件夹 .* 是只读的/) } });
    expect(r.error?.message).not.toMatch(/损坏|从备份恢复/);
  }, 60_000);

  it('starts, and saves edits, when the backups folder cannot be written; says so once in Chinese', async () => {
    const { dir, file } = await dataFolder();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    denyWrite(backups);
    const r = await openAsUser(file);
    expect(r.opened).toBe(true);
    expect(r.notices).toHaveLength(1);
    expect(r.notices?.[0]).toMatch(/^未能在 .*backups 中建立备份：没有读写 .*backups.* 的权限.*程序照常运行/);
    expect(r.set).toMatchObject({ ok: true });
    expect(fs.readdirSync(backups)).toEqual([]);
  }, 60_000);
});
