/**
 * Test support: the browser-mode server and the CLI as separate processes on
 * one data file, as an office runs them (the app open, a script merging).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TOKEN_HEADER } from '../../../shared/security';
import { sourceRoot } from '../paths';

const SERVER = path.join(sourceRoot(), 'electron', 'backend', 'server', 'main.ts');
const CLI = path.join(sourceRoot(), 'electron', 'backend', 'cli', 'main.ts');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  token: string;
  output(): string;
  call(method: string, args: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { text: () => string; ended: Promise<Finished> } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const ended = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { text: () => stdout + stderr, ended };
}

/** Starts `server/main.ts --db <file>`; resolves once it listens, or with how it ended. */
export function startServerProcess(dataFile: string): Promise<ServerProcess | Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, '--db', dataFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = collect(child);
  return new Promise((resolve) => {
    void out.ended.then(resolve);
    child.stdout?.on('data', () => {
      const m = /LEDGER_URL=(\S+)\/#token=(\S+)/.exec(out.text());
      if (!m) return;
      const [, url, token] = m;
      const { host } = new URL(url);
      resolve({
        child,
        url,
        token,
        output: out.text,
        async call(method, args) {
          const res = await fetch(`${url}/api/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, host, origin: url },
            body: JSON.stringify(args),
          });
          return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        },
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await out.ended;
        },
      });
    });
  });
}

/** Runs `cli/main.ts <args>` to its end. */
export function runCliProcess(args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child).ended;
}
