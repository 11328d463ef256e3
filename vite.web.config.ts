// The renderer alone, for browser mode (`sanwu serve` builds it on start when missing or stale).
// Same output as electron-vite's renderer build, so one build serves both transports.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, 'out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
