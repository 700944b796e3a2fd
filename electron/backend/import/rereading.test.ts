/**
 * Reading a file again to apply it (issue 19): the same bytes (same SHA-256)
 * skip what the dry run's read found in order — the data sheet's fingerprint,
 * and the visible sheets when that read compared them with the data sheet
 * and they agreed. A read that took the visible values, or found them
 * differing, never lets a later read skip them.
 */
import { describe, expect, it } from 'vitest';
import { LEDGER_SHEET } from '../../../shared/workbook/format';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, templates, valuesFor } from '../testing/importHarness';
import { rowOfCode, setCell } from '../testing/xlsxEdit';
import { readWorkbook } from './readWorkbook';

const opts = { templates: (id: string) => templates.get(id) };
const clean = () => workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
async function tampered() {
  const bytes = await clean();
  const code = suining.sections[0].kind === 'list' ? suining.sections[0].groups[0].indicators[0].code : '';
  return setCell(bytes, LEDGER_SHEET, `E${rowOfCode(bytes, LEDGER_SHEET, code)}`, 999);
}

describe('reading a file again with what its first read found', () => {
  it('says the visible sheets agree only when it compared them without a difference', async () => {
    expect(readWorkbook(await clean(), opts).visibleAgreed).toBe(true);
    const t = await tampered();
    const differing = readWorkbook(t, opts);
    expect(differing.differences.length).toBe(1);
    expect(differing.visibleAgreed).toBe(false);
    // Taking the visible values: what is imported is not the data sheet's, so a later read must take them again.
    const taken = readWorkbook(t, { ...opts, takeVisible: true });
    expect(taken.differences).toEqual([]);
    expect(taken.visibleAgreed).toBe(false);
  });

  it('skips the visible sheets of bytes whose first read found them agreeing, reading the same values', async () => {
    const bytes = await clean();
    const first = readWorkbook(bytes, opts);
    const again = readWorkbook(bytes, { ...opts, verified: true, visibleAgreed: first.visibleAgreed });
    expect(again.source).toBe('data');
    expect(again.values).toEqual(first.values);
    // It did not compare them this time, so it does not vouch for them.
    expect(again.visibleAgreed).toBe(false);
    // The same option on a file whose visible sheets differ is a caller's error the reader cannot see: it trusts the first read.
    expect(readWorkbook(await tampered(), { ...opts, verified: true, visibleAgreed: true }).differences).toEqual([]);
  });
});
