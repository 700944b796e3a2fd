import { describe, expect, it } from 'vitest';
import { cellRef } from '../../../shared/template/cells';
import { type WorkbookUnit, type WorkbookValue } from '../../../shared/workbook/format';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { C01, C01D, codeOf, D01, MONTHS, suining, useImportBackend, valuesFor } from '../testing/importHarness';

const h = useImportBackend();

describe('import: bundles and levels', () => {
  it("stores each unit's values under that unit; a department's own file plus its county's bundle counts once", async () => {
    const own = valuesFor('C01-D1');
    const countyOwn = fillEveryCell(suining, 'C01', MONTHS, 7);
    const dept = await workbookBytes({ template: suining, unit: C01D, values: own });
    const bundle = await workbookBytes({ template: suining, unit: C01, units: [C01, C01D], values: [...countyOwn, ...own], kind: 'bundle' });
    const r = await h.importFiles([['教育局.xlsx', dept], ['船山区汇总.xlsx', bundle]]);
    // The county's bundle brings the department's figures again: only the county's own are new.
    expect(r.plans.map((p) => p.status)).toEqual(['new', 'updated']);
    expect(r.plans[1].units.map((u) => u.code)).toEqual(['C01', 'C01-D1']);
    expect(r.plans[1].changedValues).toBe(countyOwn.length);
    const totals = await h.b.invoke('office.totals', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 }, unitCode: 'C01' });
    const ref = cellRef(own[0].indicator, own[0].col);
    const sum = (vs: WorkbookValue[]) => vs.filter((v) => cellRef(v.indicator, v.col) === ref).reduce((s, v) => s + v.value, 0);
    const def = [...suining.sections].flatMap((s) => (s.kind === 'list' ? s.groups.flatMap((g) => g.indicators) : [])).find((i) => i.code === ref)!;
    if (def.rollup === 'sum') expect(totals.figures[ref]).toBe(sum(own) + sum(countyOwn));
    expect((await h.storedYear('C01-D1')).length).toBe(own.length);
    expect((await h.storedYear('C01')).length).toBe(countyOwn.length);
  });

  it('refuses units unknown to the directory and offers to add them under the right parent', async () => {
    const NEW: WorkbookUnit = { code: 'C01-D9', name: '船山区卫健局', kind: '部门', parentCode: 'C01' };
    const bundle = await workbookBytes({ template: suining, unit: C01, units: [C01, NEW], values: valuesFor('C01-D9'), kind: 'bundle' });
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const before = h.figures();
    const { plans } = await h.dryRun([['船山区.xlsx', bundle], ['财政局.xlsx', good]]);
    expect(codeOf(plans[0])).toEqual(['unknown_unit']);
    expect(plans[0].problems[0].message).toContain('船山区卫健局（C01-D9）');
    expect(plans[0].unknownUnits).toEqual([NEW]);
    expect(plans[1].status).toBe('new');
    expect(h.figures()).toBe(before);

    const added = await h.b.invoke('import.addUnits', { units: plans[0].unknownUnits });
    expect(added.added).toEqual([{ code: 'C01-D9', name: '船山区卫健局', parentCode: 'C01' }]);
    const r = await h.importFiles([['船山区.xlsx', bundle]]);
    expect(r.applied[0].status).toBe('new');
  });
});
