import type { Corridor } from '../data/types.ts';

export type RGB = [number, number, number];

export type Theme = 'light' | 'dark';

/** Sea, land and country lines of the basemap, shared by the live map and the SVG views. */
export const LAND_COLORS: Record<Theme, { sea: string; land: string; border: string }> = {
  light: { sea: '#dfe8ef', land: '#f7f5f0', border: '#b9b4aa' },
  dark: { sea: '#14202b', land: '#2a3038', border: '#4d5560' },
};

/**
 * Corridor colours from the Okabe–Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies. Colour is never the only carrier: legends and panels name the corridor.
 */
export const CORRIDOR_COLORS: Record<Corridor, RGB> = {
  'china-europe': [213, 94, 0],
  'china-laos': [0, 114, 178],
  'new-western-land-sea': [0, 158, 115],
};

/**
 * `#rrggbb`: every SVG renderer reads it, unlike the space-separated `rgb()` of CSS Color 4 that
 * the live map's CSS uses (image viewers and older rasterisers reject it).
 */
export function toHex(rgb: RGB): string {
  return '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}
