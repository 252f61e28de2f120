import type { Position } from 'geojson';
import { describe } from './problems.ts';

/**
 * What is wrong with one GeoJSON position, or undefined. RFC 7946 §3.1.1 orders positions
 * [longitude, latitude]; a latitude past ±90 whose longitude would be a valid latitude is almost
 * always a swapped pair, so the message says so.
 */
export function positionProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    return `expected a position [longitude, latitude], got ${describe(value)}`;
  }
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon)) {
    return `longitude must be a finite number, got ${describe(lon)}`;
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat)) {
    return `latitude must be a finite number, got ${describe(lat)}`;
  }
  if (Math.abs(lat) > 90) {
    const swapped =
      Math.abs(lon) <= 90 ? ' (longitude and latitude swapped? GeoJSON is [lon, lat])' : '';
    return `latitude ${lat} is outside −90…90${swapped}`;
  }
  if (Math.abs(lon) > 180) return `longitude ${lon} is outside −180…180`;
  const alt = (value as unknown[])[2];
  if (value.length === 3 && (typeof alt !== 'number' || !Number.isFinite(alt))) {
    return `altitude must be a finite number, got ${describe(alt)}`;
  }
  return undefined;
}

export type GeometryResult<T> = { ok: T } | { field: string; message: string };

export function readPoint(geometry: unknown): GeometryResult<Position> {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null) return { field: 'geometry', message: 'missing' };
  if (g.type !== 'Point') {
    return { field: 'geometry.type', message: `expected Point, got ${describe(g.type)}` };
  }
  const problem = positionProblem(g.coordinates);
  return problem
    ? { field: 'geometry.coordinates', message: problem }
    : { ok: g.coordinates as Position };
}

export function readLineString(geometry: unknown): GeometryResult<Position[]> {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null) return { field: 'geometry', message: 'missing' };
  if (g.type !== 'LineString') {
    return { field: 'geometry.type', message: `expected LineString, got ${describe(g.type)}` };
  }
  const coords = g.coordinates;
  if (!Array.isArray(coords) || coords.length < 2) {
    return {
      field: 'geometry.coordinates',
      message: `a LineString needs at least two positions, got ${describe(coords)}`,
    };
  }
  for (const [i, position] of coords.entries()) {
    const problem = positionProblem(position);
    if (problem) return { field: `geometry.coordinates[${i}]`, message: problem };
  }
  const [lon0, lat0] = coords[0] as Position;
  if (coords.every(([lon, lat]: Position) => lon === lon0 && lat === lat0)) {
    return {
      field: 'geometry.coordinates',
      message: `all ${coords.length} positions are the same point: a line needs two different ones`,
    };
  }
  // A line may cross the antimeridian (170° → −170°): RFC 7946 §3.1.9 would cut it in two, but a
  // route is one line; it is valid here, and the drawing code takes the short way across.
  return { ok: coords as Position[] };
}
