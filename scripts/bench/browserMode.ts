/**
 * What the browser benches share: the built UI, a browser-mode server on a
 * fresh data file, a typed-less API call with its token, and Chromium.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { newDataDir, startLedgerServer } from '../../e2e/server';
import { TOKEN_HEADER } from '../../shared/security';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface BenchServer {
  url: string;
  openUrl: string;
  call(method: string, input: unknown): Promise<void>;
  /** CPU time the server process has used so far, ms (user + system, from /proc; 0 where there is none). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Builds the UI if it is not built, then serves it and a fresh data file. */
export async function startBenchServer(): Promise<BenchServer> {
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  const dir = newDataDir();
  // LEDGER_BENCH_PROFILE=<dir>: the server writes a CPU profile there when it stops (open it in Chrome's DevTools).
  const profileDir = process.env.LEDGER_BENCH_PROFILE;
  const server = await startLedgerServer(dir, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
  const token = /#token=([^&]+)/.exec(server.openUrl)![1];
  return {
    url: server.url,
    openUrl: server.openUrl,
    async call(method, input) {
      const res = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    },
    cpuMs() {
      try {
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
        const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return 0;
      }
    },
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LEDGER_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
