import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LEDGER_SHEET } from '../../../shared/workbook/format';
import { workbookBytes } from '../testing/importFixtures';
import { codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { editParts, rowOfCode, setCell, withZipComment, zipComment } from '../testing/xlsxEdit';

const h = useImportBackend();

describe('import: tampering', () => {
  async function tampered() {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const code = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
    const row = rowOfCode(bytes, LEDGER_SHEET, code);
    return { bytes: setCell(bytes, LEDGER_SHEET, `E${row}`, 999), code, addr: `E${row}` };
  }

  it('lists the differing cells and refuses the file by default', async () => {
    const t = await tampered();
    const before = h.figures();
    const r = await h.importFiles([['改过.xlsx', t.bytes]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(codeOf(r.plans[0])).toEqual(['tampered']);
    expect(r.plans[0].differences).toEqual([expect.objectContaining({ sheet: LEDGER_SHEET, cell: t.addr, ref: t.code, month: 2, visible: 999 })]);
    expect(r.plans[0].problems[0].message).toContain(`${LEDGER_SHEET}!${t.addr}`);
    expect(h.figures()).toBe(before);
  });

  it('still compares the visible cells when an edit kept the exporter\'s zip comment (a zip tool updating one part)', async () => {
    const t = await tampered();
    const original = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    expect(zipComment(original)).toMatch(/^LEDGER-PART-CRC32 /);
    const kept = withZipComment(t.bytes, zipComment(original));
    const r = await h.importFiles([['改过但保留注释.xlsx', kept]]);
    expect(codeOf(r.plans[0])).toEqual(['tampered']);
    expect(r.plans[0].differences).toEqual([expect.objectContaining({ cell: t.addr, visible: 999 })]);
  });

  it('takes the visible values when asked', async () => {
    const t = await tampered();
    const r = await h.importFiles([['改过.xlsx', t.bytes]], { takeVisible: true });
    expect(r.applied[0].status).toBe('new');
    const stored = await h.storedYear('D01');
    expect(stored.find((v) => v.indicator === t.code && v.month === 2)!.value).toBe(999);
  });

  const editFirstPacked = (bytes: Uint8Array) =>
    editParts(bytes, (parts) => {
      const xml = strFromU8(parts['xl/sharedStrings.xml']);
      // The first packed month of the data sheet ("ref=value;…") gets another first value.
      const changed = xml.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)(\d+)/, (_, a, v) => `${a}${Number(v) + 5}`);
      expect(changed).not.toBe(xml);
      parts['xl/sharedStrings.xml'] = strToU8(changed);
    });

  it('refuses an edited hidden data sheet: the signature no longer verifies', async () => {
    const edited = editFirstPacked(await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }));
    const before = h.figures();
    const r = await h.importFiles([['改隐藏页.xlsx', edited]]);
    expect(codeOf(r.plans[0])).toEqual(['bad_signature']);
    expect(r.plans[0].problems[0].message).toContain('签名无效');
    expect(h.figures()).toBe(before);
  });

  it('refuses an edited hidden data sheet of an unsigned workbook (fingerprint mismatch)', async () => {
    const edited = editFirstPacked(await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), signer: null }));
    const before = h.figures();
    const r = await h.importFiles([['改隐藏页.xlsx', edited]]);
    expect(codeOf(r.plans[0])).toEqual(['fingerprint_mismatch']);
    expect(r.plans[0].problems[0].message).toContain('隐藏数据页被改动');
    expect(h.figures()).toBe(before);
  });
});
