import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DATA_SHEET } from '../../../shared/workbook/format';
import { writeFileAtomic, type WriteFs } from '../files/writeFileAtomic';
import { tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

const dir = tempDir('ledger-cli-export-');
const db = path.join(dir, 'ledger.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function metaOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const m: Record<string, unknown> = {};
  wb.getWorksheet(DATA_SHEET)!.eachRow((row, r) => r > 1 && r <= 12 && (m[String(row.getCell(1).value)] = row.getCell(2).value));
  return m;
}

const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'));

// Drawing the breakdown picture shapes CJK text: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('ledger export', () => {
  it('exports a year, a month, a blank template; revision grows', async () => {
    expect((await cli('init', '--db', db, '--code', 'D01', '--name', '市财政局')).code).toBe(0);
    expect((await cli('set', '--db', db, '--indicator', 'pub.total', '--period', '2017-03', '--value', '12')).code).toBe(0);
    const out = path.join(dir, 'year.xlsx');
    const first = await cli('export', '--db', db, '--unit', 'D01', '--period', '2017', '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toContain('第 1 次导出');
    expect(await metaOf(out)).toMatchObject({ kind: 'submission', period: '2017', unit_code: 'D01', revision: 1 });
    const again = await cli('export', '--db', db, '--period', '2017', '--out', out, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, revision: 2, suggestedName: '2017年市财政局政务公开统计_2021格式_全年.xlsx' });
    expect(await metaOf(out)).toMatchObject({ revision: 2 });

    const range = path.join(dir, 'h1.xlsx');
    expect((await cli('export', '--db', db, '--period', '2017-01..2017-06', '--template', 'suining-2017', '--out', range)).code).toBe(0);
    expect(await metaOf(range)).toMatchObject({ period: '2017-01..2017-06', revision: 1 });

    const blank = path.join(dir, 'blank.xlsx');
    expect((await cli('export', '--db', db, '--period', '2021', '--template', 'national-2021', '--blank', '--out', blank)).code).toBe(0);
    expect(await metaOf(blank)).toMatchObject({ kind: 'blank', template_id: 'national-2021', revision: 0 });

    const empty = await cli('export', '--db', db, '--period', '2016-05', '--out', path.join(dir, 'empty.xlsx'));
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('没有任何数据');
    expect(leftovers(dir)).toEqual([]);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('export', '--db', db, '--period', '2017-13', '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await cli('export', '--db', db, '--period', '2017', '--out', path.join(dir, 'x.csv'))).code).toBe(2);
    expect((await cli('export', '--db', db, '--period', '2017', '--out', path.join(dir, 'x.xlsx'), '--blank', '--bundle')).code).toBe(2);
    expect((await cli('export', '--db', db, '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
  });

  it('refuses an unknown unit and a folder that is gone, writing nothing and logging no revision', async () => {
    const unknown = await cli('export', '--db', db, '--unit', 'NOPE', '--period', '2017', '--out', path.join(dir, 'u.xlsx'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('NOPE');
    const gone = path.join(dir, 'no-such-folder', 'a.xlsx');
    const r = await cli('export', '--db', db, '--period', '2017', '--out', gone);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不存在');
    expect(fs.existsSync(path.dirname(gone))).toBe(false);
    // The failed export took no revision: the next one is 3 after the two above.
    const next = await cli('export', '--db', db, '--period', '2017', '--out', path.join(dir, 'year.xlsx'), '--json');
    expect(JSON.parse(next.out).revision).toBe(3);
  });

  it('a file that cannot be replaced (locked, or a folder in its place) is left alone, with no temporary file', async () => {
    const target = path.join(dir, 'locked.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    const r = await cli('export', '--db', db, '--period', '2017', '--out', target);
    expect(r.code).toBe(1);
    expect(r.err).toContain('占用');
    expect(fs.readdirSync(target)).toEqual(['inside']);
    expect(leftovers(dir)).toEqual([]);
  });
});

/** node:fs as the writer uses it, each call recorded (to see the flushes). */
const calls: string[] = [];
const realFs: WriteFs = {
  openSync: (f, flags, mode) => (calls.push(`open ${path.basename(f)}`), fs.openSync(f, flags, mode)),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  fsyncSync: (fd) => (calls.push('fsync'), fs.fsyncSync(fd)),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => (calls.push(`rename ${path.basename(b)}`), fs.renameSync(a, b)),
  rmSync: (f, o) => fs.rmSync(f, o),
};

describe('writeFileAtomic', () => {
  it('flushes the file before the rename and the folder after it', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'sync-'));
    const target = path.join(sub, 'ok.xlsx');
    calls.length = 0;
    writeFileAtomic(target, Buffer.from('new bytes'), realFs);
    expect(fs.readFileSync(target, 'utf8')).toBe('new bytes');
    expect(calls.map((c) => c.replace(/^open \..*\.tmp$/, 'open temp'))).toEqual(['open temp', 'fsync', 'rename ok.xlsx', `open ${path.basename(sub)}`, 'fsync']);
    expect(fs.readdirSync(sub)).toEqual(['ok.xlsx']);
  });

  it('EBUSY on replace (Excel holds the file on Windows): old file intact, temp removed, message says so', () => {
    const target = path.join(dir, 'busy.xlsx');
    fs.writeFileSync(target, 'old');
    const io: WriteFs = {
      ...realFs,
      renameSync: () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      },
    };
    expect(() => writeFileAtomic(target, Buffer.from('new'), io)).toThrow(/正被其他程序占用.*Excel/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a write that dies half-way leaves neither a partial target nor a temp file', () => {
    const target = path.join(dir, 'half.xlsx');
    const io: WriteFs = {
      ...realFs,
      writeSync: (fd) => {
        fs.writeSync(fd, 'partial');
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomic(target, Buffer.from('x'), io)).toThrow(/空间不足/);
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});
