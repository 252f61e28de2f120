import { defineConfig } from 'vite';
import { basemapPlugin } from './src/build/basemapPlugin.ts';
import { geoDataPlugin } from './src/build/geoDataPlugin.ts';
import { staticMapPlugin } from './src/build/staticMapPlugin.ts';

export default defineConfig({
  // Relative asset URLs: the built folder works wherever a newsroom puts it.
  base: './',
  plugins: [basemapPlugin(), geoDataPlugin(), staticMapPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    manifest: true,
  },
});
