import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import's reader threads run their own entry (electron/backend/import/readPool.ts finds it beside the main one).
      lib: { entry: { index: resolve(__dirname, 'electron/main/index.ts'), readWorker: resolve(__dirname, 'electron/backend/import/readWorker.ts') }, formats: ['cjs'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      // A sandboxed preload cannot require local files: bundle everything.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
    plugins: [react()],
  },
});
