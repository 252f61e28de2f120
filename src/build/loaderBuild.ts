/**
 * Builds the host-page loader (src/embed/loader.ts) as `embed.js`: one classic script (IIFE), no
 * imports, no chunks, so a newsroom can paste `<script src=".../embed.js" async>` anywhere. A
 * separate vite build run from inside the app's build (and on request in dev), so that
 * `npm run build` stays one command and the loader never shares a chunk with the app.
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { packageVersion } from './version.ts';

export const LOADER_FILE = 'embed.js';
const ENTRY_ID = 'virtual:corridor-map-loader-entry';
const RESOLVED_ENTRY_ID = '\0' + ENTRY_ID;

/** Bundles and minifies the loader; resolves to the script's source. */
export async function buildLoader(root: string): Promise<string> {
  const loaderPath = resolve(root, 'src/embed/loader.ts');
  const entry: Plugin = {
    name: 'corridor-map-loader-entry',
    resolveId: (id) => (id === ENTRY_ID ? RESOLVED_ENTRY_ID : null),
    // `document.currentScript` is only set while a classic script runs its top level: read it here.
    load: (id) =>
      id === RESOLVED_ENTRY_ID
        ? `import { start } from ${JSON.stringify(loaderPath)};\nstart(document, document.currentScript);\n`
        : null,
  };
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: [entry],
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: ENTRY_ID,
        output: { format: 'iife', entryFileNames: LOADER_FILE },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunks = result.output.filter((o) => o.type === 'chunk');
    if (chunks.length !== 1 || !chunks[0]) {
      throw new Error(`loader build: expected one chunk, got ${chunks.length}`);
    }
    // Which build a page runs, readable in the script itself (a `/*!` comment survives minifiers).
    return `/*! corridor-map ${packageVersion()} embed.js */\n${chunks[0].code}`;
  }
  throw new Error('loader build: no output');
}

/** Emits `embed.js` beside `index.html` and `embed.html`; serves it at `/embed.js` in dev. */
export function loaderPlugin(): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'corridor-map-loader',
    configResolved(config) {
      root = config.root;
      base = config.base.endsWith('/') ? config.base : config.base + '/';
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: LOADER_FILE, source: await buildLoader(root) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (pathname !== `${base}${LOADER_FILE}` && pathname !== `/${LOADER_FILE}`) return next();
        buildLoader(root)
          .then((code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(code);
          })
          .catch(next);
      });
    },
  };
}
