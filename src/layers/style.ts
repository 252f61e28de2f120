import type { Corridor } from '../data/types.ts';
import { CORRIDOR_COLORS, type RGB } from '../shared/colors.ts';

type RGBA = [number, number, number, number];

/** A colour per corridor: the default, or a house style's (read from the page once). */
export type Palette = Readonly<Record<Corridor, RGB>>;

export function corridorColor(
  corridor: Corridor,
  alpha = 255,
  palette: Palette = CORRIDOR_COLORS,
): RGBA {
  return [...palette[corridor], alpha];
}
