import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempBackend';
import { runCli } from '../run';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { print: (t) => out.push(t), printJson: (v) => out.push(JSON.stringify(v)), error: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

describe('ledger demo', () => {
  it('loads the 2017 figures into a fresh file, whose year totals are then exact', async () => {
    const db = path.join(dir, 'fresh.sqlite');
    const r = await cli('demo', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('演示单位已设为本单位');
    const got = await cli('get', '--db', db, '--indicator', 'pub.cat.work', '--period', '2017', '--json');
    expect(JSON.parse(got.out)).toMatchObject({ value: 42373, unitCode: 'DEMO-SN2017' });
    const stock = await cli('get', '--db', db, '--indicator', 'pub.cumulative', '--period', '2017', '--json');
    expect(JSON.parse(stock.out)).toMatchObject({ value: 516084 });
  });

  it('adds the demo unit under the unit of a set-up file', async () => {
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('init', '--db', db, '--code', 'SN-ZFB', '--name', '遂宁市政府办公室', '--role', 'aggregator')).code).toBe(0);
    const r = await cli('demo', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ becameSelf: false, unitCode: 'DEMO-SN2017' });
  });
});
