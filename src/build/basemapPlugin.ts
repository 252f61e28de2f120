/**
 * `virtual:corridor-basemap`: the offline basemap (DESIGN §3) computed from world-atlas when vite
 * starts or builds, so the browser downloads ready GeoJSON (≈92 KB gzip) instead of topojson
 * plus the code to convert and repair it. The app imports it dynamically, so it lands in a chunk
 * of its own and does not hold up the first frame.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { buildBasemap } from '../data/basemap.ts';
import type { Basemap, BasemapOptions } from '../data/basemap.ts';
import { landPath } from '../data/landPath.ts';

export const BASEMAP_MODULE_ID = 'virtual:corridor-basemap';
// The `\0` prefix tells other plugins (and vite's file handling) this is not a file on disk.
const RESOLVED_ID = '\0' + BASEMAP_MODULE_ID;
/** The lite view's land: one pre-projected SVG path (data/landPath.ts), a few KB. */
export const LAND_MODULE_ID = 'virtual:corridor-land';
const RESOLVED_LAND_ID = '\0' + LAND_MODULE_ID;
/**
 * Coarser than the live basemap (0.02°): the lite view never zooms, and at its widest (about
 * 1,300 px for 130° of longitude) 0.06° is half a pixel.
 */
export const LAND_TOLERANCE = 0.06;

/** The world-atlas topology `file` (e.g. `land-50m.json`), resolved like any dependency. */
export function readWorldAtlas(file: string): Topology {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
}

/** The basemap the app ships: 50m land and country lines (110m has no Singapore). */
export function loadBasemap(options: BasemapOptions = {}): Basemap {
  return buildBasemap(
    readWorldAtlas('land-50m.json'),
    readWorldAtlas('countries-50m.json'),
    options,
  );
}

export function basemapPlugin(options: BasemapOptions = {}): Plugin {
  let source: string | undefined;
  let land: string | undefined;
  return {
    name: 'corridor-basemap',
    resolveId(id) {
      if (id === LAND_MODULE_ID) return RESOLVED_LAND_ID;
      return id === BASEMAP_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id === RESOLVED_LAND_ID) {
        land ??= `export default ${JSON.stringify(landPath(loadBasemap({ ...options, tolerance: LAND_TOLERANCE })))};\n`;
        return land;
      }
      if (id !== RESOLVED_ID) return undefined;
      // Once per vite process: the input is a pinned npm package, it does not change under us.
      // JSON.parse of a string literal is faster for engines to load than the same object
      // written as a JavaScript literal (the same trick as vite's own JSON plugin).
      source ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(loadBasemap(options)))});\n`;
      return source;
    },
  };
}
