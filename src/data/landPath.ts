/**
 * The land of the lite view as one SVG path in Web Mercator world units × LAND_SCALE, made at
 * build time (src/build/basemapPlugin.ts) so that the page only scales it: no projection code,
 * no GeoJSON parsing and a few kilobytes instead of the live basemap's ninety.
 */
import type { Position } from 'geojson';
import { mercator } from './camera.ts';
import type { Basemap } from './basemap.ts';

/** World units per path unit: 1/20,000 of the world is about 2 km, under a pixel at our sizes. */
export const LAND_SCALE = 20_000;

export interface LandPath {
  scale: number;
  /** SVG path data, integers, relative moves after the first point of each ring. */
  d: string;
}

/** Every ring of the basemap's land as one compact path (rings closed with `z`). */
export function landPath(basemap: Basemap): LandPath {
  const parts: string[] = [];
  for (const feature of basemap.land.features) {
    const polygons =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates]
        : feature.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) parts.push(ringPath(ring));
  }
  return { scale: LAND_SCALE, d: parts.join('') };
}

function ringPath(ring: readonly Position[]): string {
  let out = '';
  let px = 0;
  let py = 0;
  let count = 0;
  for (const position of ring) {
    const [wx, wy] = mercator(position);
    const x = Math.round(wx * LAND_SCALE);
    const y = Math.round(wy * LAND_SCALE);
    if (count === 0) out += `M${x} ${y}l`;
    else if (x === px && y === py) continue;
    else out += `${x - px} ${y - py} `.replace(/ -/g, '-');
    px = x;
    py = y;
    count++;
  }
  return count > 2 ? out.trimEnd() + 'z' : '';
}
