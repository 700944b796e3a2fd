import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './scripts/lint/layers.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // shared/ is pure: no Node, no DOM, no Electron.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'fs', 'path', 'react', 'react-dom'] }],
    },
  },
  {
    // The backend runs without Electron (browser mode, CLI, tests).
    files: ['electron/backend/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    // Backend layers and the shell's one door: see scripts/lint/layers.mjs.
    files: ['electron/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/layers': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'better-sqlite3', '**/electron/backend/**'] }] },
  },
  {
    // One number format (shared/values/numberFormat.ts, docs/number-format.md): a number becomes text there and nowhere else.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['shared/values/numberFormat.ts', '**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'toFixed', message: 'Print numbers through shared/values/numberFormat.ts (docs/number-format.md).' },
        { property: 'toLocaleString', message: 'Print numbers through shared/values/numberFormat.ts, dates through localDateTime/localIsoDate (shared/office/dueDate.ts).' },
        { property: 'toPrecision', message: 'Print numbers through shared/values/numberFormat.ts (docs/number-format.md).' },
        { object: 'Intl', property: 'NumberFormat', message: 'Print numbers through shared/values/numberFormat.ts (docs/number-format.md).' },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
);
