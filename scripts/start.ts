/**
 * `npm start`: the desktop app when the Electron runtime and an Electron
 * build of the SQLite addon are present or can be fetched now; otherwise one
 * line saying why, then browser mode (scripts/desktop/runtime.ts decides).
 */
import { spawn } from 'node:child_process';
import { chooseRuntime } from './desktop/runtime';
import { nodeProbe } from './desktop/probe';
import { buildUi, root, serve } from './serve';

const args = process.argv.slice(2);
const choice = chooseRuntime(nodeProbe(root, process.env));
buildUi();
if (choice.kind === 'desktop') {
  if (choice.sqlite.obtained !== 'cached') console.log(`已为桌面版准备 SQLite 模块：${choice.sqlite.file}`);
  // The browser-mode switch means nothing to the desktop app.
  const child = spawn(choice.electron, [root, ...args.filter((a) => a !== '--no-open')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(choice.message);
  serve(args);
}
