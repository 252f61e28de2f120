/**
 * The static pictures of the map (DESIGN §4: what shows without WebGL or before the map loads),
 * rendered from the real data at build time, never drawn or edited by hand:
 * `static/corridors-zh.svg` and `static/corridors-en.svg` in the build output, and the same
 * paths served live in dev, re-rendered on each request so that edits to `geo/` show at once.
 */
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Basemap } from '../data/basemap.ts';
import { loadDataDir } from '../data/loadDir.ts';
import { formatProblem } from '../data/problems.ts';
import type { Problem } from '../data/problems.ts';
import { CORRIDORS, DATA_FILES, LANGS } from '../data/types.ts';
import type { Corridor, Lang } from '../data/types.ts';
import { CORRIDOR_COLORS, toHex } from '../shared/colors.ts';
import { pictureStyle, resolveHouse, type HouseStyle } from '../shared/houseStyle.ts';
import { renderStaticMap } from '../static/staticMap.ts';
import { loadBasemap } from './basemapPlugin.ts';

export interface StaticMapPluginOptions {
  /** Folder with the four data files, relative to the vite root. Default `geo`. */
  geoDir?: string;
  /** Picture size in CSS pixels (it scales; this sets proportions and detail). Default 960×600. */
  width?: number;
  height?: number;
  /** The deployment's house style (src/build/houseFile.ts): its colours and font. */
  house?: HouseStyle | undefined;
}

/** Output paths, relative to the build output (and the dev server's base). */
export const STATIC_MAP_FILES: Record<Lang, string> = {
  zh: 'static/corridors-zh.svg',
  en: 'static/corridors-en.svg',
};

export interface RenderedStaticMaps {
  files: { lang: Lang; fileName: string; source: string }[];
  problems: Problem[];
  /** True when none of the data files could be read: a wrong `geoDir`, not bad data. */
  noData: boolean;
}

/**
 * Loads and validates `geoDir` and renders one SVG per language. Bad features are left out of the
 * pictures (as the live map leaves them out) and come back in `problems` to be reported.
 */
export async function renderStaticMaps(
  geoDir: string,
  basemap: Basemap,
  size: { width: number; height: number } = { width: 960, height: 600 },
  houseStyle?: HouseStyle,
): Promise<RenderedStaticMaps> {
  const { data, problems } = await loadDataDir(geoDir);
  const unreadable = new Set(
    problems.filter((p) => p.message.startsWith('could not be read')).map((p) => p.file),
  );
  const house = houseStyle && pictureStyle(resolveHouse(houseStyle, 'light'), 'light');
  const colors =
    house?.corridors ??
    (Object.fromEntries(CORRIDORS.map((c) => [c, toHex(CORRIDOR_COLORS[c])])) as Record<
      Corridor,
      string
    >);
  const files = LANGS.map((lang) => ({
    lang,
    fileName: STATIC_MAP_FILES[lang],
    source: renderStaticMap(data, basemap, { ...size, lang, colors, ...(house && { house }) }),
  }));
  return { files, problems, noData: DATA_FILES.every((f) => unreadable.has(f)) };
}

export function staticMapPlugin(options: StaticMapPluginOptions = {}): Plugin {
  const size = { width: options.width ?? 960, height: options.height ?? 600 };
  let geoDir = resolve(options.geoDir ?? 'geo');
  let base = '/';
  let basemap: Basemap | undefined;
  // Computed on first use: a dev server that never serves the pictures never pays for it.
  const getBasemap = (): Basemap => (basemap ??= loadBasemap());

  return {
    name: 'corridor-static-map',
    configResolved(config) {
      geoDir = resolve(config.root, options.geoDir ?? 'geo');
      base = config.base.endsWith('/') ? config.base : config.base + '/';
    },
    buildStart() {
      for (const file of DATA_FILES) this.addWatchFile(join(geoDir, file));
    },
    async generateBundle() {
      const rendered = await renderStaticMaps(geoDir, getBasemap(), size, options.house);
      if (rendered.noData) this.error(`static map: no data files found in ${geoDir}`);
      for (const problem of rendered.problems) this.warn(`static map: ${formatProblem(problem)}`);
      for (const { fileName, source } of rendered.files) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        const lang = LANGS.find((l) =>
          [base + STATIC_MAP_FILES[l], '/' + STATIC_MAP_FILES[l]].includes(pathname),
        );
        if (!lang) return next();
        renderStaticMaps(geoDir, getBasemap(), size, options.house)
          .then(({ files, problems }) => {
            for (const problem of problems) {
              server.config.logger.warn(`static map: ${formatProblem(problem)}`);
            }
            const file = files.find((f) => f.lang === lang);
            res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(file?.source ?? '');
          })
          .catch(next);
      });
    },
  };
}
