/**
 * The Word document opens in LibreOffice: a headless conversion to PDF gives
 * pages with the report's sentences and numbers in them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../../shared/report/draft';
import { national2021Figures, nationalTemplate } from '../../../shared/report/testData';
import { seedSuiningCity } from '../testing/reportData';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { draftDocx } from './docx';

let b: TempBackend;
beforeAll(async () => {
  b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市' });
  seedSuiningCity(b, 'SN');
});
afterAll(() => b.dispose());

function toPdf(docx: string): string {
  const profile = path.join(b.dir, `lo-${process.pid}-${Date.now()}`);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.dirname(docx), docx],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const pdf = docx.replace(/\.docx$/, '.pdf');
  expect(fs.existsSync(pdf)).toBe(true);
  return pdf;
}

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
/** pdftotext breaks lines; the sentence is checked with whitespace removed. */
const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('LibreOffice opens the report draft', () => {
  it('the city-wide 2017 draft converts to a PDF of a few pages with its sentences', async () => {
    const r = await b.invoke('report.docx', { templateId: 'suining-2017', year: 2017, scope: { subtree: true } });
    const file = path.join(b.dir, 'suining.docx');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const pdf = toPdf(file);
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(16);
    const text = textOf(pdf);
    expect(text).toContain('2017年，我市主动公开政府信息76891条（重点信息公开11764条）');
    expect(text).toContain('其他信息17445条，占22.69%');
    expect(text).toContain('七、改进措施');
  }, 240_000);

  it('the national tables survive the conversion', async () => {
    const { current, previous } = national2021Figures();
    const draft = buildDraft({ template: nationalTemplate, unit: { code: 'SN', name: '遂宁市人民政府', kind: '市' }, level: true, year: 2021, figures: current, previous });
    const file = path.join(b.dir, 'national.docx');
    fs.writeFileSync(file, await draftDocx(draft));
    const pdf = toPdf(file);
    expect(pages(pdf)).toBeGreaterThanOrEqual(2);
    const text = textOf(pdf);
    expect(text).toContain('2021年，我市新收政府信息公开申请148件，上年结转6件');
    expect(text).toContain('申请人情况');
    expect(text).toContain('第二十条第（一）项');
  }, 240_000);
});
