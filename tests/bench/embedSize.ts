/**
 * What `embed.html` costs a host page before the reader touches the map, computed from the
 * build alone (no browser): the deterministic size budget of `npm test` (tests/browser/size.test.ts)
 * and a row of `npm run bench`. Every file is counted gzip -9'd, as a server would send it.
 *
 * Counted: embed.html itself; the static import graph of its entry in dist/.vite/manifest.json
 * (the entry chunk and, recursively, every chunk in `imports` — never `dynamicImports`, which
 * are what the live map loads on demand) with the CSS of each; every file in dist/geo/; and
 * LITE_VIEW_ASSETS below. The browser half of the size test checks that the page really
 * fetches nothing else before interaction, so a dynamic import fired at start-up cannot hide.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATA_FILES } from '../../src/data/types.ts';

/** DESIGN §4 and issue 8: everything `embed.html` transfers before any interaction. */
export const EMBED_BUDGET_BYTES = 150 * 1024;

/**
 * `embed.js`, the loader every article pays for even where no map is in view (DESIGN §4: "a few
 * KB"), gzip -9: 1.8 KB before issue 12, 2.7 KB with the scrollytelling steps, 3.1 KB with
 * the live-map cap and the reserved height. 3.5 KB is about 20 ms of a slow 4G phone's
 * bandwidth, loaded async: the budget that matters more is that it does nothing on the main
 * thread until a snippet is near the viewport.
 */
export const LOADER_BUDGET_BYTES = 3.5 * 1024;

/**
 * Files under dist/ that the lite view fetches before interaction besides embed.html, its
 * static JS and CSS and dist/geo/ — pictures, fonts, other data. Extend this list when the lite
 * view starts fetching something new (e.g. the label font `fonts/corridor-sans.woff2`).
 * Today only the page's icon (0.2 KB; a browser asks for it when embed.html is opened on its own,
 * not inside an article's iframe): the lite view draws from the data and the land chunk.
 */
export const LITE_VIEW_ASSETS: readonly string[] = ['favicon.svg'];

/**
 * Manifest keys of chunks the lite view imports dynamically at start (not on interaction).
 * None today: the pre-projected land (src/build/basemapPlugin.ts) is a static import of mount,
 * so that it loads in parallel with it. Everything dynamic is the live map.
 */
export const LITE_VIEW_CHUNKS: readonly string[] = [];

/**
 * Worker scripts the lite view starts at once, by file name (vite builds a worker apart, outside
 * the manifest): the font worker (src/embed/fontWorker.ts), which opens the page's fonts off the
 * main thread while the data loads (issue 20).
 */
export const LITE_VIEW_WORKERS: readonly RegExp[] = [/^fontWorker-[\w-]+\.js$/];

/** The HTML entry whose first load is budgeted, as named in the manifest. */
export const EMBED_ENTRY = 'embed.html';

export interface CountedFile {
  /** Path under dist/. */
  file: string;
  /** Why it is counted: 'html' | 'entry' | 'import' | 'css' | 'data' | 'asset'. */
  why: string;
  raw: number;
  gzip: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** gzip -9 size of a file under `dist`. */
export function gzipSize(dist: string, file: string): { raw: number; gzip: number } {
  const body = readFileSync(join(dist, file));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/**
 * The static import graph of manifest key `entry`: its chunk and every chunk reached through
 * `imports` (not `dynamicImports`), each once, with the CSS they pull in.
 */
export function staticGraph(
  manifest: Manifest,
  entry: string,
): { js: { file: string; why: string }[]; css: string[] } {
  const js: { file: string; why: string }[] = [];
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string, why: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest: no chunk "${key}" (imported from the ${entry} graph)`);
    js.push({ file: chunk.file, why });
    for (const c of chunk.css ?? []) css.add(c);
    for (const next of chunk.imports ?? []) visit(next, 'import');
  };
  visit(entry, 'entry');
  return { js, css: [...css] };
}

/** Every file counted against EMBED_BUDGET_BYTES, largest first (gzip -9). */
export function embedFirstLoad(dist: string): CountedFile[] {
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: build with \`build.manifest: true\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const { js, css } = staticGraph(manifest, EMBED_ENTRY);
  for (const key of LITE_VIEW_CHUNKS) {
    const chunk = staticGraph(manifest, key);
    js.push(...chunk.js.map((f) => ({ ...f, why: 'lite' })));
    css.push(...chunk.css);
  }
  const listed = [
    { file: EMBED_ENTRY, why: 'html' },
    ...js,
    ...css.map((file) => ({ file, why: 'css' })),
    // The current data the lite view loads; not the dated snapshots (geo/<date>/) nor their
    // manifest, which only a pinned map or a desk reads.
    ...readdirSync(join(dist, 'geo'))
      .filter((name) => (DATA_FILES as readonly string[]).includes(name))
      .sort()
      .map((name) => ({ file: `geo/${name}`, why: 'data' })),
    ...LITE_VIEW_ASSETS.map((file) => ({ file, why: 'asset' })),
    ...readdirSync(join(dist, 'assets'))
      .filter((name) => LITE_VIEW_WORKERS.some((pattern) => pattern.test(name)))
      .map((name) => ({ file: `assets/${name}`, why: 'worker' })),
  ];
  const unique = [...new Map(listed.map((f) => [f.file, f])).values()];
  return unique
    .map(({ file, why }) => ({ file, why, ...gzipSize(dist, file) }))
    .sort((a, b) => b.gzip - a.gzip);
}

export const totalGzip = (files: readonly CountedFile[]): number =>
  files.reduce((sum, f) => sum + f.gzip, 0);

/** A table of the counted files and their sum, for failures and the bench's output. */
export function formatBreakdown(
  files: readonly CountedFile[],
  budget = EMBED_BUDGET_BYTES,
): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  const lines = files.map((f) => `${kb(f.gzip)} KB  ${f.why.padEnd(6)}  ${f.file}`);
  const total = totalGzip(files);
  lines.push(
    `${kb(total)} KB  total gzip -9 (budget ${(budget / 1024).toFixed(0)} KB: ${total <= budget ? 'within' : 'OVER'})`,
  );
  return lines.join('\n');
}
