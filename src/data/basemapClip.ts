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
 * Those two steps are ours; the rest is turf's: `bboxClip` cuts to the box (Sutherland–Hodgman
 * for rings, Cohen–Sutherland for lines), `simplify` (Douglas–Peucker), `truncate` rounds,
 * `cleanCoords` drops repeated and collinear points, and `rewind` winds rings as RFC 7946 asks.
 */
import { bboxClip, cleanCoords, lineString, polygon, rewind, simplify, truncate } from '@turf/turf';
import type { LineString, MultiLineString, Polygon, Position } from 'geojson';

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
 * closed, have at least four positions, and are wound outer counter-clockwise, holes clockwise,
 * so both maplibre and SVG fills see the holes.
 */
export function clipPolygons(
  polygons: readonly Position[][][],
  bbox: BBox,
  finish: Finish,
): Position[][][] {
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const [outerRing, ...holeRings] = rings;
    if (!outerRing) continue;
    const outer = repairRing(outerRing);
    const [outerWest, outerEast] = lonRange(outer);
    const centre = (outerWest + outerEast) / 2;
    // Holes are unwrapped on their own, so bring each into the same turn as its outer ring.
    const holes = holeRings.map((ring) => shiftIntoTurn(repairRing(ring), centre));
    for (const window of windowsFor(bbox)) {
      const clippedOuter = finishRing(outer, window, finish);
      if (!clippedOuter) continue;
      const clippedHoles = holes
        .map((hole) => finishRing(hole, window, finish))
        .filter((ring): ring is Position[] => ring !== undefined);
      const wound = polygon([clippedOuter, ...clippedHoles]);
      rewind(wound, { mutate: true });
      out.push(wound.geometry.coordinates);
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
    if (line.length < 2) continue;
    const continuous = lineString(unwrap(line.map(toXY)));
    for (const window of windowsFor(bbox)) {
      const clipped = bboxClip(continuous, window.bbox).geometry as LineString | MultiLineString;
      const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
      for (const part of parts) {
        const finished = finishLine(part, window.shift, finish);
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

/** Simplified, shifted back by `shift`, rounded, without repeated or collinear points. */
function finishLine(
  points: Position[],
  shift: number,
  { precision, tolerance }: Finish,
): Position[] {
  if (points.length < 2) return [];
  const line = simplify(lineString(points), { tolerance, highQuality: true, mutate: true });
  // New positions: clipping and simplifying pass the input's own position arrays through, and
  // those are read again for the next window.
  line.geometry.coordinates = line.geometry.coordinates.map(([lon = NaN, lat = NaN]) => [
    lon - shift,
    lat,
  ]);
  truncate(line, { precision, coordinates: 2, mutate: true });
  const clean = cleanCoords(line, { mutate: true }) as typeof line;
  // cleanCoords leaves a line of two equal points as it is: that is no line.
  const [a, b, ...rest] = clean.geometry.coordinates;
  return rest.length || (a && b && (a[0] !== b[0] || a[1] !== b[1]))
    ? clean.geometry.coordinates
    : [];
}

/**
 * A repaired (open) ring cut to one window, simplified, shifted back and rounded; undefined when
 * nothing with an area is left. Simplified as a line from its first point back to it, not as a
 * turf polygon: turf keeps a ring that simplifies away by lowering the tolerance for it, which
 * would keep every islet smaller than a pixel.
 */
function finishRing(
  points: readonly XY[],
  window: { bbox: BBox; shift: number },
  finish: Finish,
): Position[] | undefined {
  const first = points[0];
  if (!first || points.length < 3) return undefined;
  const clipped = bboxClip(polygon([[...points, first]]), window.bbox).geometry as Polygon;
  const [ring] = clipped.coordinates;
  if (!ring) return undefined;
  const finished = finishLine(ring, window.shift, finish);
  const start = finished[0];
  const end = finished[finished.length - 1];
  const closed = start && end && start[0] === end[0] && start[1] === end[1];
  return closed && finished.length >= 4 ? finished : undefined;
}
