import type { Corridor } from '../data/types.ts';

export type RGB = [number, number, number];

/**
 * Corridor colours from the Okabe–Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies. Colour is never the only carrier: legends and panels name the corridor.
 */
export const CORRIDOR_COLORS: Record<Corridor, RGB> = {
  'china-europe': [213, 94, 0],
  'china-laos': [0, 114, 178],
  'new-western-land-sea': [0, 158, 115],
};

export function toCss([r, g, b]: RGB): string {
  return `rgb(${r} ${g} ${b})`;
}
