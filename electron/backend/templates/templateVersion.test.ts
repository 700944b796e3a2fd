/**
 * What a template's version means: its 口径, the cells a workbook carries
 * (code, measure, kind, decimals, roll-up). Workbooks of another version are
 * refused at import (`template_version`) and the version is inside every
 * signed data sheet, so it is raised only when the cells change in a way old
 * files cannot follow. Rules, notes, labels, phrases and the report outline
 * are the app's reading of the same figures and do not raise it
 * (docs/import.md, "What a template's version means").
 *
 * Each built-in template's cells are pinned here by version. Changing a cell
 * fails this test: either raise the version (and add its row to the
 * compatibility table), or, when every file of the old cells is still valid
 * (e.g. more decimals), keep it, say why in docs/import.md and update the pin.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from './registry';

const PINNED: Record<string, string> = {
  'suining-2017@1': 'a35a5f0335efdce5c63dc4f69f0aa4126b39e04d34c8c42cb11f3685e2ddd273',
  'national-2021@1': '0eee382a370bf819aca2a5fbe6842b894e6a8ab7c2636edcbe1bfd32a1b268ce',
  'ledger-2021@1': '9c8db2d032a65869747ed300f138d376aad18fc034ac682cc77cd569064ee094',
};

function caliberText(t: Template): string {
  return [...templateCells(t).values()]
    .map((c) => `${c.ref}|${c.measure}|${c.valueKind}|${c.decimals}|${c.rollup}`)
    .sort()
    .join('\n');
}

const digest = (t: Template) => createHash('sha256').update(caliberText(t)).digest('hex');

describe('template versions', () => {
  const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates')).all();

  it('every built-in template has its cells pinned under its version', () => {
    expect(templates.map((t) => `${t.id}@${t.version}`).sort()).toEqual(Object.keys(PINNED).sort());
    for (const t of templates) expect(`${t.id}@${t.version} ${digest(t)}`).toBe(`${t.id}@${t.version} ${PINNED[`${t.id}@${t.version}`]}`);
  });

  it('a changed cell changes the pin; a rule, a note or a label does not', () => {
    const ledger = templates.find((t) => t.id === 'ledger-2021')!;
    const reworded: Template = structuredClone(ledger);
    reworded.rules = reworded.rules.slice(1);
    const t3 = reworded.sections.find((s) => s.code === 't3');
    if (t3?.kind !== 'table') throw new Error('t3 is a table');
    t3.rows[0] = { ...t3.rows[0], label: `${t3.rows[0].label}（改）`, note: '另一说明' };
    expect(digest(reworded)).toBe(digest(ledger));
    const recounted: Template = structuredClone(ledger);
    const t3b = recounted.sections.find((s) => s.code === 't3');
    if (t3b?.kind !== 'table') throw new Error('t3 is a table');
    t3b.rows[0] = { ...t3b.rows[0], rollup: 'last' };
    expect(digest(recounted)).not.toBe(digest(ledger));
  });
});
