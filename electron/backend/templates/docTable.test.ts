import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateDocTable } from '../../../shared/template/docTable';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from './registry';

const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
const docsDir = path.join(defaultResourcesDir(), '..', 'docs', 'templates');

describe('docs/templates: the cell and rule list of each built-in template', () => {
  for (const t of templates.all()) {
    it(`${t.id}.md is the table of resources/templates/${t.id}.json`, () => {
      const file = path.join(docsDir, `${t.id}.md`);
      const text = templateDocTable(t);
      if (process.env.UPDATE_DOCS) fs.writeFileSync(file, text);
      expect(fs.existsSync(file), `${file} missing: run UPDATE_DOCS=1 npx vitest run ${path.relative(process.cwd(), __filename)}`).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    });
  }

  it('lists every cell and every rule of the current ledger', () => {
    const t = templates.get('ledger-2021')!;
    const text = templateDocTable(t);
    for (const s of t.sections) expect(text).toContain(`（\`${s.code}\`）`);
    for (const r of t.rules) expect(text).toContain(`| \`${r.id}\` |`);
    expect(text).toContain('| `t2.fees:amount` | 行政事业性收费 / 本年收费金额（单位：万元） | 万元 | 金额 | 4 | 月度相加 |  |');
  });
});
