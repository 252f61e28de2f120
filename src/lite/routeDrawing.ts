/**
 * How the lite view draws its routes: an SVG path each (svgRoutes.ts) for the real data's
 * handful, a canvas (canvasRoutes.ts) past `CANVAS_ROUTES`. The lite view asks the same of both.
 */
import type { Lang } from '../data/types.ts';
import type { Corridor } from '../data/types.ts';

/** A route as the copies over the dimmed routes draw it: SVG path data, line width, corridor. */
export interface RouteShape {
  d: string;
  width: number;
  corridor: Corridor;
}

export interface RouteDrawing {
  /** 'svg' or 'canvas': which of the two draws (the copies on top differ, see liteView.ts). */
  kind: 'svg' | 'canvas';
  /** A new box or camera: every route drawn again at the next `draw`. */
  layout(width: number, height: number): void;
  /** Growth and widths at `time` (decimal year) in `year`; true when anything changed. */
  draw(time: number, year: number): boolean;
  /** The route under box pixel (x, y) that a click there takes, where no element takes it. */
  hit(x: number, y: number): string | undefined;
  /** Route `id` as drawn now; undefined when it is not drawn. */
  shape(id: string): RouteShape | undefined;
  /** The selected route ('' for none): the others dimmed. */
  select(id: string): void;
  /** The route of the event told now ('' for none). */
  event(id: string): void;
  /** Names in `lang` (a pointer's title over a route), where there are any. */
  rename(lang: Lang): void;
  /** The house colours changed (the theme). */
  restyle(): void;
  /** Over the live map (true): nothing of it shows. */
  over(on: boolean): void;
  destroy(): void;
}
