import type { Corridor } from '../data/types.ts';
import { CORRIDOR_COLORS, type RGB } from '../shared/colors.ts';

type RGBA = [number, number, number, number];

export function corridorColor(corridor: Corridor, alpha = 255): RGBA {
  return [...CORRIDOR_COLORS[corridor], alpha];
}

export const HUB_FILL: RGB = [255, 255, 255];
export const HUB_LINE: RGB = [34, 34, 34];
/** The ring of the hub of the timeline event told now (the page's accent, --cm-accent). */
export const EVENT_COLOR: RGB = [11, 92, 173];
export const PLACE_COLOR: RGBA = [90, 90, 90, 200];
