/**
 * Every message the API and the CLI give for the hostile inputs of issue 13
 * is Chinese: no English word outside the allow-list of formats and codes
 * (shared/text/englishWords.ts). Add a case here when a new refusal appears.
 * Every catalog message and every error code the API answers: api/allMessages.test.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { englishWords, userTexts } from '../../../shared/text/englishWords';
import { DATA_SHEET } from '../../../shared/workbook/format';
import { runCli } from '../cli/run';
import { workbookBytes } from '../testing/importFixtures';
import { C01D, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { tempDir } from '../testing/tempBackend';
import { editParts, sheetPath } from '../testing/xlsxEdit';
import { readAgain } from './batch';
import { ImportBatch } from './session';
import { describePlan } from '../cli/commands/merge';
import { C01 } from '../testing/importHarness';
import { unitSigner } from '../testing/importFixtures';
import { readDataGrid, setMeta, writeDataGrid } from '../testing/forge';

const h = useImportBackend();

/** The hostile files: each refused, each with its message. */
async function hostileFiles(): Promise<[string, Uint8Array][]> {
  const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
  const withValue = async (v: number) => {
    const values = valuesFor('C01-D1');
    values[0] = { ...values[0], value: v };
    return workbookBytes({ template: suining, unit: C01D, values });
  };
  const deflateDamage = Buffer.from(good);
  const at = deflateDamage.indexOf(sheetPath(good, DATA_SHEET));
  for (let i = at + 200; i < at + 260; i++) deflateDamage[i] = (deflateDamage[i] * 31 + 7) & 0xff;
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1200);
  const sharedEdit = (fn: (xml: string) => string) => editParts(good, (parts) => void (parts['xl/sharedStrings.xml'] = strToU8(fn(strFromU8(parts['xl/sharedStrings.xml'])))));
  return [
    ['万亿.xlsx', await withValue(1e12)],
    ['千万亿.xlsx', await withValue(1e15)],
    ['1e20.xlsx', await withValue(1e20)],
    ['小数.xlsx', await withValue(2.5)],
    ['坏压缩.xlsx', new Uint8Array(deflateDamage)],
    ['加密.xlsx', new Uint8Array(ole)],
    ['空.xlsx', new Uint8Array(0)],
    ['文本.xlsx', new TextEncoder().encode('单位,数量\n')],
    ['截断.xlsx', good.slice(0, good.length >> 1)],
    ['控制符.xlsx', sharedEdit((x) => x.replaceAll('市财政局', '市财&#11;政局'))],
    ['码点.xlsx', sharedEdit((x) => x.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)\d+/, '$1&#99999999999;'))],
    ['无穷.xlsx', sharedEdit((x) => x.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)\d+/, `$1${'9'.repeat(400)}`))],
    ['两次.xlsx', await workbookBytes({ template: suining, unit: D01, units: [D01, D01], values: valuesFor('D01'), kind: 'bundle' })],
  ];
}

function expectChinese(where: string, value: unknown): void {
  const texts = typeof value === 'string' ? [{ at: '', text: value }] : userTexts(value);
  expect(texts.length, where).toBeGreaterThan(0);
  for (const { at, text } of texts) expect(englishWords(text), `${where}${at}: ${text}`).toEqual([]);
}

describe('messages for hostile input are Chinese', () => {
  it('the import API: dry run, apply, a failure while applying, the log', async () => {
    const files = await hostileFiles();
    const { batchId, plans } = await h.dryRun(files);
    for (const p of plans) {
      expect(p.status, p.name).toBe('rejected');
      expectChinese(p.name, p.problems);
    }
    const applied = await h.applyAll(batchId);
    for (const p of applied) expectChinese(p.name, p.problems);
    // A value that reaches the store anyway (as if a reader had let it through).
    const batch = new ImportBatch({ templates: (id) => h.b.ctx.templates.get(id) });
    batch.add('晚.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
    batch.plan(h.b.ctx.store.db);
    for (const v of [1e12, Number.POSITIVE_INFINITY, Number.NaN, -1]) {
      // Held for applying (a batch keeps no values between reads).
      const [m] = (batch.files[0].read = readAgain(batch.files[0], batch.opts)!).months;
      m.values.set([...m.values.keys()][0], v);
      batch.files[0].applied = undefined;
      const [plan] = batch.applyNext({ db: h.b.ctx.store.db, dataDir: h.b.ctx.store.dataDir, operator: '测试' }, 1);
      expect(plan.status).toBe('rejected');
      expectChinese(`store ${v}`, plan.problems);
    }
    expectChinese('import.log', (await h.b.invoke('import.log', {})).entries.filter((e) => e.outcome === 'rejected'));
  }, 60_000);

  it('sealed submissions: each refusal, each seal line and each key entry error', async () => {
    for (const code of ['D01', 'C01']) await h.b.invoke('keys.set', { unitCode: code, publicKey: unitSigner(code).publicKey, reason: '电话核对' });
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const grid = readDataGrid(good);
    setMeta(grid, 'revision', 9);
    const files: [string, Uint8Array][] = [
      ['签名无效.xlsx', writeDataGrid(good, grid)],
      ['密钥变更.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), signer: unitSigner('D01', 'x') })],
      ['他人密钥.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), signer: unitSigner('C01') })],
      ['未签名.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), signer: null })],
      ['越级.xlsx', await workbookBytes({ template: suining, unit: D01, units: [D01, C01D], values: valuesFor('D01'), kind: 'bundle', revision: 5 })],
      ['新密钥.xlsx', await workbookBytes({ template: suining, unit: C01D, values: valuesFor('C01-D1'), revision: 2 })],
      ['县区.xlsx', await workbookBytes({ template: suining, unit: C01, units: [C01, C01D], values: valuesFor('C01'), kind: 'bundle', revision: 3 })],
    ];
    const { batchId, plans } = await h.dryRun(files);
    expect(plans.map((p) => p.problems[0]?.code ?? p.seal?.state)).toEqual(['bad_signature', 'key_changed', 'wrong_key', 'unsigned_from_keyed_unit', 'not_ancestor', 'new_key', 'county']);
    for (const p of plans) {
      if (p.problems.length) expectChinese(p.name, p.problems);
      expect(englishWords(describePlan(p).replace(/^(\S+) {2}\S+/, '$1')), describePlan(p)).toEqual([]);
    }
    await h.b.invoke('import.accept', { batchId, indexes: [1, 3], allNewKeys: true });
    for (const p of (await h.b.invoke('import.plan', { batchId })).files) expect(englishWords(describePlan(p).replace(/^(\S+) {2}\S+/, '$1')), describePlan(p)).toEqual([]);
    for (const bad of [
      { unitCode: 'D01', publicKey: 'abc', reason: '电话核对' },
      { unitCode: 'D01', publicKey: unitSigner('C01').publicKey, reason: '电话核对' },
      { unitCode: 'D01', publicKey: null, reason: '' },
      { unitCode: 'C01-D1', publicKey: null, reason: '重装软件' },
    ]) {
      const r = await h.b.call('keys.set', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      expectChinese('keys.set', r);
    }
    const accept = await h.b.call('import.accept', { batchId, indexes: [] });
    expect(accept.ok).toBe(false);
    expectChinese('import.accept', accept);
  }, 60_000);

  it('typing and setting up: values and names', async () => {
    for (const raw of ['1e15', '99999999999999999999', 'Infinity', 'NaN', '-5', '1.5', '１２３４５６７８９０']) {
      const r = await h.b.call('values.set', { templateId: 'suining-2017', year: 2017, month: 5, indicator: 'pub.total', raw });
      expect(r.ok, raw).toBe(false);
      expectChinese(`values.set ${raw}`, r);
    }
    const name = await h.b.call('units.create', { code: 'D09', name: '市\u000b教育局', kind: '部门', parentCode: 'TEST-01' });
    expect(name.ok).toBe(false);
    expectChinese('units.create', name);
  });

  it('the CLI, as text and as --json, for files and for what is not a file', async () => {
    const dir = tempDir('ledger-messages-');
    try {
      const inbox = path.join(dir, 'inbox');
      fs.mkdirSync(inbox);
      for (const [name, bytes] of await hostileFiles()) fs.writeFileSync(path.join(inbox, name), bytes);
      fs.writeFileSync(path.join(inbox, '巨大.xlsx'), '');
      fs.truncateSync(path.join(inbox, '巨大.xlsx'), 60 * 1024 * 1024);
      execFileSync('mkfifo', [path.join(inbox, '管道.xlsx')]);
      const db = path.join(dir, 'data', 'ledger.sqlite');
      for (const json of [false, true]) {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(['merge', inbox, '/dev/zero', '--db', db, ...(json ? ['--json'] : [])], {
          print: (t) => out.push(t),
          printJson: (v) => out.push(JSON.stringify(v)),
          error: (t) => err.push(t),
        });
        expect(code).toBe(1);
        if (json) expectChinese('merge --json', JSON.parse(out.join('\n')));
        // Each file's first line names it (the name is the sender's, not ours).
        else for (const line of [...out, ...err]) expect(englishWords(line.replace(/^(\S+) {2}\S+/, '$1')), line).toEqual([]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
