import type { Corridor } from '../data/types.ts';
import { CORRIDOR_COLORS } from '../shared/colors.ts';

type RGBA = [number, number, number, number];

export function corridorColor(corridor: Corridor, alpha = 255): RGBA {
  return [...CORRIDOR_COLORS[corridor], alpha];
}
