/**
 * The contract's shape: each method file in shared/api/methods/ holds the
 * methods of one prefix and is named for it, its handlers live in the
 * handler file of the same name, and the calls only an office may make are
 * the ones their schemas mark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, OFFICE_ONLY } from '../../../shared/api/contract';

const root = path.resolve(import.meta.dirname, '../../..');
const methodsDir = path.join(root, 'shared/api/methods');
const handlersDir = path.join(root, 'electron/backend/api/handlers');

const moduleFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

/** The method names of each exported map whose name ends with `suffix` (chartInputs, chartHandlers…). */
async function namesByFile(dir: string, suffix: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const file of moduleFiles(dir)) {
    const mod = (await import(path.join(dir, `${file}.ts`))) as Record<string, unknown>;
    const maps = Object.entries(mod).filter(([name, v]) => name.endsWith(suffix) && typeof v === 'object' && v !== null);
    expect(maps, `${file}.ts exports one ${suffix} map`).toHaveLength(1);
    out.set(file, Object.keys(maps[0][1] as object));
  }
  return out;
}

describe('the contract vocabulary', () => {
  it('has one prefix per method file, named for it, and no method outside a file', async () => {
    const files = await namesByFile(methodsDir, 'Inputs');
    for (const [file, names] of files) {
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) expect(name.split('.')[0], `${name} in methods/${file}.ts`).toBe(file);
    }
    expect([...files.values()].flat().sort()).toEqual([...METHODS].sort());
  });

  it('keeps each method’s handler in the handler file of the same name', async () => {
    const handlers = await namesByFile(handlersDir, 'Handlers');
    const methods = await namesByFile(methodsDir, 'Inputs');
    expect([...handlers.keys()]).toEqual([...methods.keys()]);
    for (const [file, names] of handlers) expect(names.sort(), `handlers/${file}.ts`).toEqual(methods.get(file)!.sort());
  });

  it('marks exactly the office’s calls office-only: the directory’s changes, imports, office views', () => {
    expect([...OFFICE_ONLY].sort()).toEqual(
      [
        ...METHODS.filter((m) => m.startsWith('import.') || m.startsWith('office.')),
        'units.create',
        'units.update',
        'units.deactivate',
        'units.reactivate',
        'units.delete',
        'units.importPreview',
        'units.importApply',
        // The office's register of its units' signing keys; a file's own key (keys.own) is anyone's.
        'keys.list',
        'keys.set',
        'keys.log',
      ].sort(),
    );
    expect(OFFICE_ONLY.has('units.list')).toBe(false);
    expect(OFFICE_ONLY.has('units.tree')).toBe(false);
    expect(OFFICE_ONLY.has('keys.own')).toBe(false);
  });
});
