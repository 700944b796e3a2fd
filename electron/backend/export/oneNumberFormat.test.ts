/**
 * One number format across the outputs (docs/number-format.md): the same
 * figures, entered once, print with the same digits in the report draft (on
 * screen and in the .docx), the rule messages, the command line and the
 * workbook (every figure cell's Excel format). A 万元 amount keeps its four
 * places everywhere (1.7500, not 1.75), a 元 amount its two (12.30), a count
 * has no separator (12345, not 12,345).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVER_SHEET, DATA_SHEET } from '../../../shared/workbook/format';
import { cli } from '../testing/cliRun';
import { tempBackend, type TempBackend } from '../testing/tempBackend';

const T = 'ledger-2021';
let b: TempBackend;

beforeAll(async () => {
  b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'F01', unitName: '市财政局', role: 'filer', unitKind: '部门', operator: '李四' });
  await b.invoke('values.setMany', {
    templateId: T,
    year: 2017,
    cells: [
      // 万元, four places: 1.5 + 0.25 = 1.7500 for the year.
      { month: 1, indicator: 't2.fees', col: 'amount', raw: '1.5' },
      { month: 2, indicator: 't2.fees', col: 'amount', raw: '0.25' },
      // 元, two places; collected above notified breaks a rule whose message prints both.
      { month: 1, indicator: 'fee.notices', raw: '2' },
      { month: 1, indicator: 'fee.notice_amount', raw: '12.3' },
      { month: 1, indicator: 'fee.collected', raw: '20' },
      { month: 1, indicator: 'pub.total', raw: '12345' },
    ],
  });
  b.close();
});
afterAll(() => fs.rmSync(b.dir, { recursive: true, force: true }));

const plain = (xml: string) => xml.replace(/<[^>]+>/g, '').replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');

/** What Excel shows for a value under a plain format ('0', '0.00', '0.0000'): an oracle apart from the code under test. */
function excelShows(value: number, numFmt: string): string {
  const m = /^0(?:\.(0+))?$/.exec(numFmt);
  if (!m) throw new Error(`not a plain figure format: ${numFmt}`);
  return value.toFixed(m[1]?.length ?? 0);
}

describe('one number format', () => {
  it('the report draft, its .docx and its rule messages print 1.7500万元, 12.30元 and 20.00', async () => {
    const open = await tempBackend({ setup: false, dir: b.dir });
    try {
      const draft = await open.invoke('report.draft', { year: 2017, templateId: T, scope: { subtree: false } });
      const text = draft.paragraphs.map((p) => p.text).join('\n');
      expect(text).toContain('本年收取行政事业性收费1.7500万元');
      expect(text).toContain('总金额12.30元');
      expect(text).toContain('实际收取总金额20.00元');
      const cells = draft.tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'value');
      expect(cells.find((c) => c.ref === 't2.fees:amount')?.text).toBe('1.7500');
      expect(cells.find((c) => c.ref === 'fee.notice_amount')?.text).toBe('12.30');
      expect(draft.violations.find((v) => v.checkId === 'link.fee_collected_le_notified')?.message).toContain('20.00 > 12.30');

      const doc = await open.invoke('report.docx', { year: 2017, templateId: T, scope: { subtree: false } });
      const file = path.join(b.dir, 'draft.docx');
      fs.writeFileSync(file, Buffer.from(doc.base64, 'base64'));
      const xml = plain(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }));
      expect(xml).toContain('本年收取行政事业性收费1.7500万元');
      expect(xml).toContain('20.00 > 12.30');
      expect(xml).not.toMatch(/\d,\d{3}/);
    } finally {
      open.close();
    }
  });

  it('the command line prints the same digits', async () => {
    const fee = await cli('get', '--db', b.dataFile, '--template', T, '--indicator', 't2.fees:amount', '--period', '2017');
    expect(fee.out).toContain('1.7500 万元');
    const count = await cli('get', '--db', b.dataFile, '--template', T, '--indicator', 'pub.total', '--period', '2017');
    expect(count.out).toContain('：12345 条');
    const report = await cli('report', '--db', b.dataFile, '--template', T, '--year', '2017', '--text');
    expect(report.out).toContain('本年收取行政事业性收费1.7500万元');
    expect(report.err).toContain('20.00 > 12.30');
  });

  it('every figure cell of the workbook shows, under its Excel format, what the app prints', async () => {
    const open = await tempBackend({ setup: false, dir: b.dir });
    let base64: string;
    try {
      base64 = (await open.invoke('export.workbook', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 }, kind: 'submission' })).base64;
    } finally {
      open.close();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
    const shown = new Map<number, Set<string>>();
    let figures = 0;
    wb.eachSheet((ws) => {
      if (ws.name === COVER_SHEET || ws.name === DATA_SHEET) return;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'number') return;
          figures++;
          const text = excelShows(cell.value, cell.numFmt);
          shown.set(cell.value, (shown.get(cell.value) ?? new Set()).add(text));
        }),
      );
    });
    expect(figures).toBeGreaterThan(0);
    expect([...(shown.get(1.75) ?? [])]).toEqual(['1.7500']);
    expect([...(shown.get(12.3) ?? [])]).toEqual(['12.30']);
    expect([...(shown.get(20) ?? [])]).toEqual(['20.00']);
    expect([...(shown.get(12345) ?? [])]).toEqual(['12345']);
  });
});
