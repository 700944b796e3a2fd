import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

const dir = tempDir();
const db = path.join(dir, 'ledger.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ledger CLI', () => {
  it('init, set, get and templates', async () => {
    expect((await cli('init', '--db', db, '--code', 'D01', '--name', '市财政局')).code).toBe(0);
    expect((await cli('set', '--db', db, '--indicator', 'pub.total', '--period', '2017-01', '--value', '1,200')).code).toBe(0);
    expect((await cli('set', '--db', db, '--indicator', 'pub.total', '--period', '2017-02', '--value', '12')).code).toBe(0);
    const got = await cli('get', '--db', db, '--indicator', 'pub.total', '--period', '2017', '--json');
    expect(got.code).toBe(0);
    expect(JSON.parse(got.out)).toMatchObject({ value: 1212, unitCode: 'D01' });
    const human = await cli('get', '--db', db, '--indicator', 'pub.total', '--period', '2017-02');
    expect(human.out).toBe('主动公开政府信息总数：12 条');
    const tpl = await cli('templates', '--db', db);
    expect(tpl.out).toContain('national-2021');
    const cell = await cli('set', '--db', db, '--template', 'national-2021', '--indicator', 't3.new:natural', '--period', '2021-03', '--value', '4');
    expect(cell.code).toBe(0);
  });

  it('init --kind sets the unit kind (a county: rules for units without rule-making power apply)', async () => {
    const county = path.join(dir, 'county.sqlite');
    const r = await cli('init', '--db', county, '--code', 'X01', '--name', '船山区人民政府', '--kind', '县区', '--role', 'aggregator', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ unit: { code: 'X01', kind: '县区' } });
    const bad = await cli('init', '--db', path.join(dir, 'bad.sqlite'), '--code', 'X02', '--name', '某区', '--kind', '区县');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--kind 只能是 市、县区');
    expect(fs.existsSync(path.join(dir, 'bad.sqlite'))).toBe(false);
  });

  it('exit code 1 for refused input, 2 for usage errors', async () => {
    const refused = await cli('set', '--db', db, '--indicator', 'pub.total', '--period', '2017-03', '--value', 'abc');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('不是数字');
    expect((await cli('set', '--db', db, '--indicator', 'pub.total', '--period', '2017', '--value', '1')).code).toBe(2);
    expect((await cli('get', '--db', db, '--indicator', 'pub.total')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('get', '--db', db, '--bogus', 'x')).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });
});
