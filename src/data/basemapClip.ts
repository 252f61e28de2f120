/**
 * Planar clipping of lon/lat geometry to a box, for the offline basemap (`basemap.ts`) and the
 * static picture (`static/staticMap.ts`).
 *
 * world-atlas is made for d3-geo, which treats rings as spherical: the rings of Russia, Wrangel
 * Island and Fiji run across ±180° and Antarctica's ring goes round the South Pole. A planar
 * renderer (maplibre, or any code that reads lon/lat as x/y) draws a step from 179.9° to
 * −179.9° straight across the whole map, which shows as a band. So every ring is first made
 * continuous in longitude ("unwrapped", possibly running past 180°), a ring round a pole is
 * closed along that pole, and only then is everything clipped to the box (and to the same box
 * one turn east and west, so a piece that unwrapped past 180° is still found, then shifted
 * back). Nothing that comes out crosses the antimeridian.
 *
 * Clipped geometry is then made small (Douglas–Peucker, rounding, no repeated points).
 */
import type { Position } from 'geojson';

/** [west, south, east, north] in degrees, west < east within −180…180 (no box across ±180°). */
export type BBox = [west: number, south: number, east: number, north: number];

/** A position reduced to the two numbers we use, so indexing is typed without `undefined`. */
type XY = [number, number];

/** How clipped geometry is made small. */
export interface Finish {
  /** Decimals kept in coordinates. */
  precision: number;
  /** Douglas–Peucker tolerance in degrees; 0 keeps every point. */
  tolerance: number;
}

/**
 * Polygons (outer ring first, then holes) cut to `bbox`. Rings that cross ±180° or go round a
 * pole are repaired first (see the module comment). Output rings are simplified, rounded,
 * closed, have at least four positions and a non-zero area, and are wound outer
 * counter-clockwise, holes clockwise, so both maplibre and SVG fills see the holes.
 */
export function clipPolygons(
  polygons: readonly Position[][][],
  bbox: BBox,
  finish: Finish,
): Position[][][] {
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    const [outerRing, ...holeRings] = polygon;
    if (!outerRing) continue;
    const outer = repairRing(outerRing);
    const [outerWest, outerEast] = lonRange(outer);
    const centre = (outerWest + outerEast) / 2;
    // Holes are unwrapped on their own, so bring each into the same turn as its outer ring.
    const holes = holeRings.map((ring) => shiftIntoTurn(repairRing(ring), centre));
    for (const window of windowsFor(bbox)) {
      const clippedOuter = finishRing(clipRing(outer, window.bbox), window.shift, finish, 1);
      if (!clippedOuter) continue;
      const clippedHoles = holes
        .map((hole) => finishRing(clipRing(hole, window.bbox), window.shift, finish, -1))
        .filter((ring): ring is Position[] => ring !== undefined);
      out.push([clippedOuter, ...clippedHoles]);
    }
  }
  return out;
}

/**
 * Lines cut to `bbox` (a line that leaves and re-enters the box becomes several), simplified
 * and rounded.
 */
export function clipLines(lines: readonly Position[][], bbox: BBox, finish: Finish): Position[][] {
  const out: Position[][] = [];
  for (const line of lines) {
    const continuous = unwrap(line.map(toXY));
    for (const window of windowsFor(bbox)) {
      for (const part of clipLine(continuous, window.bbox)) {
        const finished = dedupe(
          simplify(part, finish.tolerance).map((p) => round(p, window.shift, finish.precision)),
        );
        if (finished.length >= 2) out.push(finished);
      }
    }
  }
  return out;
}

function toXY(p: Position): XY {
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/** Adds or takes 360° wherever a step jumps more than half a turn, so the line is continuous. */
function unwrap(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const [lon, lat] of points) {
    const previous = out[out.length - 1];
    const turns = previous ? Math.round((previous[0] - lon) / 360) : 0;
    out.push([lon + turns * 360, lat]);
  }
  return out;
}

/**
 * An unwrapped, open ring. A ring that ends a whole turn from where it started goes round a
 * pole (Antarctica): close it along the pole on its side of the equator, which is what its
 * spherical area means, instead of letting the closing segment run back across the map.
 */
function repairRing(ring: readonly Position[]): XY[] {
  const points = unwrap(ring.map(toXY));
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  if (Math.abs(last[0] - first[0]) > 180) {
    const meanLat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
    const pole = meanLat < 0 ? -90 : 90;
    points.push([last[0], pole], [first[0], pole]);
  } else if (last[0] === first[0] && last[1] === first[1]) {
    points.pop(); // clipping works on open rings
  }
  return points;
}

function lonRange(points: readonly XY[]): [number, number] {
  let west = Infinity;
  let east = -Infinity;
  for (const [lon] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [west, east];
}

function shiftIntoTurn(points: XY[], centre: number): XY[] {
  const [west, east] = lonRange(points);
  const turns = Math.round((centre - (west + east) / 2) / 360);
  return turns ? points.map(([lon, lat]) => [lon + turns * 360, lat]) : points;
}

/**
 * The box as seen from rings unwrapped up to a turn either way: a piece of Chukotka that
 * unwrapped to 190° is found in the box shifted east, then shifted back.
 */
function windowsFor([w, s, e, n]: BBox): { bbox: BBox; shift: number }[] {
  return [-360, 0, 360].map((shift) => ({ bbox: [w + shift, s, e + shift, n], shift }));
}

/**
 * Sutherland–Hodgman against each side of the box in turn. The box is convex, so what comes out
 * covers exactly the inside part; a ring cut in two stays one ring joined by a zero-width strip
 * along the box edge, which a fill does not show (an outline of the land would).
 */
function clipRing(ring: readonly XY[], [w, s, e, n]: BBox): XY[] {
  const sides: { inside: (p: XY) => boolean; cross: (a: XY, b: XY) => XY }[] = [
    { inside: (p) => p[0] >= w, cross: (a, b) => atLon(a, b, w) },
    { inside: (p) => p[0] <= e, cross: (a, b) => atLon(a, b, e) },
    { inside: (p) => p[1] >= s, cross: (a, b) => atLat(a, b, s) },
    { inside: (p) => p[1] <= n, cross: (a, b) => atLat(a, b, n) },
  ];
  let points: XY[] = [...ring];
  for (const { inside, cross } of sides) {
    const next: XY[] = [];
    let previous = points[points.length - 1];
    for (const point of points) {
      if (previous && inside(point) !== inside(previous)) next.push(cross(previous, point));
      if (inside(point)) next.push(point);
      previous = point;
    }
    points = next;
    if (points.length === 0) break;
  }
  return points;
}

function atLon(a: XY, b: XY, lon: number): XY {
  return [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
}

function atLat(a: XY, b: XY, lat: number): XY {
  return [a[0] + ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]), lat];
}

/** Liang–Barsky per segment; a line that leaves the box is split where it does. */
function clipLine(line: readonly XY[], bbox: BBox): XY[][] {
  const parts: XY[][] = [];
  let part: XY[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const segment = a && b ? clipSegment(a, b, bbox) : undefined;
    if (!segment) continue;
    const [start, end] = segment;
    const last = part[part.length - 1];
    if (!last || last[0] !== start[0] || last[1] !== start[1]) {
      if (part.length) parts.push(part);
      part = [start];
    }
    part.push(end);
  }
  if (part.length) parts.push(part);
  return parts;
}

function clipSegment(a: XY, b: XY, [w, s, e, n]: BBox): [XY, XY] | undefined {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - w],
    [dx, e - a[0]],
    [-dy, a[1] - s],
    [dy, n - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return undefined;
      t0 = Math.max(t0, t);
    } else {
      if (t < t0) return undefined;
      t1 = Math.min(t1, t);
    }
  }
  const at = (t: number): XY => [a[0] + t * dx, a[1] + t * dy];
  return [t0 === 0 ? a : at(t0), t1 === 1 ? b : at(t1)];
}

function round([lon, lat]: XY, shift: number, precision: number): XY {
  const f = 10 ** precision;
  // `+ 0` turns −0 into 0: JSON prints both as 0, but deep-equality in tests does not.
  return [Math.round((lon - shift) * f) / f + 0, Math.round(lat * f) / f + 0];
}

function dedupe(points: readonly XY[]): XY[] {
  return points.filter((p, i) => {
    const previous = points[i - 1];
    return !previous || previous[0] !== p[0] || previous[1] !== p[1];
  });
}

/**
 * Rounds, removes repeats, closes and winds a clipped ring (`sign` 1 for counter-clockwise
 * outer rings, −1 for holes); undefined when nothing with an area is left.
 */
function finishRing(
  points: readonly XY[],
  shift: number,
  { precision, tolerance }: Finish,
  sign: 1 | -1,
): Position[] | undefined {
  const first = points[0];
  // Simplified as a line from the first point back to it, so the ring stays anchored there.
  const closed = first ? simplify([...points, first], tolerance) : [];
  const ring = dedupe(closed.map((p) => round(p, shift, precision)));
  const start = ring[0];
  const end = ring[ring.length - 1];
  if (start && end && ring.length > 1 && start[0] === end[0] && start[1] === end[1]) ring.pop();
  if (ring.length < 3) return undefined;
  const area = signedArea(ring);
  if (area === 0) return undefined;
  if (Math.sign(area) !== sign) ring.reverse();
  return [...ring, ring[0] as XY];
}

/** Shoelace formula: positive for counter-clockwise in lon/lat axes. */
function signedArea(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as XY;
    const [x2, y2] = ring[(i + 1) % ring.length] as XY;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * Douglas–Peucker: keeps the ends and every point farther than `tolerance` from the chord of
 * what is kept around it. Iterative, because coastlines run to ten thousand points.
 */
function simplify(points: readonly XY[], tolerance: number): XY[] {
  if (tolerance === 0 || points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    let farthest = -1;
    let max = tolerance * tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = squaredDistanceToSegment(points[i] as XY, points[from] as XY, points[to] as XY);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([from, farthest], [farthest, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function squaredDistanceToSegment([x, y]: XY, [ax, ay]: XY, [bx, by]: XY): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  // A closed ring's chord has zero length: then the distance is to its one point.
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  const px = ax + t * dx - x;
  const py = ay + t * dy - y;
  return px * px + py * py;
}
