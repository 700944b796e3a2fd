/**
 * Test support: a second process writing into a data file as fast as it can,
 * as the CLI or another tool would beside a running app. Each write goes to
 * a cell of its own (write i: pub.total of month i, counted from 2030-01,
 * value i + 1), and "ack i" is printed once the backend has acknowledged it.
 * Once the file named by `--stop-after` exists it writes `--more` further
 * cells and exits; an error ends it with "error <message>" and exit code 1.
 *
 *   node --import tsx writerChild.ts <data file> <stop file> <more>
 */
import fs from 'node:fs';
import { openBackend } from '../backend';
import { defaultResourcesDir } from '../paths';

export const WRITER_FIRST_YEAR = 2030;
export const WRITER_MAX = 800;

export const writerCell = (i: number) => ({
  templateId: 'suining-2017',
  year: WRITER_FIRST_YEAR + Math.floor(i / 12),
  month: (i % 12) + 1,
  indicator: 'pub.total',
});

async function main() {
  const [dataFile, stopFile, more] = process.argv.slice(2);
  const backend = await openBackend({ dataFile, resourcesDir: defaultResourcesDir() });
  let left = Number(more);
  for (let i = 0; i < WRITER_MAX && left > 0; i++) {
    if (fs.existsSync(stopFile)) left--;
    const r = await backend.call('values.set', { ...writerCell(i), raw: String(i + 1) });
    if (!r.ok) {
      process.stdout.write(`error ${r.error.code} ${r.error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`ack ${i}\n`);
  }
  backend.close();
}

if (process.argv[1]?.endsWith('writerChild.ts')) {
  main().catch((e: unknown) => {
    process.stdout.write(`error ${(e as Error).message}\n`);
    process.exit(1);
  });
}
