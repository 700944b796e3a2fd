#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is present or can be
// fetched now; otherwise one line saying why, then browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildUi, serve } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  // Electron's own installer downloads the runtime once; it fails fast without network.
  const dir = path.dirname(require.resolve('electron/package.json'));
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status === 0 && electronBinary()) return { ok: true };
  // The installer prints a stack trace; the line naming the error is the reason worth showing.
  const lines = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const why = lines.find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|getaddrinfo/.test(l)) ?? lines.pop() ?? (r.error?.message || '未知原因');
  return { ok: false, why };
}

const args = process.argv.slice(2);
let bin = electronBinary();
if (!bin && process.env.LEDGER_NO_ELECTRON !== '1') {
  const got = fetchElectron();
  if (got.ok) bin = electronBinary();
  else console.log(`未能获取 Electron 运行时（${got.why.slice(0, 160)}），改用浏览器模式。`);
} else if (!bin) {
  console.log('已设置 LEDGER_NO_ELECTRON=1，使用浏览器模式。');
}

buildUi();
if (bin) {
  // The native SQLite module must match Electron's ABI; see README "Desktop runtime".
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  serve(args);
}
