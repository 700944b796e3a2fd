import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilePlan } from '../../../shared/api/methods/import';
import { cellRef } from '../../../shared/template/cells';
import { monthPeriod, yearPeriod } from '../../../shared/values/period';
import { DATA_SHEET, LEDGER_SHEET, VALUE_COLUMNS_V1, type WorkbookUnit, type WorkbookValue } from '../../../shared/workbook/format';
import ExcelJS from 'exceljs';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { visibleFigures } from '../export/figures';
import { workbookFingerprintV1 } from '../export/fingerprint';
import { editParts, rowOfCode, setCell, sheetPath, withZipComment, zipComment } from '../testing/xlsxEdit';
import { strFromU8, strToU8 } from 'fflate';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const suining = templates.get('suining-2017')!;
const national = templates.get('national-2021')!;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const D01: WorkbookUnit = { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' };
const C01: WorkbookUnit = { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' };
const C01D: WorkbookUnit = { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' };

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
  await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' });
});
afterEach(() => b.dispose());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function dryRun(files: [string, Uint8Array][], opts: { takeVisible?: boolean; period?: { year: number; fromMonth: number; toMonth: number } } = {}) {
  const { batchId } = await b.invoke('import.begin', opts);
  await b.invoke('import.add', { batchId, files: files.map(([name, bytes]) => ({ name, base64: b64(bytes) })) });
  const plan = await b.invoke('import.plan', { batchId });
  return { batchId, plans: plan.files };
}

async function applyAll(batchId: string): Promise<FilePlan[]> {
  const out: FilePlan[] = [];
  for (;;) {
    const r = await b.invoke('import.apply', { batchId, count: 2 });
    out.push(...r.applied);
    if (r.remaining === 0) return out;
  }
}

async function importFiles(files: [string, Uint8Array][], opts: Parameters<typeof dryRun>[1] = {}) {
  const { batchId, plans } = await dryRun(files, opts);
  return { plans, applied: await applyAll(batchId) };
}

/** Values, history and submissions: what an import must leave alone when it refuses a file. */
function figures() {
  const db = b.ctx.store.db;
  return JSON.stringify(['month_values', 'value_changes', 'submissions'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

const storedYear = (unitCode: string, templateId = 'suining-2017') =>
  b.invoke('values.getYear', { templateId, year: 2017, unitCode }).then((r) => r.values);

const codeOf = (plan: FilePlan) => plan.problems.map((p) => p.code);

function valuesFor(unit: string, salt = 0): WorkbookValue[] {
  return fillEveryCell(suining, unit, MONTHS, salt);
}

describe('import: clean files, revisions, the same file twice', () => {
  it('imports a department workbook: dry run writes nothing, apply stores values, submission, log and the original', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = figures();
    const { batchId, plans } = await dryRun([['财政局.xlsx', bytes]]);
    expect(figures()).toBe(before);
    expect(plans[0]).toMatchObject({ status: 'new', unitCode: 'D01', templateId: 'suining-2017', period: '2017', revision: 1, source: 'data' });
    expect(plans[0].changedValues).toBe(valuesFor('D01').length);

    const applied = await applyAll(batchId);
    expect(applied[0].status).toBe('new');
    const stored = await storedYear('D01');
    expect(stored.length).toBe(valuesFor('D01').length);
    // Every imported figure's history: one entry, set from empty by the import.
    for (const v of stored) {
      const h = await b.invoke('values.history', { unitCode: 'D01', templateId: 'suining-2017', year: 2017, month: v.month, indicator: v.indicator, col: v.col });
      expect(h.map((x) => [x.oldValue, x.newValue, x.source])).toEqual([[null, v.value, 'import']]);
    }
    const matrix = await b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-03-01' });
    expect(matrix.rows.find((r) => r.code === 'D01')!.cells.every((c) => c.status === 'received')).toBe(true);
    const log = await b.invoke('import.log', {});
    expect(log.entries[0]).toMatchObject({ fileName: '财政局.xlsx', outcome: 'applied', unitCode: 'D01', operator: expect.stringContaining('张三') });
    const kept = path.join(b.dir, log.entries[0].storedPath!);
    expect(fs.readFileSync(kept).equals(Buffer.from(bytes))).toBe(true);
    expect(b.ctx.store.backups().some((x) => x.reason === 'before-import')).toBe(true);

    // The same file again changes nothing.
    const again = figures();
    const second = await importFiles([['财政局.xlsx', bytes]]);
    expect(second.plans[0].status).toBe('unchanged');
    expect(second.applied[0].status).toBe('unchanged');
    expect(figures()).toBe(again);
  });

  it('a newer revision replaces (history keeps the old numbers); an older one is reported and ignored', async () => {
    const v1 = valuesFor('D01');
    const v2 = v1.map((v, i) => (i < 5 ? { ...v, value: v.value + 1 } : v));
    const rev1 = await workbookBytes({ template: suining, unit: D01, values: v1, revision: 1 });
    const rev2 = await workbookBytes({ template: suining, unit: D01, values: v2, revision: 2 });
    await importFiles([['r1.xlsx', rev1]]);
    const r2 = await importFiles([['r2.xlsx', rev2]]);
    expect(r2.plans[0]).toMatchObject({ status: 'updated', changedValues: 5 });
    const changed = v2[0];
    const stored = (await storedYear('D01')).find((v) => v.indicator === changed.indicator && v.col === changed.col && v.month === changed.month)!;
    expect(stored.value).toBe(changed.value);
    const hist = await b.invoke('values.history', { unitCode: 'D01', templateId: 'suining-2017', year: 2017, month: changed.month, indicator: changed.indicator, col: changed.col });
    expect(hist.map((h) => [h.oldValue, h.newValue])).toEqual([
      [v1[0].value, changed.value],
      [null, v1[0].value],
    ]);

    const before = figures();
    const old = await importFiles([['r1.xlsx', rev1]]);
    expect(old.plans[0].status).toBe('superseded');
    expect(old.applied[0].status).toBe('superseded');
    expect(figures()).toBe(before);
    const matrix = await b.invoke('office.matrix', { templateId: 'suining-2017', year: 2017, today: '2018-03-01' });
    expect(matrix.rows.find((r) => r.code === 'D01')!.cells[0]).toMatchObject({ status: 'corrected', revision: 2 });
  });

  it('within one batch the newer revision wins whatever the order', async () => {
    const v2 = valuesFor('D01', 3);
    const rev1 = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), revision: 1 });
    const rev2 = await workbookBytes({ template: suining, unit: D01, values: v2, revision: 2 });
    const r = await importFiles([['r2.xlsx', rev2], ['r1.xlsx', rev1]]);
    expect(r.plans.map((p) => p.status)).toEqual(['new', 'superseded']);
    const stored = await storedYear('D01');
    expect(stored.find((v) => v.indicator === v2[0].indicator && v.month === v2[0].month)!.value).toBe(v2[0].value);
  });
});

describe('import: tampering', () => {
  async function tampered() {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const code = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
    const row = rowOfCode(bytes, LEDGER_SHEET, code);
    return { bytes: setCell(bytes, LEDGER_SHEET, `E${row}`, 999), code, addr: `E${row}` };
  }

  it('lists the differing cells and refuses the file by default', async () => {
    const t = await tampered();
    const before = figures();
    const r = await importFiles([['改过.xlsx', t.bytes]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(codeOf(r.plans[0])).toEqual(['tampered']);
    expect(r.plans[0].differences).toEqual([expect.objectContaining({ sheet: LEDGER_SHEET, cell: t.addr, ref: t.code, month: 2, visible: 999 })]);
    expect(r.plans[0].problems[0].message).toContain(`${LEDGER_SHEET}!${t.addr}`);
    expect(figures()).toBe(before);
  });

  it('still compares the visible cells when an edit kept the exporter\'s zip comment (a zip tool updating one part)', async () => {
    const t = await tampered();
    const original = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    expect(zipComment(original)).toMatch(/^LEDGER-PART-CRC32 /);
    const kept = withZipComment(t.bytes, zipComment(original));
    const r = await importFiles([['改过但保留注释.xlsx', kept]]);
    expect(codeOf(r.plans[0])).toEqual(['tampered']);
    expect(r.plans[0].differences).toEqual([expect.objectContaining({ cell: t.addr, visible: 999 })]);
  });

  it('takes the visible values when asked', async () => {
    const t = await tampered();
    const r = await importFiles([['改过.xlsx', t.bytes]], { takeVisible: true });
    expect(r.applied[0].status).toBe('new');
    const stored = await storedYear('D01');
    expect(stored.find((v) => v.indicator === t.code && v.month === 2)!.value).toBe(999);
  });

  it('refuses an edited hidden data sheet (fingerprint mismatch)', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const edited = editParts(bytes, (parts) => {
      const xml = strFromU8(parts['xl/sharedStrings.xml']);
      // The first packed month of the data sheet ("ref=value;…") gets another first value.
      const changed = xml.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)(\d+)/, (_, a, v) => `${a}${Number(v) + 5}`);
      expect(changed).not.toBe(xml);
      parts['xl/sharedStrings.xml'] = strToU8(changed);
    });
    const before = figures();
    const r = await importFiles([['改隐藏页.xlsx', edited]]);
    expect(codeOf(r.plans[0])).toEqual(['fingerprint_mismatch']);
    expect(r.plans[0].problems[0].message).toContain('隐藏数据页被改动');
    expect(figures()).toBe(before);
  });
});

describe('import: bundles and levels', () => {
  it("stores each unit's values under that unit; a department's own file plus its county's bundle counts once", async () => {
    const own = valuesFor('C01-D1');
    const countyOwn = fillEveryCell(suining, 'C01', MONTHS, 7);
    const dept = await workbookBytes({ template: suining, unit: C01D, values: own });
    const bundle = await workbookBytes({ template: suining, unit: C01, units: [C01, C01D], values: [...countyOwn, ...own], kind: 'bundle' });
    const r = await importFiles([['教育局.xlsx', dept], ['船山区汇总.xlsx', bundle]]);
    // The county's bundle brings the department's figures again: only the county's own are new.
    expect(r.plans.map((p) => p.status)).toEqual(['new', 'updated']);
    expect(r.plans[1].units.map((u) => u.code)).toEqual(['C01', 'C01-D1']);
    expect(r.plans[1].changedValues).toBe(countyOwn.length);
    const totals = await b.invoke('office.totals', { templateId: 'suining-2017', year: 2017, unitCode: 'C01' });
    const ref = cellRef(own[0].indicator, own[0].col);
    const sum = (vs: WorkbookValue[]) => vs.filter((v) => cellRef(v.indicator, v.col) === ref).reduce((s, v) => s + v.value, 0);
    const def = [...suining.sections].flatMap((s) => (s.kind === 'list' ? s.groups.flatMap((g) => g.indicators) : [])).find((i) => i.code === ref)!;
    if (def.rollup === 'sum') expect(totals.figures[ref]).toBe(sum(own) + sum(countyOwn));
    expect((await storedYear('C01-D1')).length).toBe(own.length);
    expect((await storedYear('C01')).length).toBe(countyOwn.length);
  });

  it('refuses units unknown to the directory and offers to add them under the right parent', async () => {
    const NEW: WorkbookUnit = { code: 'C01-D9', name: '船山区卫健局', kind: '部门', parentCode: 'C01' };
    const bundle = await workbookBytes({ template: suining, unit: C01, units: [C01, NEW], values: valuesFor('C01-D9'), kind: 'bundle' });
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = figures();
    const { plans } = await dryRun([['船山区.xlsx', bundle], ['财政局.xlsx', good]]);
    expect(codeOf(plans[0])).toEqual(['unknown_unit']);
    expect(plans[0].problems[0].message).toContain('船山区卫健局（C01-D9）');
    expect(plans[0].unknownUnits).toEqual([NEW]);
    expect(plans[1].status).toBe('new');
    expect(figures()).toBe(before);

    const added = await b.invoke('import.addUnits', { units: plans[0].unknownUnits });
    expect(added.added).toEqual([{ code: 'C01-D9', name: '船山区卫健局', parentCode: 'C01' }]);
    const r = await importFiles([['船山区.xlsx', bundle]]);
    expect(r.applied[0].status).toBe('new');
  });
});

describe('import: bad input, each refused with a message, the rest of the batch unaffected', () => {
  async function expectRefused(name: string, bytes: Uint8Array, code: string, message: RegExp, opts: Parameters<typeof dryRun>[1] = {}) {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = figures();
    const { batchId, plans } = await dryRun([[name, bytes], ['good.xlsx', good]], opts);
    expect(plans[0].status).toBe('rejected');
    expect(codeOf(plans[0])).toContain(code);
    expect(plans[0].problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(plans[1].status).toBe('new');
    expect(figures()).toBe(before);
    const applied = await applyAll(batchId);
    expect(applied.map((p) => p.status)).toEqual(['rejected', 'new']);
    // Only the good file's unit got values.
    const units = b.ctx.store.db.prepare('SELECT DISTINCT u.code FROM month_values v JOIN units u ON u.id = v.unit_id').all();
    expect(units).toEqual([{ code: 'D01' }]);
    const log = await b.invoke('import.log', {});
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
  });

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
    const before = figures();
    const r = await importFiles([['a.xlsx', a], ['c.xlsx', c], ['good.xlsx', good]]);
    expect(r.plans.map((p) => p.status)).toEqual(['rejected', 'rejected', 'new']);
    expect(codeOf(r.plans[0])).toEqual(['batch_conflict']);
    expect(r.plans[1].problems[0].message).toContain('a.xlsx');
    void before;
    expect((await storedYear('C01-D1')).length).toBe(0);
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
      const r = await importFiles([['手填.xlsx', bytes]]);
      expect(r.plans[0]).toMatchObject({ status: 'new', source: 'visible', kind: 'blank', changedValues: 2, revision: 0 });
      const stored = await storedYear('C01-D1');
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
        b.ctx.store.db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
      }
    });

    it('formulas instead of numbers, even with a cached result', async () => {
      const bytes = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `D${row}`, { formula: `D${row + 1}*3`, cached: 12 }));
      await expectRefused('公式.xlsx', bytes, 'formula', /是公式/);
    });

    it('duplicated indicator rows and unknown codes', async () => {
      const dup = await blankWith((x, row) => setCell(x, LEDGER_SHEET, `A${row + 1}`, firstCode()));
      await expectRefused('重复.xlsx', dup, 'duplicate_indicator', /重复出现/);
      b.ctx.store.db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
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
    const r = await importFiles([['国家表.xlsx', noData]]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'visible' });
    // Year figures typed on table sheets are stored against the period's last month (openings: its first).
    const totals = await b.invoke('office.totals', { templateId: 'national-2021', year: 2017, unitCode: 'D01' });
    const expected = Object.fromEntries(visibleFigures(national, yearPeriod(2017), values).period);
    expect(totals.figures).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    // The original export of the same revision after its re-saved copy: the monthly breakdown replaces the year figures, totals unchanged.
    const original = await importFiles([['国家表-原件.xlsx', bytes]]);
    expect(original.plans[0].status).toBe('updated');
    const after = await b.invoke('office.totals', { templateId: 'national-2021', year: 2017, unitCode: 'D01' });
    expect(after.figures).toEqual(expected);
    expect((await storedYear('D01', 'national-2021')).length).toBe(values.length);
    // …and the re-saved copy after the original changes nothing.
    const db = b.ctx.store.db;
    db.exec('DELETE FROM submissions; DELETE FROM value_changes; DELETE FROM month_values');
    await importFiles([['国家表-原件.xlsx', bytes]]);
    const before = figures();
    const again = await importFiles([['国家表.xlsx', noData]]);
    expect(again.plans[0].status).toBe('unchanged');
    expect(figures()).toBe(before);
  });
});

describe('import: data sheet formats', () => {
  /** The same workbook with its [values] block rewritten as format 1 wrote it (one row per value). */
  async function asFormat1(bytes: Uint8Array, values: WorkbookValue[]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    ws.getCell('B1').value = 1;
    let valuesAt = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === 'format_version') row.getCell(2).value = 1;
      if (row.getCell(1).value === 'fingerprint') row.getCell(2).value = workbookFingerprintV1(suining, yearPeriod(2017), values);
      if (row.getCell(1).value === '[values]') valuesAt = r;
    });
    // Format 1 rows are longer (5 cells) and more (one per value) than the packed ones they overwrite.
    ws.getRow(valuesAt + 1).values = [...VALUE_COLUMNS_V1];
    values.forEach((v, i) => (ws.getRow(valuesAt + 2 + i).values = [v.unitCode, v.indicator, v.col === '' ? null : v.col, v.month, v.value]));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('still reads a format-1 workbook (one row per value) and stores the same values', async () => {
    const values = valuesFor('D01');
    const old = await asFormat1(await workbookBytes({ template: suining, unit: D01, values }), values);
    const r = await importFiles([['旧格式.xlsx', old]]);
    expect(r.plans[0].problems).toEqual([]);
    expect(r.plans[0]).toMatchObject({ status: 'new', source: 'data', changedValues: values.length });
    const stored = await storedYear('D01');
    const key = (v: { indicator: string; col: string; month: number; value: number }) => `${v.indicator} ${v.col} ${v.month} ${Math.round(v.value * 100)}`;
    expect(stored.map(key).sort()).toEqual(values.map(key).sort());
  });

  it('refuses a packed row it cannot read, naming the data sheet cell', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const broken = editParts(bytes, (parts) => {
      const xml = strFromU8(parts['xl/sharedStrings.xml']);
      const changed = xml.replace(/(<t[^>]*>[a-z][a-z0-9_.:]*=)(\d+)/, '$1十二');
      expect(changed).not.toBe(xml);
      parts['xl/sharedStrings.xml'] = strToU8(changed);
    });
    const before = figures();
    const r = await importFiles([['坏行.xlsx', broken]]);
    expect(r.plans[0].status).toBe('rejected');
    expect(r.plans[0].problems[0]).toMatchObject({ code: 'bad_meta', sheet: DATA_SHEET, cell: expect.stringMatching(/^C\d+$/) });
    expect(r.plans[0].problems[0].message).toMatch(/不是有效的数字/);
    expect(figures()).toBe(before);
  });
});

describe('import: rule checks (勾稽) in the preview and the outcome', () => {
  it('lists each unit\'s rule violations with their reason, without blocking, in the dry run and in what was applied', async () => {
    // 主动公开总数 one more than its eight categories: the error rule pub.categories_sum fails for the year.
    const values = [
      { indicator: 'pub.total', value: 9 },
      { indicator: 'pub.cat.work', value: 8 },
    ].map((v) => ({ unitCode: 'D01', col: '', month: 3, ...v }));
    const bytes = await workbookBytes({ template: suining, unit: D01, values });
    const { batchId, plans } = await dryRun([['不平.xlsx', bytes]]);
    expect(plans[0].status).toBe('new');
    const violation = { unitCode: 'D01', unitName: '市财政局', severity: 'error', message: expect.stringMatching(/主动公开政府信息总数 ≠ 八类信息之和：9 ≠ 8/) };
    expect(plans[0].violations).toContainEqual(violation);
    const applied = await applyAll(batchId);
    expect(applied[0].status).toBe('new');
    expect(applied[0].violations).toContainEqual(violation);
  });
});
