/**
 * The command line as one bundle (out/cli/ledger.mjs), built like the main and
 * preload bundles: started with plain `node`, it skips tsx's compile on every
 * run. Packages stay outside the bundle (SSR build) and load from node_modules;
 * exceljs, docx and resvg sit behind dynamic imports, so only the commands that
 * write workbooks, reports or pictures load them. `npm run ledger` rebuilds it
 * when a source is newer (scripts/ledger.mjs).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { prevalidate } from './electron/backend/templates/registry';

export default defineConfig({
  // No public/ copying, no .env lookup: this bundle reads only what the backend reads at run time.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  // zod is a hundred small ES modules: resolving them one by one costs more start-up than all the rest.
  ssr: { noExternal: ['zod'] },
  // The built-in templates checked now, so that starting a command does not check them again (templates/prevalidated.ts); a broken one fails the build.
  // As JSON text: JSON.parse reads it faster than the engine parses the same as a literal.
  define: { __LEDGER_PREVALIDATED_TEMPLATES__: JSON.stringify(JSON.stringify(prevalidate(resolve(import.meta.dirname, 'resources', 'templates')))) },
  build: {
    // The reader threads' entry beside the command line's (import/readPool.ts finds readWorker.mjs next to its chunk).
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    // Chunks beside the entry: paths.ts finds the checkout two folders up from whichever file it lands in.
    rollupOptions: {
      input: { ledger: resolve(import.meta.dirname, 'electron/backend/cli/main.ts'), readWorker: resolve(import.meta.dirname, 'electron/backend/import/readWorker.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
