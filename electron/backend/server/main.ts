/**
 * Browser mode entry: `npm run serve [-- --db <file>] [--port N] [--no-open]`.
 * Prints the URL to open (with its token) and a machine-readable line for
 * tests; with --open (what npm start and npm run serve pass) it also opens
 * the default browser there.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../backend';
import { defaultDataFile, defaultResourcesDir, sourceRoot } from '../paths';
import { startServer } from './httpServer';
import { openInBrowser } from './openBrowser';

/**
 * The port browser mode prefers, so that its address stays the same across
 * starts and a bookmark reaches it (and, without this start's token, gets
 * told where the right address is). Another free port is taken when it is busy.
 */
const PREFERRED_PORT = 18621;

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const port = values.port ?? process.env.LEDGER_PORT;
  const dataFile = path.resolve(values.db ?? defaultDataFile());
  const backend = await openBackend({ dataFile, resourcesDir: defaultResourcesDir(), backupOnStart: true, exclusive: 'browser' });
  const staticDir = values.static ?? path.join(sourceRoot(), 'out', 'renderer');
  const start = (port: number) => startServer({ backend, staticDir, port });
  // A port the user named is used or fails; the preferred one gives way to any free port.
  const server =
    port !== undefined
      ? await start(Number(port))
      : await start(PREFERRED_PORT).catch((e: unknown) => {
          if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
          return start(0);
        });
  console.log(`政务公开台账（浏览器模式）已启动，数据文件：${dataFile}`);
  for (const notice of backend.ctx.store.notices) console.warn(`注意：${notice}`);
  console.log(`请在浏览器中打开：${server.openUrl}`);
  console.log(`LEDGER_URL=${server.openUrl}`);
  if (values.open && !(await openInBrowser(server.openUrl))) console.log('未能自动打开浏览器，请手动复制上面的地址打开。');
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`无法启动：${(e as Error).message}`);
  process.exit(1);
});
