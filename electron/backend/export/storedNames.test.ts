/**
 * A name stored before names with control characters were refused (or put
 * in by another SQLite tool) must not break any file the app writes: XML
 * forbids C0 controls even escaped, so one vertical tab made every workbook
 * and Word file of that unit unreadable, and the office refused it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { seedTotals, spreadOverMonths } from '../testing/seedValues';
import { ImportBatch } from '../import/session';

// eslint-disable-next-line no-control-regex -- the characters XML cannot hold
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|&#(x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-24-9]|2[0-9]|3[01]));/;

let b: TempBackend;
afterEach(() => b.dispose());
vi.setConfig({ testTimeout: 120_000 });

/** Parts of an .xlsx or .docx holding what XML forbids, by name. */
function badParts(base64: string): string[] {
  const parts = unzipSync(Buffer.from(base64, 'base64'));
  return Object.entries(parts)
    .filter(([name, bytes]) => /\.(xml|rels)$/.test(name) && XML_FORBIDDEN.test(strFromU8(bytes)))
    .map(([name]) => name);
}

async function withStoredName(role: 'filer' | 'aggregator') {
  b = await tempBackend({ role });
  const template = b.ctx.templates.get('suining-2017')!;
  const values = spreadOverMonths(template, seedTotals(), 'TEST-01');
  await b.invoke('values.setMany', { templateId: 'suining-2017', year: 2017, cells: values.map((v) => ({ month: v.month, indicator: v.indicator, col: v.col, raw: v.value })) });
  // As an older version stored it: a vertical tab pasted from Word.
  b.ctx.store.db.prepare("UPDATE units SET name = '测试\u000b单位' WHERE code = 'TEST-01'").run();
}

describe('outputs of a unit whose stored name holds a control character', () => {
  it('the submission workbook is valid XML, names the unit without it, and the office imports it', async () => {
    await withStoredName('filer');
    const out = await b.invoke('export.workbook', { templateId: 'suining-2017', period: { year: 2017, fromMonth: 1, toMonth: 12 } });
    expect(badParts(out.base64)).toEqual([]);
    const office = await tempBackend({ role: 'aggregator' });
    try {
      const batch = new ImportBatch({ templates: (id) => office.ctx.templates.get(id) });
      batch.add(out.fileName, Buffer.from(out.base64, 'base64'));
      const [plan] = batch.plan(office.ctx.store.db);
      expect(plan.problems.filter((p) => p.code === 'bad_name')).toEqual([]);
    } finally {
      office.dispose();
    }
  });

  it('the office bundle, 汇总表 and 催报 workbook are valid XML', async () => {
    await withStoredName('aggregator');
    const period = { year: 2017, fromMonth: 1, toMonth: 12 };
    const bundle = await b.invoke('export.workbook', { templateId: 'suining-2017', period, kind: 'bundle' });
    expect(badParts(bundle.base64)).toEqual([]);
    const totals = await b.invoke('office.totalsXlsx', { templateId: 'suining-2017', period });
    expect(badParts(totals.base64)).toEqual([]);
    const reminders = await b.invoke('office.remindersXlsx', { templateId: 'suining-2017', year: 2017 });
    expect(badParts(reminders.base64)).toEqual([]);
  });

  it('the report draft in Word is valid XML', async () => {
    await withStoredName('filer');
    const docx = await b.invoke('report.docx', { templateId: 'suining-2017', year: 2017, scope: { subtree: false } });
    expect(badParts(docx.base64)).toEqual([]);
  });
});
