/**
 * Browser mode entry: `npm run serve [-- --db <file>] [--port N]`.
 * Prints the URL to open (with its token) and a machine-readable line for tests.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../backend';
import { defaultDataFile, defaultResourcesDir, sourceRoot } from '../paths';
import { startServer } from './httpServer';

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: process.env.LEDGER_PORT ?? '0' },
      static: { type: 'string' },
    },
  });
  const dataFile = path.resolve(values.db ?? defaultDataFile());
  const backend = await openBackend({ dataFile, resourcesDir: defaultResourcesDir(), backupOnStart: true, exclusive: 'browser' });
  const server = await startServer({
    backend,
    staticDir: values.static ?? path.join(sourceRoot(), 'out', 'renderer'),
    port: Number(values.port),
  });
  console.log(`政务公开台账（浏览器模式）已启动，数据文件：${dataFile}`);
  for (const notice of backend.ctx.store.notices) console.warn(`注意：${notice}`);
  console.log(`请在浏览器中打开：${server.openUrl}`);
  console.log(`LEDGER_URL=${server.openUrl}`);
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
