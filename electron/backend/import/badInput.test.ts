import { zipSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { monthPeriod, yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, LEDGER_SHEET, type WorkbookUnit } from '../../../shared/workbook/format';
import { visibleFigures } from '../workbook/figures';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { C01D, codeOf, D01, type ImportOptions, MONTHS, national, suining, useImportBackend, valuesFor } from '../testing/importHarness';
import { editParts, rowOfCode, setCell, sheetPath } from '../testing/xlsxEdit';

const h = useImportBackend();

describe('import: bad input, each refused with a message, the rest of the batch unaffected', () => {
  async function expectRefused(name: string, bytes: Uint8Array, code: string, message: RegExp, opts: ImportOptions = {}) {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = h.figures();
    const { batchId, plans } = await h.dryRun([[name, bytes], ['good.xlsx', good]], opts);
    expect(plans[0].status).toBe('rejected');
    expect(codeOf(plans[0])).toContain(code);
    expect(plans[0].problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(plans[1].status).toBe('new');
    expect(h.figures()).toBe(before);
    const applied = await h.applyAll(batchId);
    expect(applied.map((p) => p.status)).toEqual(['rejected', 'new']);
    // Only the good file's unit got values.
    const units = h.b.ctx.store.db.prepare('SELECT DISTINCT u.code FROM month_values v JOIN units u ON u.id = v.unit_id').all();
    expect(units).toEqual([{ code: 'D01' }]);
    const log = await h.b.invoke('import.log', {});
    expect(log.entries.find((e) => e.fileName === name)).toMatchObject({ outcome: 'rejected' });
    return plans[0];
  }

  it('not an xlsx', async () => {
    await expectRefused('报表.xlsx', new TextEncoder().encode('单位,数量\nD01,3\n'), 'not_xlsx', /不是 Excel 工作簿/);
  });

  it('a truncated or corrupt zip', async () => {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    await expectRefused('截断.xlsx', good.slice(0, Math.floor(good.length / 2)), 'corrupt_zip', /已损坏或不完整/);
  });

  it('a zip bomb', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expectRefused('炸弹.xlsx', bomb, 'too_large', /压缩炸弹/);
    // Inflating up to the cap is seconds of CPU; a loaded CI machine needs more than the default.
  }, 120_000);

  it('a workbook of another template', async () => {
    const other = await workbookBytes({ template: { ...suining, id: 'other-2030' }, unit: D01 });
    await expectRefused('其他.xlsx', other, 'unknown_template', /other-2030/);
  });

  it('a workbook of a newer format version', async () => {
    const good = await workbookBytes({ template: suining, unit: C01D, values: valuesFor('C01-D1') });
    const p = sheetPath(good, DATA_SHEET);
    const newer = editParts(good, (parts) => {
      parts[p] = strToU8(strFromU8(parts[p]).replace(/(<c r="B1"[^>]*><v>)\d+(<\/v>)/, '$199$2'));
    });
    await expectRefused('新版本.xlsx', newer, 'newer_format', /较新版本/);
  });

  it('a period outside the chosen range', async () => {
    const lastYear = await workbookBytes({ template: suining, unit: C01D, values: fillEveryCell(suining, 'C01-D1', [3]), period: monthPeriod(2016, 3) });
    await expectRefused('去年三月.xlsx', lastYear, 'period_out_of_range', /2016年3月 不在本次导入的期间 2017年/, { period: { year: 2017, fromMonth: 1, toMonth: 12 } });
  });

  it('the same unit and period twice in one batch with different content', async () => {
    const a = await workbookBytes({ template: suining, unit: C01D, values: valuesFor('C01-D1'), revision: 2 });
    const c = await workbookBytes({ template: suining, unit: C01D, values: valuesFor('C01-D1', 5), revision: 2 });
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = h.figures();
    const r = await h.importFiles([['a.xlsx', a], ['c.xlsx', c], ['good.xlsx', good]]);
    expect(r.plans.map((p) => p.status)).toEqual(['rejected', 'rejected', 'new']);
    expect(codeOf(r.plans[0])).toEqual(['batch_conflict']);
    expect(r.plans[1].problems[0].message).toContain('a.xlsx');
    void before;
    expect((await h.storedYear('C01-D1')).length).toBe(0);
  });

  describe('hand-filled blank templates (visible sheets)', () => {
    const firstCode = () => (suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '');
    async function blankWith(edit: (bytes: Uint8Array, row: number) => Uint8Array) {
      const blank = await workbookBytes({ template: suining, unit: C01D, kind: 'blank', period: monthPeriod(2017, 3) });
      const row = rowOfCode(blank, LEDGER_SHEET, firstCode());
      return edit(setCell(blank, LEDGER_SHEET, `D${row + 1}`, 4), row);
    }

    it('a filled blank is read from the visible sheet', async () => {
      const bytes = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `D${row}`, 12));
      const r = await h.importFiles([['手填.xlsx', bytes]]);
      expect(r.plans[0]).toMatchObject({ status: 'new', source: 'visible', kind: 'blank', changedValues: 2, revision: 0 });
      const stored = await h.storedYear('C01-D1');
      expect(stored.find((v) => v.indicator === firstCode())).toMatchObject({ month: 3, value: 12 });
    });

    it('negative, fractional and text values, with sheet and cell', async () => {
      for (const [v, msg] of [
        [-3, /负数/],
        [2.5, /小数/],
        ['十二', /应为数字，实际是文字“十二”/],
      ] as const) {
        const bytes = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `D${row}`, v));
        const plan = await expectRefused('手填.xlsx', bytes, 'bad_value', msg);
        expect(plan.problems[0]).toMatchObject({ sheet: LEDGER_SHEET, cell: expect.stringMatching(/^D\d+$/) });
        expect(plan.problems[0].message).toContain(`${LEDGER_SHEET}!D`);
        h.b.ctx.store.db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
      }
    });

    it('formulas instead of numbers, even with a cached result', async () => {
      const bytes = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `D${row}`, { formula: `D${row + 1}*3`, cached: 12 }));
      await expectRefused('公式.xlsx', bytes, 'formula', /是公式/);
    });

    it('duplicated indicator rows and unknown codes', async () => {
      const dup = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `A${row + 1}`, firstCode()));
      await expectRefused('重复.xlsx', dup, 'duplicate_indicator', /重复出现/);
      h.b.ctx.store.db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
      const unknown = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `A${row}`, 'zz_no_such'));
      await expectRefused('未知.xlsx', unknown, 'unknown_indicator', /不属于该模板/);
    });

    it('labels that are not the template’s', async () => {
      const bytes = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `B${row}`, '别的指标'));
      await expectRefused('改名.xlsx', bytes, 'label_mismatch', /与模板“/);
    });
  });

  it('national tables: a re-saved workbook without the data sheet reads the table figures', async () => {
    const unit: WorkbookUnit = { ...D01 };
    const values = fillEveryCell(national, 'D01', MONTHS);
    const bytes = await workbookBytes({ template: national, unit, values, period: yearPeriod(2017) });
    const noData = editParts(bytes, (parts) => {
      const p = sheetPath(bytes, DATA_SHEET);
      delete parts[p];
      parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(/<sheet [^>]*name="_ledger_data"[^>]*\/>/, ''));
    });
    const r = await h.importFiles([['国家表.xlsx', noData]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'visible' });
    // Year figures typed on table sheets are stored against the period's last month (openings: its first).
    const totals = await h.b.invoke('office.totals', { templateId: 'national-2021', period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'D01' });
    const expected = Object.fromEntries(visibleFigures(national, yearPeriod(2017), values).period);
    expect(totals.figures).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    // The original export of the same revision after its re-saved copy: the monthly breakdown replaces the year figures, totals unchanged.
    const original = await h.importFiles([['国家表-原件.xlsx', bytes]]);
    expect(original.plans[0].status).toBe('updated');
    const after = await h.b.invoke('office.totals', { templateId: 'national-2021', period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'D01' });
    expect(after.figures).toEqual(expected);
    expect((await h.storedYear('D01', 'national-2021')).length).toBe(values.length);
    // …and the re-saved copy after the original changes nothing.
    const db = h.b.ctx.store.db;
    db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
    await h.importFiles([['国家表-原件.xlsx', bytes]]);
    const before = h.figures();
    const again = await h.importFiles([['国家表.xlsx', noData]]);
    expect(again.plans[0].status).toBe('unchanged');
    expect(h.figures()).toBe(before);
  });
  it('a part whose bytes no longer match its CRC (a flipped digit in a stored entry)', async () => {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    // Stored, not deflated: the flipped byte inflates fine and only the CRC can tell.
    const stored = zipSync(unzipSync(good), { level: 0 });
    const buf = Buffer.from(stored);
    const at = buf.indexOf('<v>1');
    expect(at).toBeGreaterThan(0);
    buf[at + 3] = 0x37;
    await expectRefused('翻转.xlsx', new Uint8Array(buf), 'corrupt_zip', /校验值不符/);
  });

  it('damaged compressed data, in Chinese (not zlib\'s words)', async () => {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const buf = Buffer.from(good);
    const sheet = buf.indexOf(sheetPath(good, DATA_SHEET));
    // Garble the middle of the first sheet's compressed data.
    for (let i = sheet + 200; i < sheet + 260; i++) buf[i] = (buf[i] * 31 + 7) & 0xff;
    const plan = await expectRefused('坏压缩.xlsx', new Uint8Array(buf), 'corrupt_zip', /已损坏/);
    expect(plan.problems[0].message).not.toMatch(/invalid|distance|header|check/i);
  });

  it('an encrypted workbook is called encrypted', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1200);
    await expectRefused('加密.xlsx', new Uint8Array(ole), 'encrypted', /已加密/);
  });

  it('an empty file is called empty', async () => {
    await expectRefused('空.xlsx', new Uint8Array(0), 'not_xlsx', /是空文件/);
  });

  it('a character reference to no character is read as U+FFFD, not an internal error', async () => {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const bad = editParts(good, (parts) => {
      parts['xl/sharedStrings.xml'] = strToU8(strFromU8(parts['xl/sharedStrings.xml']).replace('<t>', '<t>&#99999999999;'));
    });
    // The string is a label no check depends on: the file reads as it did.
    const { plans } = await h.dryRun([['码点.xlsx', bad]]);
    expect(plans[0].problems).toEqual([]);
    expect(plans[0].status).toBe('new');
  });
});
