import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';

const dir = tempDir('ledger-cli-pipe-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const MAIN = path.join(import.meta.dirname, 'main.ts');

/**
 * Runs the real CLI process into a shell pipe whose reader starts late (a
 * slow reader): a real pipe holds 64 KiB, the rest must wait for it. The
 * CLI's exit code comes back on stderr.
 */
function runPiped(args: string[], pauseSeconds: number): Promise<{ code: number; out: string; err: string }> {
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const cli = [process.execPath, '--import', 'tsx', MAIN, ...args].map(quote).join(' ');
  const script = `{ ${cli}; echo "exit:$?" >&2; } | { sleep ${pauseSeconds}; cat; }`;
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', () => {
      const errText = Buffer.concat(err).toString('utf8');
      const m = /exit:(\d+)\n?$/.exec(errText);
      resolve({ code: m ? Number(m[1]) : -1, out: Buffer.concat(out).toString('utf8'), err: errText.replace(/exit:\d+\n?$/, '') });
    });
  });
}

describe('CLI output on a pipe', () => {
  it('writes all of a long --json answer to a slow reader, with the exit code of the outcome', async () => {
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(inbox, `第${i}号.xlsx`), `不是工作簿 ${i}`);
    const r = await runPiped(['merge', inbox, '--db', path.join(dir, 'ledger.sqlite'), '--dry-run', '--json'], 1.5);
    expect(r.err).toBe('');
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(2 * 65536);
    const answer = JSON.parse(r.out) as { files: { status: string }[] };
    expect(answer.files).toHaveLength(200);
    expect(answer.files.every((f) => f.status === 'rejected')).toBe(true);
    // Rejected files: refused input.
    expect(r.code).toBe(1);
  }, 60_000);
});
