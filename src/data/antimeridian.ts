/**
 * Data that spans ±180° — a route from Yiwu to Anchorage — is drawn the short way: every
 * longitude is moved into one continuous range, some past 180°, which the Mercator maths here,
 * maplibre-gl and deck.gl all take as the next copy of the world. The cut goes through the
 * widest stretch of the circle that holds no point of the data; when that stretch is the one
 * across ±180° (the corridors' own data, and almost every map), nothing changes.
 */
import type { Position } from 'geojson';
import type { CorridorData } from './types.ts';

/**
 * The longitude at which to cut the circle: longitudes below it move east by 360°. `null` when
 * the widest empty stretch already lies across ±180° (or there is nothing to place).
 */
export function antimeridianCut(longitudes: ArrayLike<number>): number | null {
  // A typed array sorts numerically without a comparator: a 100,000-route folder has 300,000
  // longitudes and more (issue 9).
  const finite = new Float64Array(longitudes.length);
  let n = 0;
  for (let i = 0; i < longitudes.length; i++) {
    const lon = longitudes[i]!;
    if (Number.isFinite(lon)) finite[n++] = lon;
  }
  const sorted = finite.subarray(0, n).sort();
  if (sorted.length < 2) return null;
  // The stretch across ±180°, from the easternmost point round to the westernmost.
  let widest = sorted[0]! + 360 - sorted[sorted.length - 1]!;
  let cut: number | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > widest) {
      widest = gap;
      cut = sorted[i]!;
    }
  }
  return cut;
}

/** `data` with its longitudes in one continuous range (see above); the same object if none move. */
export function continuousLongitudes(data: CorridorData): CorridorData {
  let count = data.hubs.length + data.places.length;
  for (const route of data.routes) count += route.geometry.coordinates.length;
  const longitudes = new Float64Array(count);
  let i = 0;
  for (const f of data.hubs) longitudes[i++] = f.geometry.coordinates[0]!;
  for (const f of data.places) longitudes[i++] = f.geometry.coordinates[0]!;
  for (const route of data.routes)
    for (const p of route.geometry.coordinates) longitudes[i++] = p[0]!;
  const cut = antimeridianCut(longitudes);
  if (cut === null) return data;
  const move = (p: Position): Position => (p[0]! < cut ? [p[0]! + 360, ...p.slice(1)] : p);
  const point = <F extends { geometry: { coordinates: Position } }>(f: F): F => ({
    ...f,
    geometry: { ...f.geometry, coordinates: move(f.geometry.coordinates) },
  });
  return {
    ...data,
    hubs: data.hubs.map(point),
    places: data.places.map(point),
    routes: data.routes.map((r) => ({
      ...r,
      geometry: { ...r.geometry, coordinates: r.geometry.coordinates.map(move) },
    })),
  };
}
