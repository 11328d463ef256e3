// Main (with the core-host process entry and the import's reading thread), preload (CommonJS: sandboxed preloads cannot be ES modules) and renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(here, 'src/main/shell/index.ts'),
          'core-host': resolve(here, 'src/main/core-host/index.ts'),
          // the import's reading thread (src/main/core/import/parse-inputs.ts finds it beside the core)
          'import-parse': resolve(here, 'src/main/core/import/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(here, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(here, 'out/renderer'),
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: resolve(here, 'src/renderer/index.html') },
    },
  },
});
