import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSuiningCity } from '../testing/reportData';
import { tempBackend } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

let dir: string;
let db: string;

beforeAll(async () => {
  const b = await tempBackend({ setup: false });
  await b.invoke('setup.init', { unitCode: 'SN', unitName: '遂宁市人民政府', role: 'aggregator', unitKind: '市' });
  seedSuiningCity(b, 'SN');
  b.close();
  dir = b.dir;
  db = b.dataFile;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ledger report', () => {
  it('--text prints the narrative of the city with the published figures', async () => {
    const r = await cli('report', '--db', db, '--unit', 'SN', '--year', '2017', '--template', 'suining-2017', '--level', '--text');
    expect(r.code).toBe(0);
    expect(r.out).toContain('二、主动公开政府信息情况\n');
    expect(r.out).toContain('2017年，我市主动公开政府信息76891条（重点信息公开11764条）。其中，概况信息1876条，占2.44%；');
    expect(r.out).toContain('全市政府信息公开未收取任何费用。');
    const alone = await cli('report', '--db', db, '--unit', 'SN-CZJ', '--year', '2017', '--text');
    expect(alone.out).toContain('2017年，本机关主动公开政府信息25630条');
  });

  it('--out writes a Word document', async () => {
    const out = path.join(dir, '年报草稿.docx');
    const r = await cli('report', '--db', db, '--unit', 'SN', '--year', '2017', '--level', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成年报草稿');
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml.replace(/<[^>]+>/g, '')).toContain('其他信息17445条，占22.69%');
  });

  it('refuses an unknown unit or a year without data (exit 1), wrong words (exit 2)', async () => {
    const unknown = await cli('report', '--db', db, '--unit', 'XX', '--year', '2017', '--text');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('单位代码 XX 不在单位名录中');
    const empty = await cli('report', '--db', db, '--unit', 'SN', '--year', '2019', '--text');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('在2019年没有“政务公开月度台账（2017年遂宁口径）”的数据');
    expect((await cli('report', '--db', db, '--unit', 'SN', '--year', '2017')).code).toBe(2);
    expect((await cli('report', '--db', db, '--year', 'abc', '--text')).code).toBe(2);
    const badOut = await cli('report', '--db', db, '--year', '2017', '--out', path.join(dir, 'x.pdf'));
    expect(badOut.code).toBe(2);
    expect(badOut.err).toContain('.docx');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
