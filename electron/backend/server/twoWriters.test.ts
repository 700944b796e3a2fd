/**
 * Who may open a data file at once: a browser-mode server with several
 * clients writing as fast as they can, the CLI setting values and merging
 * workbooks beside it (every call waits its turn and succeeds), and a second
 * server on the same file refused with a message naming the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkbookUnit } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { type Finished, runCliProcess, type ServerProcess, startServerProcess } from '../testing/ledgerProcesses';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend, tempDir } from '../testing/tempBackend';

const suining = loadTemplates(path.join(defaultResourcesDir(), 'templates')).get('suining-2017')!;
const dir = tempDir('ledger-two-writers-');
const dataFile = path.join(dir, 'ledger.sqlite');
const units: WorkbookUnit[] = [1, 2, 3, 4, 5, 6].map((i) => ({ code: `D0${i}`, name: `市第${i}局`, kind: '部门' as const, parentCode: 'TEST-01' }));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const isServer = (s: ServerProcess | Finished): s is ServerProcess => 'url' in s;

describe('a server and the CLI on one data file', () => {
  it('every CLI call waits its turn and succeeds while clients write as fast as they can; a second server is refused', async () => {
    const setup = await tempBackend({ role: 'aggregator', dir });
    for (const u of units) await setup.invoke('units.create', { code: u.code, name: u.name, kind: '部门', parentCode: 'TEST-01' });
    setup.close();
    const inboxes = [0, 1].map((k) => path.join(dir, `inbox-${k}`));
    for (const [k, inbox] of inboxes.entries()) {
      fs.mkdirSync(inbox);
      for (const u of units.slice(k * 2, k * 2 + 2)) {
        fs.writeFileSync(path.join(inbox, `${u.code}.xlsx`), await workbookBytes({ template: suining, unit: u, values: fillEveryCell(suining, u.code, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) }));
      }
    }

    const started = await startServerProcess(dataFile);
    if (!isServer(started)) throw new Error(`server did not start: ${started.stderr}`);
    server = started;
    const running = server;

    const second = await startServerProcess(dataFile);
    expect(isServer(second)).toBe(false);
    const refused = second as Finished;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`已被另一个浏览器模式服务打开（进程号 ${running.child.pid}，`);

    // Clients write until the CLI is done.
    let done = false;
    const clientErrors: string[] = [];
    const written = [0, 0, 0, 0];
    const clients = written.map(async (_, c) => {
      for (let i = 0; !done; i++) {
        const r = await running.call('values.set', { templateId: 'suining-2017', year: 2040 + c, month: (i % 12) + 1, indicator: 'pub.total', raw: String(i + 1) });
        if (r.ok) written[c]++;
        else clientErrors.push(`${r.error?.code} ${r.error?.message}`);
      }
    });

    const runs: { args: string[]; result: Finished }[] = [];
    try {
      for (const [k, inbox] of inboxes.entries()) {
        const set = ['set', '--db', dataFile, '--unit', 'TEST-01', '--indicator', 'pub.key', '--period', `2017-0${k + 1}`, '--value', String(10 + k)];
        runs.push({ args: set, result: await runCliProcess(set) });
        const merge = ['merge', inbox, '--db', dataFile];
        runs.push({ args: merge, result: await runCliProcess(merge) });
      }
    } finally {
      done = true;
      await Promise.all(clients);
    }

    for (const r of runs) expect({ args: r.args.join(' '), code: r.result.code, stderr: r.result.stderr }).toEqual({ args: r.args.join(' '), code: 0, stderr: '' });
    expect(clientErrors).toEqual([]);
    for (const n of written) expect(n).toBeGreaterThan(0);

    // What each writer was told was saved is there.
    const year = async (y: number, unitCode: string) =>
      ((await running.call('values.getYear', { templateId: 'suining-2017', year: y, unitCode })) as { data?: { values: { indicator: string; month: number; value: number }[] } }).data?.values ?? [];
    expect((await year(2017, 'TEST-01')).filter((v) => v.indicator === 'pub.key').map((v) => [v.month, v.value])).toEqual([
      [1, 10],
      [2, 11],
    ]);
    for (const u of units.slice(0, 4)) expect((await year(2017, u.code)).length).toBeGreaterThan(0);
    expect((await year(2040, 'TEST-01')).length).toBe(Math.min(12, written[0]));
  }, 300_000);
});
