/** `ledger merge` says how each file is sealed and takes --accept-new-keys; `ledger keys` prints key codes. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePlan } from '../../../shared/api/methods/import';
import { cli } from '../testing/cliRun';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { D01, suining, valuesFor } from '../testing/importHarness';
import { tempBackend, tempDir } from '../testing/tempBackend';
import { publicKeyCode } from '../workbook/seal';

const dir = tempDir('ledger-cli-keys-');
const db = path.join(dir, 'data', 'ledger.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const code = (salt = '') => publicKeyCode(unitSigner('D01', salt).publicKey);

async function file(name: string, revision: number, signer: 'own' | 'other' | 'none') {
  const p = path.join(dir, name);
  const key = signer === 'own' ? unitSigner('D01') : signer === 'other' ? unitSigner('D01', 'other') : null;
  fs.writeFileSync(p, await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', revision), revision, signer: key }));
  return p;
}

beforeAll(async () => {
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const b = await tempBackend({ role: 'aggregator', dir: path.dirname(db) });
  await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  b.close();
});

describe('ledger merge and keys: sealed submissions', () => {
  it('reports 新密钥 with its code, registers it only with --accept-new-keys, then 已签名, 密钥变更, 未签名', async () => {
    const first = await file('第1版.xlsx', 1, 'own');
    const dry = await cli('merge', first, '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`签名：新密钥，文件密钥 ${code()}`);
    expect((await cli('keys', '--db', db, '--unit', 'D01')).out).toContain('尚未登记签名密钥');

    const json = await cli('merge', first, '--db', db, '--dry-run', '--accept-new-keys', '--json');
    const plan = (JSON.parse(json.out) as { files: FilePlan[] }).files[0];
    expect(plan.seal).toMatchObject({ state: 'signed', accepted: true, keyCode: code() });

    const applied = await cli('merge', first, '--db', db, '--accept-new-keys');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('签名：已签名');
    const keys = await cli('keys', '--db', db, '--unit', 'D01');
    expect(keys.out).toContain(`市财政局（D01）登记的签名密钥：${code()}`);
    expect(JSON.parse((await cli('keys', '--db', db, '--unit', 'D01', '--json')).out).key.keyCode).toBe(code());

    const changed = await cli('merge', await file('换密钥.xlsx', 2, 'other'), '--db', db, '--accept-new-keys');
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(`签名：密钥变更，文件密钥 ${code('other')}，登记的密钥 ${code()}`);
    expect(changed.out).toContain('[key_changed]');

    const unsigned = await cli('merge', await file('无签名.xlsx', 3, 'none'), '--db', db, '--json');
    expect(unsigned.code).toBe(1);
    expect((JSON.parse(unsigned.out) as { files: FilePlan[] }).files[0]).toMatchObject({ status: 'rejected', seal: { state: 'unsigned' }, problems: [{ code: 'unsigned_from_keyed_unit' }] });
  });

  it('keys prints this data file\'s own code and public key; an unknown unit is refused', async () => {
    const own = await cli('keys', '--db', db);
    expect(own.code).toBe(0);
    expect(own.out).toMatch(/本数据文件的签名密钥：[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}\n完整公钥（供汇总单位登记）：[A-Za-z0-9+/]{43}=/);
    const missing = await cli('keys', '--db', db, '--unit', 'X99');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('X99 不在单位名录中');
  });
});
