import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { editParts } from '../testing/xlsxEdit';
import { workbookBytes } from '../testing/importFixtures';
import { codeOf, D01, suining, useImportBackend, valuesFor } from '../testing/importHarness';

const h = useImportBackend();

describe('import: the units a workbook lists', () => {
  it('refuses a workbook listing the same unit twice (its figures would count twice)', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, units: [D01, D01], values: valuesFor('D01'), kind: 'bundle' });
    const { plans } = await h.dryRun([['两次.xlsx', bytes]]);
    expect(plans[0].status).toBe('rejected');
    expect(codeOf(plans[0])).toEqual(['bad_meta']);
    expect(plans[0].problems[0].message).toMatch(/市财政局”（D01）出现了两次/);
  });

  it('refuses a unit name with a control character (a vertical tab from Word), with a message', async () => {
    const good = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    // As XML carries it: a character reference (a writer may also spell it _x000B_, which stays text).
    const bytes = editParts(good, (parts) => {
      parts['xl/sharedStrings.xml'] = strToU8(strFromU8(parts['xl/sharedStrings.xml']).replaceAll('市财政局', '市财&#11;政局'));
    });
    const { plans } = await h.dryRun([['控制符.xlsx', bytes]]);
    expect(plans[0].status).toBe('rejected');
    expect(codeOf(plans[0])).toEqual(['bad_name']);
    expect(plans[0].problems[0].message).toMatch(/市财政局.*控制字符/);
  });

  it('refuses such a name where units are set up and listed', async () => {
    const r = await h.b.call('units.create', { code: 'D09', name: '市\u000b教育局', kind: '部门', parentCode: 'TEST-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(r.ok ? '' : r.error.message).toMatch(/控制字符/);
  });
});
