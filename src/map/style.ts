import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../data/basemap.ts';

import { LAND_COLORS, type Theme } from '../shared/colors.ts';

export type { Theme } from '../shared/colors.ts';

/**
 * The basemap style: land and faint country lines from Natural Earth, shipped with the app.
 * No `glyphs` or `sprite`: the style has no symbol layers, so it needs no server (labels are
 * drawn by deck.gl). No basemap labels either: boundaries are contested (facts/CORRIDORS.md).
 */
export function basemapStyle(
  basemap: Basemap,
  theme: Theme,
  showBorders = true,
  /** Sea and land of a house style (the page's computed `--cm-sea`, `--cm-land`). */
  house: { sea: string; land: string } = LAND_COLORS[theme],
): StyleSpecification {
  const colors = { ...LAND_COLORS[theme], sea: house.sea, land: house.land };
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: basemap.land, attribution: 'Natural Earth' },
      borders: { type: 'geojson', data: basemap.borders },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': colors.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': colors.land } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        layout: { visibility: showBorders ? 'visible' : 'none' },
        paint: { 'line-color': colors.border, 'line-width': 0.6, 'line-opacity': 0.6 },
      },
    ],
  };
}
