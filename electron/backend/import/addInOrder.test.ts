/**
 * The page keeps two import.add calls in flight (the backend always has a
 * chunk to plan): `at` puts each call's files in the place they were sent
 * for, whatever order the calls arrive in.
 */
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../testing/importFixtures';
import { C01, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';

const h = useImportBackend();
const d01 = () => workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
const c01 = () => workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') });

describe('import.add in the order sent', () => {
  it('a call that arrives before the one ahead of it waits for it, and the files keep the order they were sent in', async () => {
    const { batchId } = await h.b.invoke('import.begin', {});
    const [a, c] = [await d01(), await c01()];
    const second = h.b.invoke('import.add', { batchId, at: 1, files: [{ name: 'c01.xlsx', bytes: c }] });
    const first = h.b.invoke('import.add', { batchId, at: 0, files: [{ name: 'd01.xlsx', bytes: a }] });
    const answers = await Promise.all([first, second]);
    expect(answers.map((r) => r.added.map((f) => [f.index, f.name]))).toEqual([[[0, 'd01.xlsx']], [[1, 'c01.xlsx']]]);
    expect((await h.b.invoke('import.plan', { batchId })).files.map((p) => [p.index, p.name, p.status])).toEqual([
      [0, 'd01.xlsx', 'new'],
      [1, 'c01.xlsx', 'new'],
    ]);
  });

  it('refuses a place already taken, and a call still waiting when the batch is discarded, in Chinese', async () => {
    const { batchId } = await h.b.invoke('import.begin', {});
    await h.b.invoke('import.add', { batchId, at: 0, files: [{ name: 'd01.xlsx', bytes: await d01() }] });
    await expect(h.b.invoke('import.add', { batchId, at: 0, files: [{ name: 'c01.xlsx', bytes: await c01() }] })).rejects.toMatchObject({
      code: 'conflict',
      message: '这些文件的位置已被占用，请重新选择文件',
    });
    const waiting = h.b.invoke('import.add', { batchId, at: 5, files: [{ name: 'c01.xlsx', bytes: await c01() }] });
    await h.b.invoke('import.discard', { batchId });
    await expect(waiting).rejects.toMatchObject({ code: 'conflict', message: '导入批次已放弃' });
    expect((await h.b.invoke('import.log', {})).entries).toEqual([]);
  });
});
