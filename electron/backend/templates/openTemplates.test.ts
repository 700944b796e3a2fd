/**
 * Templates checked when the command line was built are taken as checked
 * only while a file's text is the text checked; everything else is checked
 * as it is read (issue 19: the CLI starts without running zod over the
 * built-in templates).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/template/schema';
import { TemplateError } from '../../../shared/template/validate';
import { defaultResourcesDir } from '../paths';
import { tempDir } from '../testing/tempBackend';
import { openTemplates } from './openTemplates';
import type { Prevalidated } from './prevalidated';
import { loadTemplates, prevalidate } from './registry';

const builtin = path.join(defaultResourcesDir(), 'templates');
const dir = tempDir('ledger-prevalidated-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The build's checks, with each template renamed: whichever name comes back tells which one was used. */
function marked(): Prevalidated {
  return new Map(prevalidate(builtin).map((t) => [t.name, { ...t, template: { ...t.template, name: `已检查：${t.template.name}` } as Template }]));
}

/** A copy of the built-in folder, for changing a file of it. */
function copyOfBuiltin(name: string): string {
  const copy = path.join(dir, name);
  fs.cpSync(builtin, copy, { recursive: true });
  return copy;
}

describe('templates checked at build time', () => {
  it('prevalidate gives each built-in file its text and what loadTemplates makes of it', () => {
    const checked = prevalidate(builtin);
    const loaded = loadTemplates(builtin);
    expect(checked.map((t) => t.name)).toEqual(fs.readdirSync(builtin).filter((n) => n.endsWith('.json')).sort());
    for (const t of checked) {
      expect(t.text).toBe(fs.readFileSync(path.join(builtin, t.name), 'utf8'));
      expect(t.template).toEqual(loaded.get(t.template.id));
    }
  });

  it('prevalidate refuses a broken built-in template, so the build fails', () => {
    const copy = copyOfBuiltin('broken');
    const file = path.join(copy, 'suining-2017.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"rollup": "last"', '"rollup": "average"'));
    expect(() => prevalidate(copy)).toThrow(TemplateError);
  });

  it('unchanged built-in files are taken as checked, with the default and families as loadTemplates gives them', async () => {
    const r = await openTemplates(builtin, path.join(dir, 'no-such-folder'), marked());
    expect(r.all().map((t) => t.name).every((n) => n.startsWith('已检查：'))).toBe(true);
    const loaded = loadTemplates(builtin);
    expect(r.all().map((t) => t.id)).toEqual(loaded.all().map((t) => t.id));
    expect(r.defaultId()).toBe(loaded.defaultId());
    expect(r.family('ledger-2021')).toEqual(loaded.family('ledger-2021'));
    expect(r.problems).toEqual([]);
  });

  it('a built-in file changed since the build is checked again: broken, it is refused', async () => {
    const copy = copyOfBuiltin('changed');
    const file = path.join(copy, 'national-2021.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"version": 1', '"version": "一"'));
    await expect(openTemplates(copy, undefined, marked())).rejects.toThrow(TemplateError);
  });

  it('a built-in file changed but valid is read as it now is; the unchanged ones stay as checked', async () => {
    const copy = copyOfBuiltin('renamed');
    const file = path.join(copy, 'suining-2017.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string };
    fs.writeFileSync(file, JSON.stringify({ ...json, name: '改过的遂宁台账' }));
    const r = await openTemplates(copy, undefined, marked());
    expect(r.get('suining-2017')?.name).toBe('改过的遂宁台账');
    expect(r.get('national-2021')?.name).toMatch(/^已检查：/);
  });

  it("a user's template is always checked: a broken one is reported and skipped, a good one loaded", async () => {
    const user = path.join(dir, 'user');
    fs.mkdirSync(user);
    const json = JSON.parse(fs.readFileSync(path.join(builtin, 'suining-2017.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(user, 'good.json'), JSON.stringify({ ...json, id: 'my-suining', default: false }));
    fs.writeFileSync(path.join(user, 'bad.json'), JSON.stringify({ ...json, id: 'bad-suining', default: false, version: -1 }));
    const r = await openTemplates(builtin, user, marked());
    expect(r.get('my-suining')?.name).toBe(json.name);
    expect(r.get('bad-suining')).toBeUndefined();
    expect(r.problems.join('\n')).toContain('bad.json');
    expect(r.get('ledger-2021')?.name).toMatch(/^已检查：/);
  });

  it('with nothing checked at build time (tests, the desktop bundle) every file is checked as it is read', async () => {
    const r = await openTemplates(builtin, undefined, new Map());
    expect(r.all().map((t) => t.id)).toEqual(loadTemplates(builtin).all().map((t) => t.id));
    expect(r.all().some((t) => t.name.startsWith('已检查：'))).toBe(false);
  });
});
