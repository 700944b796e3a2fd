/**
 * A read packed for another thread or for keeping comes back as it was: the
 * same months with the same figures in the same order, also for months whose
 * refs are not in template order or not template cells at all.
 */
import { describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, templates, valuesFor } from '../testing/importHarness';
import { readWorkbook } from './readWorkbook';
import { packedSize, packRead, unpackRead } from './readWire';

const plain = (months: { unitCode: string; month: number; values: Map<string, number> }[]) => months.map((m) => ({ ...m, values: [...m.values] }));

describe('packed reads', () => {
  it('come back with every month, figure and order, the flat list included', async () => {
    const read = readWorkbook(await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }), { templates: (id) => templates.get(id) });
    const refs = [...templateCells(suining).keys()];
    // A month in reverse order and one with a ref no template has cross as their entries.
    read.months[1].values = new Map([...read.months[1].values].reverse());
    read.months[2].values = new Map([...read.months[2].values, ['不是单元格', 7]]);
    const packed = packRead(read);
    expect(packed.months.map((m) => m.entries !== undefined).slice(0, 4)).toEqual([false, true, true, false]);
    expect(packed.figures.length).toBe(read.months.length * refs.length);
    const back = unpackRead(structuredClone(packed), suining);
    expect(plain(back.months)).toEqual(plain(read.months));
    expect(back.values).toEqual(read.values);
    expect({ ...back, months: null, values: null, template: back.template.id }).toEqual({ ...read, months: null, values: null, template: read.template.id, rows: null });
  });

  it('are counted by what they hold: about 8 bytes a cell, not a Map entry a figure', async () => {
    const read = readWorkbook(await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') }), { templates: (id) => templates.get(id) });
    const cells = templateCells(suining).size;
    const size = packedSize(packRead(read));
    expect(size).toBeGreaterThanOrEqual(8 * cells * read.months.length);
    expect(size).toBeLessThan(8 * cells * read.months.length + 4096 + 64 * read.months.length + 1);
  });
});
