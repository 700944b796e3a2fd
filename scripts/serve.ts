/**
 * `npm run serve`: browser mode. Builds the UI, then serves it and the
 * backend on 127.0.0.1 and opens the default browser on the tokened address
 * (`--no-open` to only print it).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildUi(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('界面构建失败，无法启动。');
    process.exit(r.status ?? 1);
  }
}

/** The server's arguments: the user's, with the browser opened unless --no-open was given. */
export function serverArgs(args: readonly string[]): string[] {
  return args.includes('--no-open') ? args.filter((a) => a !== '--no-open') : [...args, '--open'];
}

export function serve(args: readonly string[]): void {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/backend/server/main.ts'), ...serverArgs(args)], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildUi();
  serve(process.argv.slice(2));
}
