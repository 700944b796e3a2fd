/**
 * One number format: the project's ESLint config refuses toFixed,
 * toLocaleString and Intl.NumberFormat in product code, so a stray formatter
 * fails `npm run lint` (docs/number-format.md); the formatter itself and tests may.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'shared/charts/warm.ts') });
}, 120_000);

async function formatErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.message);
}

describe('stray number formatters', () => {
  it.each([
    ['shared/report/probe.ts', 'export const f = (n: number) => n.toFixed(2);\n'],
    ['renderer/src/features/charts/probe.tsx', "export const f = (n: number) => n.toLocaleString('zh-CN');\n"],
    ['electron/backend/export/probe.ts', "export const f = new Intl.NumberFormat('zh-CN');\n"],
  ])('are refused in %s', async (file, code) => {
    const errors = await formatErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shared/values/numberFormat.ts');
  });

  it('are allowed in the formatter and in tests', async () => {
    expect(await formatErrors('shared/values/numberFormat.ts', 'export const f = (n: number) => n.toFixed(2);\n')).toEqual([]);
    expect(await formatErrors('shared/report/probe.test.ts', 'export const f = (n: number) => n.toFixed(2);\n')).toEqual([]);
  });
});
