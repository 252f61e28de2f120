import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { basemapPlugin } from '../../src/build/basemapPlugin.ts';

/** Builds the bare baseline page into dist/bench/ (after the app's own build). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [basemapPlugin()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: fileURLToPath(new URL('bare.html', import.meta.url)) },
  },
});
