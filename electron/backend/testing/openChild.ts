/**
 * Test support: opens a data file as the app does (start-up backup
 * included), tries one edit, and prints what happened as one JSON line.
 * Run as another user (setpriv) to meet storage the user may not write.
 *
 *   node --import tsx openChild.ts <data file>
 */
import { openBackend } from '../backend';
import { defaultResourcesDir } from '../paths';

async function main() {
  const dataFile = process.argv[2];
  let out: Record<string, unknown>;
  try {
    const b = await openBackend({ dataFile, resourcesDir: defaultResourcesDir(), backupOnStart: true });
    const set = await b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 4, indicator: 'pub.total', raw: '9' });
    out = { opened: true, notices: b.ctx.store.notices, set };
    b.close();
  } catch (e) {
    out = { opened: false, error: { code: (e as { code?: string }).code, message: (e as Error).message } };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
