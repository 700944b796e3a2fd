#!/usr/bin/env node
// Browser mode: build the UI, then serve it and the backend on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildUi() {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('界面构建失败，无法启动。');
    process.exit(r.status ?? 1);
  }
}

export function serve(args) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/backend/server/main.ts'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildUi();
  serve(process.argv.slice(2));
}
