/**
 * What the command line prints as text carries no terminal escapes: a unit
 * name stored with one, or a workbook whose file name holds one, would
 * otherwise retitle the office's terminal window or hide lines of output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookBytes } from '../testing/importFixtures';
import { fillEveryCell } from '../testing/seedValues';
import { tempBackend, tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

// eslint-disable-next-line no-control-regex -- what a terminal would act on
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ESCAPE = '\u001b]0;已被篡改\u0007';
const dir = tempDir('ledger-cli-terminal-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the command line as text', () => {
  it('prints the names of the files it was given without their control characters', async () => {
    const b = await tempBackend({ role: 'aggregator', dir: path.join(dir, 'office') });
    const template = b.ctx.templates.get('suining-2017')!;
    const unit = { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' };
    await b.invoke('units.create', { code: unit.code, name: unit.name, kind: '部门', parentCode: 'TEST-01' });
    b.close();
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    fs.writeFileSync(path.join(inbox, `财政${ESCAPE}局.xlsx`), await workbookBytes({ template, unit, values: fillEveryCell(template, unit.code, [1], 1) }));
    const r = await cli('merge', inbox, '--db', b.dataFile, '--dry-run');
    expect(r.out + r.err).toContain('财政]0;已被篡改局.xlsx');
    expect(r.out + r.err).not.toMatch(TERMINAL_CONTROL);
  });

  it('prints a unit name stored with control characters without them', async () => {
    const b = await tempBackend({ dir: path.join(dir, 'filer') });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '5' });
    b.ctx.store.db.prepare('UPDATE units SET name = ? WHERE code = ?').run(`测试${ESCAPE}单位`, 'TEST-01');
    b.close();
    const r = await cli('report', '--db', b.dataFile, '--year', '2017', '--template', 'suining-2017', '--text');
    expect(r.code).toBe(0);
    expect(r.out).toContain('测试]0;已被篡改单位');
    expect(r.out).not.toMatch(TERMINAL_CONTROL);
  });
});
