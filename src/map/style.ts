import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../data/basemap.ts';

export type Theme = 'light' | 'dark';

const PALETTE: Record<Theme, { sea: string; land: string; border: string }> = {
  light: { sea: '#dfe8ef', land: '#f7f5f0', border: '#b9b4aa' },
  dark: { sea: '#14202b', land: '#2a3038', border: '#4d5560' },
};

/**
 * The basemap style: land and faint country lines from Natural Earth, shipped with the app.
 * No `glyphs` or `sprite`: the style has no symbol layers, so it needs no server (labels are
 * drawn by deck.gl). No basemap labels either: boundaries are contested (facts/CORRIDORS.md).
 */
export function basemapStyle(
  basemap: Basemap,
  theme: Theme,
  showBorders = true,
): StyleSpecification {
  const colors = PALETTE[theme];
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

export const LAND_COLORS = PALETTE;
