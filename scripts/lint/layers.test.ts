/**
 * The layering rule bites: the project's own ESLint config, run through
 * ESLint's Node API on source text placed at backend and shell paths.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

// Loading the config (typescript-eslint) is slow on a busy machine: once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'electron/backend/store/warm.ts') });
}, 120_000);

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'layers/layers').map((m) => m.message);
}

describe('backend layers', () => {
  it('refuses an upward import: the store reaching into the api', async () => {
    const errors = await layerErrors('electron/backend/store/probe.ts', "import { dispatch } from '../api/dispatch';\nexport const d = dispatch;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/store layer must not import electron\/backend\/api\/dispatch\.ts/);
  });

  it('refuses a feature importing a handler (the old demo → api/handlers/values)', async () => {
    const errors = await layerErrors('electron/backend/demo/probe.ts', "import { valueHandlers } from '../api/handlers/values';\nexport const v = valueHandlers;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/features layer must not import/);
  });

  it('refuses the store importing a feature (the old store → backup)', async () => {
    const errors = await layerErrors('electron/backend/store/probe.ts', "import { restoreBackup } from '../backup/restore';\nexport const r = restoreBackup;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses import/ and export/ importing each other', async () => {
    const one = await layerErrors('electron/backend/import/probe.ts', "import { buildWorkbook } from '../export/buildWorkbook';\nexport const b = buildWorkbook;\n");
    const two = await layerErrors('electron/backend/export/probe.ts', "import { readWorkbook } from '../import/readWorkbook';\nexport const r = readWorkbook;\n");
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(1);
    expect(one[0]).toMatch(/workbook/);
  });

  it('refuses workbook/ importing the features above it', async () => {
    const errors = await layerErrors('electron/backend/workbook/probe.ts', "import { planFile } from '../import/batch';\nexport const p = planFile;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses product code importing test helpers', async () => {
    const errors = await layerErrors('electron/backend/export/probe.ts', "import { tempBackend } from '../testing/tempBackend';\nexport const t = tempBackend;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/test code/);
  });

  it('refuses a folder no layer names', async () => {
    const errors = await layerErrors('electron/backend/somewhere/probe.ts', 'export const x = 1;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/in no backend layer/);
  });

  it('refuses the shell touching the store', async () => {
    const errors = await layerErrors('electron/main/probe.ts', "import { getSetting } from '../backend/store/settings';\nexport const g = getSetting;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/desktop shell/);
  });

  it('refuses electron in the backend', async () => {
    const [result] = await eslint.lintText("import { app } from 'electron';\nexport const a = app;\n", {
      filePath: path.join(root, 'electron/backend/api/probe.ts'),
    });
    expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('lets imports go down, sideways among features, and tests reach anywhere', async () => {
    expect(await layerErrors('electron/backend/api/probe.ts', "import { loadDemo } from '../demo/loadDemo';\nimport { fail } from '../failure';\nexport const x = [loadDemo, fail];\n")).toEqual([]);
    expect(await layerErrors('electron/backend/office/probe.ts', "import { buildWorkbook } from '../export/buildWorkbook';\nexport const b = buildWorkbook;\n")).toEqual([]);
    expect(await layerErrors('electron/backend/import/probe.test.ts', "import { buildWorkbook } from '../export/buildWorkbook';\nexport const b = buildWorkbook;\n")).toEqual([]);
    expect(await layerErrors('electron/main/probe.ts', "import { openBackend } from '../backend/backend';\nexport const o = openBackend;\n")).toEqual([]);
  });
});
