/**
 * Where the map looks: one Web Mercator fit shared by the lite (SVG) view and the live map, so
 * that the live map's first frame lines up with the picture it replaces. Pure arithmetic, no
 * DOM: the same fit runs in Node (tests) and in the page.
 *
 * World coordinates are Web Mercator in [0, 1] (x east, y south), the unit maplibre uses before
 * it multiplies by its world size (512 × 2^zoom pixels).
 */
import type { Position } from 'geojson';
import type { CorridorData } from './types.ts';

/** Pixels = (world − origin) × k. */
export interface View {
  width: number;
  height: number;
  /** Pixels per world unit. */
  k: number;
  x0: number;
  y0: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Web Mercator's limit: beyond it y is infinite. */
const MAX_LAT = 85.0511287798066;

/** [lon, lat] in degrees → world [x, y] in [0, 1]. */
export function mercator(position: Position): [number, number] {
  const lon = position[0] ?? 0;
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, position[1] ?? 0));
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [(lon + 180) / 360, 0.5 - y / (2 * Math.PI)];
}

/** World [x, y] → [lon, lat]. */
export function inverseMercator([x, y]: readonly [number, number]): [number, number] {
  const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;
  return [x * 360 - 180, lat];
}

/** Bounds of every route vertex and hub, [west, south, east, north]; a small default when empty. */
export function dataExtent(data: CorridorData): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => {
    const [lon = NaN, lat = NaN] = p;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  };
  for (const route of data.routes) for (const p of route.geometry.coordinates) add(p);
  for (const hub of data.hubs) add(hub.geometry.coordinates);
  // Nothing to show: the corridors' part of the world, so that the map is still a map.
  return w <= e ? [w, s, e, n] : [-10, 0, 125, 55];
}

/**
 * The view of `width` × `height` pixels that shows `extent` whole, centred, inside `padding`.
 * A degenerate extent (one point) gets a few degrees around it.
 */
export function fitView(
  extent: readonly [number, number, number, number],
  width: number,
  height: number,
  padding: Padding,
): View {
  const grow = (lo: number, hi: number): [number, number] => {
    const missing = Math.max(0, 4 - (hi - lo)) / 2;
    return [lo - missing, hi + missing];
  };
  const [west, east] = grow(extent[0], extent[2]);
  const [south, north] = grow(extent[1], extent[3]);
  const [x1, y1] = mercator([west, north]);
  const [x2, y2] = mercator([east, south]);
  const innerWidth = Math.max(1, width - padding.left - padding.right);
  const innerHeight = Math.max(1, height - padding.top - padding.bottom);
  const k = Math.min(innerWidth / (x2 - x1), innerHeight / (y2 - y1));
  // Centre the extent in the padded box.
  const cx = (x1 + x2) / 2 - (padding.left - padding.right) / 2 / k;
  const cy = (y1 + y2) / 2 - (padding.top - padding.bottom) / 2 / k;
  return { width, height, k, x0: cx - width / 2 / k, y0: cy - height / 2 / k };
}

/**
 * `fitView`, then moved clear of `keepOut` (the map's controls, in view pixels): while a point of
 * `points` (the drawn markers and route ends) would sit under it, the padding on the right grows
 * a step at a time, up to the box's width. One function for both views, so that they fit alike.
 */
export function fitViewClear(
  extent: readonly [number, number, number, number],
  width: number,
  height: number,
  padding: Padding,
  points: readonly Position[],
  keepOut?: { x: number; y: number; width: number; height: number },
): View {
  let view = fitView(extent, width, height, padding);
  if (!keepOut) return view;
  const margin = 4; // a marker's radius and a little
  const under = (v: View) =>
    points.some((p) => {
      const [x, y] = project(v, p);
      return (
        x > keepOut.x - margin &&
        x < keepOut.x + keepOut.width + margin &&
        y > keepOut.y - margin &&
        y < keepOut.y + keepOut.height + margin
      );
    });
  for (let extra = 6; under(view) && extra <= keepOut.width + 2 * margin; extra += 6) {
    view = fitView(extent, width, height, { ...padding, right: padding.right + extra });
  }
  return view;
}

/** A [lon, lat] position in the view's pixels. */
export function project(view: View, position: Position): [number, number] {
  const [x, y] = mercator(position);
  return [(x - view.x0) * view.k, (y - view.y0) * view.k];
}

/** The maplibre camera showing exactly `view` in a container of the same size. */
export function mapCamera(view: View): { center: [number, number]; zoom: number } {
  const center = inverseMercator([
    view.x0 + view.width / 2 / view.k,
    view.y0 + view.height / 2 / view.k,
  ]);
  return { center, zoom: Math.log2(view.k / 512) };
}

/**
 * The padding a map keeps around the data: room for a label above the northernmost point and
 * beside the westernmost and easternmost, less on small screens where every pixel counts.
 */
export function mapPadding(width: number): Padding {
  const side = width < 480 ? 16 : 28;
  return { top: side + 8, right: side, bottom: side, left: side };
}
