import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DATA_FILES } from '../data/types.ts';

/**
 * Ships the data folder with the app as plain files under `geo/`, so that the map loads the same
 * files a newsroom edits, and `npm run validate` checks exactly what readers get. In dev they are
 * read fresh on every request: edit, reload, see.
 */
export function geoDataPlugin({ dir = 'geo' }: { dir?: string } = {}): Plugin {
  const root = resolve(dir);
  return {
    name: 'corridor-geo-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = DATA_FILES.find((f) => req.url?.split('?')[0] === `/geo/${f}`);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(resolve(root, file)));
      });
    },
    generateBundle() {
      for (const file of DATA_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `geo/${file}`,
          source: readFileSync(resolve(root, file)),
        });
      }
    },
  };
}
