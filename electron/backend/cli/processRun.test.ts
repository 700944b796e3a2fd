/**
 * The installed app ends the process with app.exit() as soon as the CLI
 * returns, which, like process.exit(), does not wait for a pipe to drain:
 * runCliProcess must resolve only when everything written is flushed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';

const dir = tempDir('ledger-cli-flush-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs runCliProcess then exits at once (as app.exit does), into a pipe whose reader starts late. */
function runThenExit(args: string[], pauseSeconds: number): Promise<{ code: number; out: string }> {
  const module = path.join(import.meta.dirname, 'processRun.ts');
  const program = `import(${JSON.stringify(module)}).then((m) => m.runCliProcess(${JSON.stringify(args)})).then((code) => process.exit(code));`;
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const cli = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', program].map(quote).join(' ');
  const script = `{ ${cli}; echo "exit:$?" >&2; } | { sleep ${pauseSeconds}; cat; }`;
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ code: Number(/exit:(\d+)/.exec(err)?.[1] ?? -1), out: Buffer.concat(out).toString('utf8') }));
  });
}

describe('runCliProcess', () => {
  it('has flushed a long answer to a slow pipe before it resolves, so an immediate exit loses nothing', async () => {
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(inbox, `第${i}号.xlsx`), `不是工作簿 ${i}`);
    const r = await runThenExit(['merge', inbox, '--db', path.join(dir, 'ledger.sqlite'), '--dry-run', '--json'], 1.5);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(2 * 65536);
    expect((JSON.parse(r.out) as { files: unknown[] }).files).toHaveLength(200);
    expect(r.code).toBe(1);
  }, 60_000);
});
