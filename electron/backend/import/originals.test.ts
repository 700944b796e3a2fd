import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { operatorName } from '../context';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { snapshot, tempBackend, tempDir, type TempBackend } from '../testing/tempBackend';
import { IMPORTS_DIR, keepAll, keepOriginals, originalPath, type KeepFs } from './originals';
import { ImportBatch } from './session';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
});
afterEach(() => b.dispose());

async function batchOf(count: number): Promise<ImportBatch> {
  const template = b.ctx.templates.get('suining-2017')!;
  const batch = new ImportBatch({ templates: (id) => b.ctx.templates.get(id) });
  for (let i = 0; i < count; i++) {
    const unit = { code: `D${i}`, name: `部门${i}`, kind: '部门', parentCode: 'TEST-01' };
    await b.invoke('units.create', { code: unit.code, name: unit.name, kind: '部门', parentCode: 'TEST-01' });
    const bytes = await workbookBytes({ template, unit, values: fillEveryCell(template, unit.code, [i + 1], i), period: yearPeriod(2017) });
    batch.add(`${i}.xlsx`, bytes);
  }
  batch.plan(b.ctx.store.db);
  return batch;
}

const target = () => ({ db: b.ctx.store.db, dataDir: b.ctx.store.dataDir, operator: operatorName(b.ctx) });

describe('keeping the originals of an import', () => {
  for (const thread of ['worker', 'caller'] as const) {
    it(`keeps every file byte for byte by the time the call returns (${thread} thread)`, async () => {
      const batch = await batchOf(3);
      const plans = batch.applyNext(target(), 3, { originalsThread: thread });
      expect(plans.map((p) => p.status)).toEqual(['new', 'new', 'new']);
      for (const f of batch.files) expect(fs.readFileSync(originalPath(b.ctx.store.dataDir, f.sha256).abs).equals(Buffer.from(f.bytes!))).toBe(true);
      expect(fs.readdirSync(path.join(b.ctx.store.dataDir, IMPORTS_DIR)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // Owner-only, like the data file.
      expect(fs.statSync(path.join(b.ctx.store.dataDir, IMPORTS_DIR)).mode & 0o777).toBe(0o700);
      for (const f of batch.files) expect(fs.statSync(originalPath(b.ctx.store.dataDir, f.sha256).abs).mode & 0o777).toBe(0o600);
    });

    it(`rolls the whole call back when an original cannot be kept (${thread} thread)`, async () => {
      const batch = await batchOf(2);
      // A file where the folder should be: nothing can be kept.
      fs.writeFileSync(path.join(b.ctx.store.dataDir, IMPORTS_DIR), 'not a folder');
      const before = snapshot(b);
      expect(() => batch.applyNext(target(), 2, { originalsThread: thread })).toThrow(/^无法保存导入的原文件，本次导入已撤销：.*imports 已存在，但不是所需的文件夹：请移走或改名它$/);
      expect(snapshot(b)).toBe(before);
      expect(batch.pending()).toHaveLength(2);
      // Once the folder can be made, the same batch applies.
      fs.rmSync(path.join(b.ctx.store.dataDir, IMPORTS_DIR));
      expect(batch.applyNext(target(), 2, { originalsThread: thread }).map((p) => p.status)).toEqual(['new', 'new']);
    });
  }

  it('rewrites a copy that an interrupted write left short, and leaves a whole one alone', () => {
    const dir = tempDir();
    const file = path.join(dir, IMPORTS_DIR, 'a.xlsx');
    const bytes = new Uint8Array([1, 2, 3, 4]);
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, new Uint8Array([1, 2]));
    keepOriginals([{ file, bytes }]).wait();
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3, 4]);
    const mtime = fs.statSync(file).mtimeMs;
    keepOriginals([{ file, bytes }]).wait();
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** node:fs, recording the steps that make a copy durable; `failAt` makes that step fail as a full disk would. */
  function recordingFs(failAt?: 'fsync'): { io: KeepFs; steps: string[] } {
    const steps: string[] = [];
    const names = new Map<number, string>();
    const io: KeepFs = {
      ...fs,
      openSync: ((file: string, flags: string, mode?: number) => {
        const fd = fs.openSync(file, flags, mode);
        names.set(fd, path.basename(file));
        return fd;
      }) as KeepFs['openSync'],
      fsyncSync: (fd: number) => {
        if (failAt === 'fsync') throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        steps.push(`fsync ${names.get(fd)}`);
        fs.fsyncSync(fd);
      },
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        steps.push(`rename ${path.basename(String(to))}`);
        fs.renameSync(from, to);
      },
    };
    return { io, steps };
  }

  it('flushes each copy before it takes its name, and the folder after the names (as the atomic writer does)', () => {
    const dir = tempDir();
    const jobs = ['a', 'b'].map((n, i) => ({ file: path.join(dir, IMPORTS_DIR, `${n}.xlsx`), bytes: new Uint8Array([i, 1, 2]) }));
    const { io, steps } = recordingFs();
    keepAll(io, jobs, 7, 'linux');
    expect(steps).toEqual(['fsync a.xlsx.7.tmp', 'fsync b.xlsx.7.tmp', 'rename a.xlsx', 'rename b.xlsx', `fsync ${IMPORTS_DIR}`, `fsync ${path.basename(dir)}`]);
    for (const j of jobs) expect(fs.readFileSync(j.file).equals(Buffer.from(j.bytes))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves neither a copy nor a temporary file when a copy cannot be flushed', () => {
    const dir = tempDir();
    const file = path.join(dir, IMPORTS_DIR, 'a.xlsx');
    expect(() => keepAll(recordingFs('fsync').io, [{ file, bytes: new Uint8Array([1]) }], 7, 'linux')).toThrow(/no space/);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands the worker call after call through one shared buffer without mixing their bytes (large calls, small ones, one beyond the buffer)', () => {
    const dir = tempDir();
    const call = (tag: string, sizes: number[]) =>
      sizes.map((size, i) => {
        const bytes = new Uint8Array(size);
        for (let k = 0; k < size; k++) bytes[k] = (k * 31 + i * 7 + tag.charCodeAt(0)) & 0xff;
        return { file: path.join(dir, IMPORTS_DIR, `${tag}${i}.xlsx`), bytes };
      });
    const calls = [call('a', [300_000, 200_000, 5]), call('b', [7, 11]), call('c', [17 * 1024 * 1024]), call('d', [123_456])];
    for (const jobs of calls) keepOriginals(jobs, { thread: 'worker' }).wait();
    for (const jobs of calls) for (const j of jobs) expect(fs.readFileSync(j.file).equals(Buffer.from(j.bytes))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

