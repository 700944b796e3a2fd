/**
 * Starts browser mode on a data file of the test's own, as a real child
 * process (so a restart is a real restart), and reports its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LedgerServer {
  url: string;
  openUrl: string;
  dataFile: string;
  dir: string;
  /** The server's process id (benches read its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
}

/** `nodeArgs` go before the script (a bench profiling the server passes --cpu-prof). */
export function startLedgerServer(dir: string, nodeArgs: string[] = []): Promise<LedgerServer> {
  const dataFile = path.join(dir, 'ledger.sqlite');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'electron/backend/server/main.ts'), '--db', dataFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /LEDGER_URL=(\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const openUrl = m[1];
      resolve({
        url: openUrl.replace(/\/#token=.*$/, ''),
        openUrl,
        dataFile,
        dir,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
