/**
 * The page shows each chunk's dry run as import.add answers it, and asks
 * import.plan only for what changed since (omitSent): whatever it is told
 * last must be the whole batch's dry run, as import.plan without omitSent says.
 */
import { describe, expect, it } from 'vitest';
import type { FilePlan } from '../../../shared/api/methods/import';
import { workbookBytes } from '../testing/importFixtures';
import { C01, codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';

const h = useImportBackend();
const d01 = (salt = 0) => workbookBytes({ template: suining, unit: D01, values: valuesFor('D01', salt) });
const c01 = () => workbookBytes({ template: suining, unit: C01, values: valuesFor('C01') });

/** What the page ends up showing: the plans import.add answered, replaced by those import.plan({omitSent}) lists. */
async function shownAfter(batchId: string, fromAdd: FilePlan[]) {
  const changed = await h.b.invoke('import.plan', { batchId, omitSent: true });
  const shown = new Map(fromAdd.map((p) => [p.index, p]));
  for (const p of changed.files) shown.set(p.index, p);
  return { changed: changed.files, shown: [...shown.values()].sort((a, b) => a.index - b.index) };
}

describe('the dry run as import.add answers it', () => {
  it('answers each file planned on arrival; import.plan({omitSent}) then has nothing new, and the full dry run is the same', async () => {
    const { batchId } = await h.b.invoke('import.begin', {});
    const first = await h.b.invoke('import.add', { batchId, files: [{ name: 'd01.xlsx', bytes: await d01() }] });
    const second = await h.b.invoke('import.add', { batchId, files: [{ name: 'c01.xlsx', bytes: await c01() }] });
    expect([...first.plans, ...second.plans].map((p) => [p.index, p.name, p.status])).toEqual([
      [0, 'd01.xlsx', 'new'],
      [1, 'c01.xlsx', 'new'],
    ]);
    const { changed, shown } = await shownAfter(batchId, [...first.plans, ...second.plans]);
    expect(changed).toEqual([]);
    expect(shown).toEqual((await h.b.invoke('import.plan', { batchId })).files);
  });

  it('lists again a file a later one made wrong (the same month, revision and other figures: both refused)', async () => {
    const { batchId } = await h.b.invoke('import.begin', {});
    const first = await h.b.invoke('import.add', { batchId, files: [{ name: 'a.xlsx', bytes: await d01() }] });
    expect(first.plans.map((p) => p.status)).toEqual(['new']);
    const second = await h.b.invoke('import.add', { batchId, files: [{ name: 'b.xlsx', bytes: await d01(7) }] });
    expect(second.plans).toEqual([]);
    const { changed, shown } = await shownAfter(batchId, [...first.plans, ...second.plans]);
    expect(changed.map((p) => p.index)).toEqual([0, 1]);
    expect(shown.map((p) => [p.status, codeOf(p)])).toEqual([
      ['rejected', ['batch_conflict']],
      ['rejected', ['batch_conflict']],
    ]);
  });

  it('lists again a file whose plan changed with the store after it was answered (another import meanwhile)', async () => {
    const { batchId } = await h.b.invoke('import.begin', {});
    const added = await h.b.invoke('import.add', { batchId, files: [{ name: 'd01.xlsx', bytes: await d01() }] });
    expect(added.plans.map((p) => p.status)).toEqual(['new']);
    await h.importFiles([['other.xlsx', await d01()]]);
    const { changed, shown } = await shownAfter(batchId, added.plans);
    expect(changed.map((p) => [p.index, p.status])).toEqual([[0, 'unchanged']]);
    expect(shown).toEqual((await h.b.invoke('import.plan', { batchId })).files);
  });
});
