/**
 * The flat arcs the live map draws between a route's stops, as lines. This is the curve deck.gl's
 * ArcLayer draws with `getTilt: 90` (the arc laid flat on the map, bulging to the left of
 * source → target by `height` × half the chord at its middle, vertices eased towards the ends),
 * computed once per data set instead: drawn as paths, the arcs share the routes' layer type and
 * GPU program, so the live map compiles one program fewer before its first frame and ships no
 * arc-layer code.
 */
import type { Position } from 'geojson';
import { inverseMercator, mercator } from './camera.ts';

/** Arc height as a fraction of the chord (deck.gl `getHeight`). */
export const ARC_HEIGHT = 0.15;
/** Most vertices of one arc: as smooth as deck.gl's 50 at the map's scale. */
export const ARC_VERTICES = 24;
/**
 * Segments of an arc per square root of its chord (in degrees of longitude). The curve is half an
 * ellipse; a polygon of n segments strays from it by about 0.6 × chord / n², most at its ends,
 * under the stops' markers. n ∝ √chord keeps that within a pixel or so at the map's scale for
 * every leg: a fixed number of vertices would spend most of them on legs a few pixels long, and
 * software WebGL (phones without a GPU driver, headless browsers) pays for each vertex a path
 * layer draws: 24 on every arc cost the live map a third of its frame rate.
 */
const ARC_SEGMENTS_PER_ROOT_DEGREE = 1.5;

/**
 * Vertices for the arc from `source` to `target`: 2 (a line) between neighbouring stops, more for
 * a longer chord, at most ARC_VERTICES; 0 for a leg that starts where it ends (no arc to draw).
 */
export function arcVertices(source: Position, target: Position): number {
  const [sx, sy] = mercator(source);
  const [tx, ty] = mercator(target);
  // mercator() is in world widths: 1 is 360°.
  const chord = Math.hypot(tx - sx, ty - sy) * 360;
  if (chord === 0) return 0;
  const segments = Math.ceil(ARC_SEGMENTS_PER_ROOT_DEGREE * Math.sqrt(chord));
  return Math.min(ARC_VERTICES, 1 + segments);
}

const smoothstep = (t: number) => t * t * (3 - 2 * t);

/** `vertices` points from `source` to `target` ([lon, lat]) along the flat arc. */
export function arcPath(
  source: Position,
  target: Position,
  vertices = arcVertices(source, target),
  height = ARC_HEIGHT,
): Position[] {
  if (vertices < 2) return [];
  // Web Mercator world units, y down (camera.ts); deck.gl bulges to (-dy, dx) with y up, which is
  // (dy, -dx) here.
  const [sx, sy] = mercator(source);
  const [tx, ty] = mercator(target);
  const [dx, dy] = [tx - sx, ty - sy];
  const path: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const ratio = smoothstep(i / (vertices - 1));
    // (dy, -dx) is as long as the chord: the bulge is a fraction of it.
    const bulge = Math.sqrt(ratio * (1 - ratio)) * height;
    path.push(inverseMercator([sx + dx * ratio + dy * bulge, sy + dy * ratio - dx * bulge]));
  }
  // The ends exactly where the stops are, not where the round trip through Mercator puts them.
  path[0] = [source[0]!, source[1]!];
  path[vertices - 1] = [target[0]!, target[1]!];
  return path;
}
