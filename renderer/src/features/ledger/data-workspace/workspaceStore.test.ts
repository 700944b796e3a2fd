import { describe, expect, it } from 'vitest';
import suiningJson from '../../../../../resources/templates/suining-2017.json';
import { findCell, splitRef } from '../../../../../shared/template/cells';
import { parseTemplate } from '../../../../../shared/template/validate';
import { buildLayout } from '../shared/grid/layout';
import { at } from '../shared/grid/selection';
import { topic, WorkspaceStore, type Edit, type EditSource, type SaveAnswer, type WorkspaceData } from './workspaceStore';

const suining = parseTemplate(suiningJson, 'suining-2017.json');
const CATS = ['overview', 'plans', 'normative', 'work', 'personnel', 'finance', 'enforcement', 'other'];
const monthCell = (ref: string, month: number) => ({ def: findCell(suining, ref)!, period: month });
const yearCell = (ref: string) => ({ def: findCell(suining, ref)!, period: 'year' as const });

interface Call {
  edits: Edit[];
  source: EditSource;
  answer(a?: SaveAnswer): void;
}

/** A store over a fake data file whose answers the test gives, one call at a time. */
function setUp(data: Partial<WorkspaceData> = {}, today = { year: 2018, month: 1 }) {
  const calls: Call[] = [];
  const notices: string[] = [];
  const store = new WorkspaceStore(
    suining,
    2017,
    { values: [], previous: [], months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, completed: false, completedAt: null, completedBy: null, warnings: [], reopens: [] })), comments: [], ...data },
    (edits, source) =>
      new Promise<SaveAnswer>((resolve) =>
        calls.push({
          edits,
          source,
          // By default the data file takes every cell as parsed.
          answer: (a) =>
            resolve(
              a ?? {
                ok: true,
                saved: edits.map((e) => ({ month: e.month, ...splitRef(e.ref), value: e.raw === '' || e.raw === null ? null : Number(e.raw), changed: true })),
                refused: [],
              },
            ),
        }),
      ),
    (text) => notices.push(text),
    at({ r: 0, c: 0 }),
    today,
  );
  const heard: string[] = [];
  const listen = (...names: string[]) => names.forEach((n) => store.subscribe(n, () => heard.push(n)));
  return { store, calls, notices, heard, listen };
}

/** Lets the queue hand the next job over (promise callbacks). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('workspace store', () => {
  it('shows a committed figure at once in its cell and its row’s 全年, then saved once the data file answers', async () => {
    const { store, calls, heard, listen } = setUp({ values: [{ indicator: 'pub.total', col: '', month: 1, value: 10 }] });
    listen('pub.total|3', 'pub.total|year', 'pub.total|4', 'pub.key|3', 'pub.key|year');
    store.commit([{ ref: 'pub.total', month: 3, raw: '7' }], 'entry');
    expect(store.cellText(monthCell('pub.total', 3))).toBe('7');
    expect(store.entries.get('pub.total|3')?.kind).toBe('saving');
    expect(store.cellText(yearCell('pub.total'))).toBe('17');
    expect(store.entryCounts()).toEqual({ invalid: 0, unsaved: 1 });
    // Only the cell and its roll-up were told; the next month and the next row were not.
    expect(heard.sort()).toEqual(['pub.total|3', 'pub.total|year']);
    heard.length = 0;

    calls[0].answer();
    await settle();
    expect(store.entries.get('pub.total|3')).toEqual({ kind: 'saved' });
    expect(store.values.get('pub.total|3')).toBe(7);
    expect(heard).toEqual(['pub.total|3']);
    expect(store.canUndo).toBe(true);
  });

  it('rolls the figure back when the data file refuses it, keeping what was typed, marked', async () => {
    const { store, calls, notices } = setUp({ values: [{ indicator: 'pub.total', col: '', month: 4, value: 10 }] });
    store.commit([{ ref: 'pub.total', month: 4, raw: '12' }], 'entry');
    expect(store.cellText(yearCell('pub.total'))).toBe('12');
    calls[0].answer({ ok: true, saved: [], refused: [{ month: 4, indicator: 'pub.total', col: '', message: '4月已标记完成，数据已锁定' }] });
    await settle();
    expect(store.entries.get('pub.total|4')).toEqual({ kind: 'invalid', raw: '12', message: '4月已标记完成，数据已锁定' });
    expect(store.cellText(monthCell('pub.total', 4))).toBe('12');
    expect(store.cellText(yearCell('pub.total'))).toBe('10');
    expect(store.canUndo).toBe(false);
    expect(notices).toEqual([]);

    // A failed call refuses every cell it carried and says why.
    store.commit([{ ref: 'pub.key', month: 4, raw: '3' }], 'entry');
    calls[1].answer({ ok: false, message: '数据文件不可写' });
    await settle();
    expect(store.entries.get('pub.key|4')).toMatchObject({ kind: 'invalid', message: '数据文件不可写' });
    expect(notices).toEqual(['数据文件不可写']);
    expect(store.entryCounts()).toEqual({ invalid: 2, unsaved: 2 });
  });

  it('never sends a value that does not parse, nor one equal to the stored figure', () => {
    const { store, calls } = setUp({ values: [{ indicator: 'pub.total', col: '', month: 1, value: 5 }] });
    store.commit(
      [
        { ref: 'pub.total', month: 2, raw: 'abc' },
        { ref: 'pub.total', month: 1, raw: '5' },
      ],
      'paste',
    );
    expect(calls).toHaveLength(0);
    expect(store.entries.get('pub.total|2')).toMatchObject({ kind: 'invalid', raw: 'abc' });
    expect(store.entries.get('pub.total|1')).toEqual({ kind: 'saved' });
  });

  it('saves one call at a time in the order typed; a cell retyped while saving keeps its newest value', async () => {
    const { store, calls } = setUp({ values: [{ indicator: 'pub.total', col: '', month: 1, value: 5 }] });
    store.commit([{ ref: 'pub.total', month: 1, raw: '6' }], 'entry');
    // Back to the stored figure while 6 is on its way: it must still be sent, or 6 would win.
    store.commit([{ ref: 'pub.total', month: 1, raw: '5' }], 'entry');
    expect(calls).toHaveLength(1);
    calls[0].answer();
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1].edits).toEqual([{ ref: 'pub.total', month: 1, raw: '5' }]);
    // The first answer did not settle the newer entry.
    expect(store.entries.get('pub.total|1')?.kind).toBe('saving');
    expect(store.cellText(monthCell('pub.total', 1))).toBe('5');
    calls[1].answer();
    await settle();
    expect(store.entries.get('pub.total|1')).toEqual({ kind: 'saved' });
    expect(store.values.get('pub.total|1')).toBe(5);
  });

  it('marks the cells of a rule the figures break, and only those, then clears them when mended', async () => {
    const { store, calls, heard, listen } = setUp();
    listen('pub.total|3', 'pub.total|4', 'pub.cat.other|3', topic.rules);
    store.commit(
      [{ ref: 'pub.total', month: 3, raw: '10' }, ...CATS.map((c) => ({ ref: `pub.cat.${c}`, month: 3, raw: c === 'other' ? '2' : '1' }))],
      'paste',
    );
    expect(store.marks.get('pub.total|3')).toBe('error');
    expect(store.marks.get('pub.total|year')).toBe('error');
    expect(store.ruleMessages.get('pub.cat.other|3')?.join()).toContain('10 ≠ 9');
    expect(store.violations.some((v) => v.ruleId === 'pub.categories_sum' && v.period === 3)).toBe(true);
    expect(heard).toContain('pub.total|3');
    expect(heard).toContain(topic.rules);
    expect(heard).not.toContain('pub.total|4');
    calls[0].answer();
    await settle();
    heard.length = 0;

    store.commit([{ ref: 'pub.cat.other', month: 3, raw: '3' }], 'entry');
    expect(store.marks.get('pub.total|3')).toBeUndefined();
    // 总数 was not typed: it is told because its mark went.
    expect(heard.sort()).toEqual(['pub.cat.other|3', 'pub.total|3', topic.rules]);
  });

  it('undoes a saved step through the data file, moving the stack only once it answers', async () => {
    const { store, calls } = setUp();
    store.commit(
      [
        { ref: 'pub.total', month: 1, raw: '4' },
        { ref: 'pub.key', month: 1, raw: '2' },
      ],
      'paste',
    );
    calls[0].answer();
    await settle();
    const undone = store.undo();
    expect(calls[1].source).toBe('undo');
    expect(calls[1].edits).toEqual([
      { ref: 'pub.total', month: 1, raw: null },
      { ref: 'pub.key', month: 1, raw: null },
    ]);
    expect(store.cellText(yearCell('pub.total'))).toBe('');
    expect(store.canUndo).toBe(true);
    calls[1].answer();
    expect(await undone).toEqual(['pub.total|1', 'pub.key|1']);
    expect(store.canUndo).toBe(false);
    expect(store.canRedo).toBe(true);

    // A refused redo leaves the stack as it was.
    const redone = store.redo();
    calls[2].answer({ ok: false, message: '1月已标记完成，数据已锁定' });
    expect(await redone).toBeNull();
    expect(store.canRedo).toBe(true);
  });

  it('tells only the cells whose selection changes, and locks a month for its cells', () => {
    const { store, heard, listen } = setUp();
    store.setLayout(buildLayout(suining, { kind: 'list', sections: suining.sections.map((s) => s.code) }));
    // Rows: 总数, 其中重点; columns: 1月, 2月…
    listen('pub.total|1', 'pub.total|2', 'pub.key|1', 'pub.key|2', 'pub.key|4', 'pub.total|4', 'pub.total|5', topic.months);
    // The anchor cell stays selected but is no longer active, so it is told too.
    store.select({ anchor: { r: 0, c: 0 }, focus: { r: 1, c: 1 } });
    expect(heard.sort()).toEqual(['pub.key|1', 'pub.key|2', 'pub.total|1', 'pub.total|2']);
    heard.length = 0;
    store.select({ anchor: { r: 0, c: 0 }, focus: { r: 1, c: 0 } });
    expect(heard.sort()).toEqual(['pub.key|1', 'pub.key|2', 'pub.total|2']);
    heard.length = 0;
    store.select(at({ r: 0, c: 0 }));
    expect(heard.sort()).toEqual(['pub.key|1', 'pub.total|1']);
    heard.length = 0;
    store.setMonth({ month: 4, completed: true, completedAt: '2017-05-02T08:00:00Z', completedBy: '李四', warnings: [], reopens: [] });
    expect(store.locked.has(4)).toBe(true);
    expect(heard.sort()).toEqual(['months', 'pub.key|4', 'pub.total|4']);
  });

  it('saves a figure typed for a month still to come, and says to check the year and month', async () => {
    const { store, calls, notices } = setUp({}, { year: 2017, month: 5 });
    store.commit([{ ref: 'pub.total', month: 5, raw: '7' }], 'entry');
    expect(notices).toEqual([]);
    store.commit([{ ref: 'pub.total', month: 6, raw: '8' }], 'entry');
    expect(notices).toEqual(['2017年6月尚未到来，请确认年份和月份没有填错（数值照常保存）']);
    // Clearing such a cell is no slip to warn of.
    store.commit([{ ref: 'pub.key', month: 6, raw: '' }], 'entry');
    expect(notices).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      await settle();
      calls[i].answer();
    }
    await settle();
    expect(store.entries.get('pub.total|6')?.kind).toBe('saved');
  });

  it('records how long each save waited in the queue behind the one before (read by npm run bench)', async () => {
    performance.clearMeasures('ledger-save-wait');
    const { store, calls } = setUp();
    store.commit([{ ref: 'pub.total', month: 1, raw: '1' }], 'entry');
    store.commit([{ ref: 'pub.total', month: 2, raw: '2' }], 'entry');
    // The first left at once; the second waits for its answer.
    expect(calls).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 30));
    calls[0].answer();
    await settle();
    expect(calls).toHaveLength(2);
    calls[1].answer();
    await settle();
    const waits = performance.getEntriesByName('ledger-save-wait').map((e) => e.duration);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThan(5);
    expect(waits[1]).toBeGreaterThanOrEqual(25);
  });
});
