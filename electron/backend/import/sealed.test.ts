/**
 * Sealed submissions (issue 16): the forgeries that got through before the
 * workbook was signed, each refused now with nothing applied, and what must
 * still import (unsigned hand-filled files from units without a key, the
 * previous format, a bundle sealed by its county).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEDGER_SHEET, WORKBOOK_FORMAT_VERSION } from '../../../shared/workbook/format';
import { setUnitKey } from '../store/keys';
import { findUnitByCode } from '../store/units';
import { dropMeta, readDataGrid, reseal, setMeta, valueRowOf, writeDataGrid } from '../testing/forge';
import { unitSigner, workbookBytes } from '../testing/importFixtures';
import { C01, C01D, codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { rowOfCode, setCell, withZipComment, zipComment } from '../testing/xlsxEdit';
import { publicKeyCode } from '../workbook/seal';

const h = useImportBackend();

const FIRST = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
const register = (unitCode: string, key = unitSigner(unitCode)) => h.b.invoke('keys.set', { unitCode, publicKey: key.publicKey, reason: '电话核对' });
const genuine = (revision = 1, salt = 0) => workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', salt), revision });
/** February's first figure of D01 as stored. */
const storedFeb = async () => (await h.storedYear('D01')).find((v) => v.indicator === FIRST && v.month === 2)?.value;

/** The hidden February value of the first indicator set to 999; with `visible`, the ledger's February cell too. */
function edit999(bytes: Uint8Array, opts: { visible: boolean }) {
  const grid = readDataGrid(bytes);
  const r = valueRowOf(grid, 'D01', 2);
  grid[r][2] = String(grid[r][2]).replace(/^([^=;]+)=\d+/, '$1=999');
  let out = writeDataGrid(bytes, grid);
  if (opts.visible) out = setCell(out, LEDGER_SHEET, `E${rowOfCode(bytes, LEDGER_SHEET, FIRST)}`, 999);
  return { grid, bytes: out };
}

describe('import: sealed submissions refuse forgeries', () => {
  it('hidden data and visible cells changed consistently, fingerprint recomputed: the signature no longer verifies', async () => {
    await register('D01');
    await h.importFiles([['第1版.xlsx', await genuine(1)]]);
    const { grid } = edit999(await genuine(2), { visible: false });
    reseal(grid, suining, null);
    // The forger keeps the unit's signature rows as they were: the recomputed fingerprint is right, the signature is not.
    const original = readDataGrid(await genuine(2));
    const at = original.findIndex((row) => row[0] === 'fingerprint');
    grid.splice(at + 1, 0, original[at + 1], original[at + 2]);
    const forged = setCell(writeDataGrid(await genuine(2), grid), LEDGER_SHEET, `E${rowOfCode(await genuine(2), LEDGER_SHEET, FIRST)}`, 999);
    const before = h.figures();
    const r = await h.importFiles([['伪造第2版.xlsx', forged]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(codeOf(r.plans[0])).toEqual(['bad_signature']);
    expect(r.plans[0].problems[0].message).toContain('签名无效');
    expect(r.plans[0].seal?.state).toBe('invalid');
    expect(h.figures()).toBe(before);
    expect(await storedFeb()).not.toBe(999);
  });

  it('hidden data changed with every other zip part and the zip comment kept: refused, never imported from the unread sheets', async () => {
    const bytes = await genuine(1);
    const comment = zipComment(bytes);
    const { grid } = edit999(bytes, { visible: false });
    // With the fingerprint recomputed and even signed again, by the forger's own key (the unit has none registered yet).
    const resigned = structuredClone(grid);
    reseal(resigned, suining, unitSigner('D01', 'forger'));
    reseal(grid, suining, null);
    const kept = (g: typeof grid) => withZipComment(writeDataGrid(bytes, g), comment);
    const before = h.figures();
    const r = await h.importFiles([
      ['仅改隐藏页_去签名.xlsx', kept(grid)],
      ['仅改隐藏页_他人签名.xlsx', kept(resigned)],
    ]);
    // Unsigned from a unit without a key, and signed by a key nobody registered: neither skips the visible sheets.
    expect(r.plans.map(codeOf)).toEqual([['tampered'], ['tampered']]);
    expect(r.plans[0].differences).toEqual([expect.objectContaining({ sheet: LEDGER_SHEET, month: 2, data: 999 })]);
    expect(r.plans[1].seal?.state).toBe('new_key');
    expect(h.figures()).toBe(before);
  });

  it('the shortcut is taken only for the registered key: a file sealed by it with unchanged parts is read from its data sheet alone', async () => {
    await register('D01');
    const bytes = await genuine(1);
    // The same untouched file with a visible cell changed but the comment's checksums restored is impossible without
    // changing a CRC, so the shortcut's condition is what is tested: registered key + stamp → no differences read.
    const r = await h.importFiles([['原件.xlsx', bytes]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'data' });
    expect(r.plans[0].seal).toMatchObject({ state: 'signed', keyCode: publicKeyCode(unitSigner('D01').publicKey), registeredKeyCode: publicKeyCode(unitSigner('D01').publicKey) });
  });

  it('revision raised: refused, and the genuine correction still wins', async () => {
    await register('D01');
    await h.importFiles([['第1版.xlsx', await genuine(1)]]);
    const grid = readDataGrid(await genuine(1, 1));
    setMeta(grid, 'revision', 99);
    const before = h.figures();
    const r = await h.importFiles([['修订号99.xlsx', writeDataGrid(await genuine(1, 1), grid)]]);
    expect(codeOf(r.plans[0])).toEqual(['bad_signature']);
    expect(h.figures()).toBe(before);
    const fixed = await h.importFiles([['第2版.xlsx', await genuine(2, 2)]]);
    expect(fixed.applied[0].status).toBe('updated');
  });

  it('signature stripped and revision raised (a downgrade): refused; accepted by the office it still never outranks a signed revision', async () => {
    await register('D01');
    await h.importFiles([['第1版.xlsx', await genuine(1)]]);
    const { grid } = edit999(await genuine(1), { visible: true });
    setMeta(grid, 'revision', 99);
    reseal(grid, suining, null);
    const forged = setCell(writeDataGrid(await genuine(1), grid), LEDGER_SHEET, `E${rowOfCode(await genuine(1), LEDGER_SHEET, FIRST)}`, 999);
    const before = h.figures();
    const { batchId, plans } = await h.dryRun([['去签名99.xlsx', forged]]);
    expect(codeOf(plans[0])).toEqual(['unsigned_from_keyed_unit']);
    expect(plans[0].seal).toMatchObject({ state: 'unsigned', acceptable: true, accepted: false });
    // The office accepts that very file: it is not applied over the signed months.
    const accepted = await h.b.invoke('import.accept', { batchId, indexes: [0] });
    expect(accepted.files[0]).toMatchObject({ status: 'superseded', seal: { state: 'accepted', accepted: true } });
    await h.applyAll(batchId);
    expect(await storedFeb()).not.toBe(999);
    expect(h.figures()).toBe(before);
    // And the unit's genuine second revision is not "older than 99".
    const fixed = await h.importFiles([['第2版.xlsx', await genuine(2, 2)]]);
    expect(fixed.applied[0].status).toBe('updated');
  });

  it('unit code changed to another registered unit: refused whether the signature is kept or made again with the sender\'s key', async () => {
    await register('D01');
    await register('C01');
    const grid = readDataGrid(await genuine(1));
    setMeta(grid, 'unit_code', 'C01');
    for (const row of grid) if (row[0] === 'D01') row[0] = 'C01';
    const kept = structuredClone(grid);
    const fp = readDataGrid(await genuine(1));
    reseal(kept, suining, null);
    const at = fp.findIndex((row) => row[0] === 'fingerprint');
    kept.splice(at + 1, 0, fp[at + 1], fp[at + 2]);
    const resigned = structuredClone(grid);
    reseal(resigned, suining, unitSigner('D01'));
    const before = h.figures();
    const r = await h.importFiles([
      ['冒名_原签名.xlsx', writeDataGrid(await genuine(1), kept)],
      ['冒名_重新签名.xlsx', writeDataGrid(await genuine(1), resigned)],
    ]);
    expect(r.plans.map(codeOf)).toEqual([['bad_signature'], ['wrong_key']]);
    expect(r.plans[1].problems[0].message).toContain('市财政局（D01）');
    expect(r.plans[1].problems[0].message).toContain('船山区（C01）');
    expect(h.figures()).toBe(before);
  });

  it('a workbook signed by another data file\'s key: refused as a changed key, accepted only when the office says so', async () => {
    await register('D01');
    const other = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', 5), signer: unitSigner('D01', 'reinstalled') });
    const before = h.figures();
    const { batchId, plans } = await h.dryRun([['换了密钥.xlsx', other]]);
    expect(codeOf(plans[0])).toEqual(['key_changed']);
    expect(plans[0].problems[0].message).toContain(publicKeyCode(unitSigner('D01').publicKey));
    expect(plans[0].problems[0].message).toContain(publicKeyCode(unitSigner('D01', 'reinstalled').publicKey));
    expect(plans[0].seal).toMatchObject({ state: 'key_changed', acceptable: true });
    // "All new keys" does not take a changed one: only the file itself.
    await expect(h.b.invoke('import.accept', { batchId, allNewKeys: true })).rejects.toThrow(/没有需要接受/);
    expect(h.figures()).toBe(before);
    const accepted = await h.b.invoke('import.accept', { batchId, indexes: [0] });
    expect(accepted.files[0]).toMatchObject({ status: 'new', seal: { state: 'signed', accepted: true } });
    await h.applyAll(batchId);
    const keys = await h.b.invoke('keys.list', {});
    expect(keys.units.find((k) => k.unitCode === 'D01')?.publicKey).toBe(unitSigner('D01', 'reinstalled').publicKey);
    const log = await h.b.invoke('keys.log', { unitCode: 'D01' });
    expect(log.entries[0]).toMatchObject({ action: 'changed', fileName: '换了密钥.xlsx', previousKeyCode: publicKeyCode(unitSigner('D01').publicKey) });
  });

  it('a first-seen forged key is shown as new, never as verified; accepting registers it', async () => {
    const forged = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', 7), signer: unitSigner('D01', 'forger') });
    const { batchId, plans } = await h.dryRun([['首次.xlsx', forged]]);
    expect(plans[0]).toMatchObject({ status: 'new', seal: { state: 'new_key', keyCode: publicKeyCode(unitSigner('D01', 'forger').publicKey), registeredKeyCode: null, acceptable: true } });
    const applied = await h.applyAll(batchId);
    expect(applied[0].seal?.state).toBe('new_key');
    const db = h.b.ctx.store.db;
    expect(db.prepare("SELECT DISTINCT seal FROM submissions WHERE current = 1").all()).toEqual([{ seal: 'new_key' }]);
    expect((await h.b.invoke('import.log', {})).entries[0].seal).toBe('new_key');
    expect((await h.b.invoke('keys.list', {})).units).toEqual([]);
    // Accepting all new keys at once registers it with the file.
    const again = await h.dryRun([['首次.xlsx', await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', 8), revision: 2, signer: unitSigner('D01', 'forger') })]]);
    const accepted = await h.b.invoke('import.accept', { batchId: again.batchId, allNewKeys: true });
    expect(accepted.files[0].seal).toMatchObject({ state: 'signed', accepted: true });
    await h.applyAll(again.batchId);
    expect((await h.b.invoke('keys.list', {})).units.map((k) => k.unitCode)).toEqual(['D01']);
    expect((await h.b.invoke('keys.log', { unitCode: 'D01' })).entries[0]).toMatchObject({ action: 'accepted', reason: '首次导入时核对后接受' });
  });

  it('an unsigned hand-filled template from a unit without a key imports, marked 未签名; from a unit with a key it is refused', async () => {
    const blank = await workbookBytes({ template: suining, unit: D01, kind: 'blank' });
    const filled = setCell(blank, LEDGER_SHEET, `D${rowOfCode(blank, LEDGER_SHEET, FIRST)}`, 12);
    const r = await h.importFiles([['手工填报.xlsx', filled]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'visible', seal: { state: 'unsigned', acceptable: false } });
    expect((await h.b.invoke('import.log', {})).entries[0].seal).toBe('unsigned');
    const matrix = await h.b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017 });
    expect(JSON.stringify(matrix)).toContain('"seal":"unsigned"');
    await register('D01');
    const again = await h.importFiles([['手工填报2.xlsx', setCell(blank, LEDGER_SHEET, `D${rowOfCode(blank, LEDGER_SHEET, FIRST)}`, 13)]]);
    expect(codeOf(again.plans[0])).toEqual(['unsigned_from_keyed_unit']);
  });

  it('a bundle signed by the registered key of the county is accepted for its units, sealed 经县区签名', async () => {
    await register('C01');
    const bundle = await workbookBytes({
      template: suining,
      unit: C01,
      units: [C01, C01D],
      values: [...valuesFor('C01'), ...valuesFor('C01-D1', 1)],
      kind: 'bundle',
    });
    const r = await h.importFiles([['县区汇总.xlsx', bundle]]);
    expect(r.applied[0]).toMatchObject({ status: 'new', seal: { state: 'county', signer: { code: 'C01' } } });
    const db = h.b.ctx.store.db;
    const seals = db.prepare('SELECT u.code, s.seal FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.current = 1 GROUP BY u.code ORDER BY u.code').all();
    expect(seals).toEqual([
      { code: 'C01', seal: 'signed' },
      { code: 'C01-D1', seal: 'county' },
    ]);
    // Signed by a unit that is not above every unit in it: refused.
    const d01 = findUnitByCode(db, 'D01')!;
    setUnitKey(db, { unitId: d01.id, publicKey: unitSigner('D01').publicKey, action: 'entered', reason: '测试', operator: '测试' });
    const stray = await workbookBytes({ template: suining, unit: D01, units: [D01, C01D], values: [...valuesFor('D01'), ...valuesFor('C01-D1', 2)], kind: 'bundle', revision: 5 });
    const s = await h.importFiles([['越级.xlsx', stray]]);
    expect(codeOf(s.plans[0])).toEqual(['not_ancestor']);
  });

  it.each([
    ['format3-D01-2017.xlsx', 3],
    ['format2-D01-2017.xlsx', 2],
  ])('the previous workbook formats (unsigned, from before this version) still import, marked 未签名: %s', async (name, version) => {
    const old = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
    expect(readDataGrid(old)[0]).toEqual(['LEDGER-DATA', version]);
    const r = await h.importFiles([['旧版软件导出.xlsx', old]]);
    expect(r.plans[0].problems).toEqual([]);
    expect(r.applied[0]).toMatchObject({ status: 'new', source: 'data', revision: 4, seal: { state: 'unsigned' } });
    const stored = await h.storedYear('D01');
    expect(stored.length).toBe(valuesFor('D01', 3).length);
  });

  it('a file in a format newer than this version is refused with the "newer version" message', async () => {
    const grid = readDataGrid(await genuine(1));
    grid[0][1] = WORKBOOK_FORMAT_VERSION + 1;
    setMeta(grid, 'format_version', WORKBOOK_FORMAT_VERSION + 1);
    const r = await h.importFiles([['新格式.xlsx', writeDataGrid(await genuine(1), grid)]]);
    expect(codeOf(r.plans[0])).toEqual(['newer_format']);
  });

  it('meta rows added after the signature format (month states) are covered: one changed is refused', async () => {
    const states = [{ unitCode: 'D01', month: 1, state: 'completed' as const, completedAt: '2017-02-03T02:00:00.000Z', explanations: [] }];
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), monthStates: states });
    const grid = readDataGrid(bytes);
    const row = grid.find((r) => r[0] === 'month_state')!;
    row[2] = 2;
    const r = await h.importFiles([['改月份状态.xlsx', writeDataGrid(bytes, grid)]]);
    expect(codeOf(r.plans[0])).toEqual(['bad_signature']);
  });

  it('a stripped signature alone (fingerprint recomputed) from a unit without a key imports as unsigned, never as signed', async () => {
    const grid = readDataGrid(await genuine(1));
    dropMeta(grid, 'signature');
    dropMeta(grid, 'public_key');
    reseal(grid, suining, null);
    const r = await h.importFiles([['无签名.xlsx', writeDataGrid(await genuine(1), grid)]]);
    expect(r.applied[0]).toMatchObject({ status: 'new', seal: { state: 'unsigned' } });
  });
});
