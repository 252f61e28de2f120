/**
 * What area the static picture shows: a Web Mercator projection fitted to the data, and the
 * basemap cut down to that area.
 */
import { geoMercator } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { Position } from 'geojson';
import type { Basemap } from '../data/basemap.ts';
import { clipLines, clipPolygons } from '../data/basemapClip.ts';
import type { BBox } from '../data/basemapClip.ts';
import type { CorridorData } from '../data/types.ts';
import { dataExtent } from '../data/camera.ts';

/**
 * Mercator fitted to every route vertex and hub. Straight segments in Mercator stay within the
 * box of their ends, so the vertices are enough; a single point gets a box of a few degrees.
 */
export function fitProjection(data: CorridorData, width: number, height: number): GeoProjection {
  const [w, s, e, n] = dataExtent(data);
  const grow = (lo: number, hi: number): [number, number] => {
    const missing = Math.max(0, 4 - (hi - lo)) / 2;
    return [lo - missing, hi + missing];
  };
  const [west, east] = grow(w, e);
  const [south, north] = grow(s, n);
  const pad = Math.max(16, Math.min(width, height) * 0.06);
  return geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    },
  );
}

/**
 * The basemap cut to what the picture shows (plus a margin), simplified to half a pixel: the
 * shipped basemap covers far more than the routes' extent, and detail finer than a pixel is
 * only bytes.
 */
export function visibleBasemap(
  basemap: Basemap,
  projection: GeoProjection,
  width: number,
  height: number,
): { land: Position[][][]; borders: Position[][] } {
  const [west = -180, north = 85] = projection.invert?.([0, 0]) ?? [];
  const [east = 180, south = -85] = projection.invert?.([width, height]) ?? [];
  const margin = 1;
  const box: BBox = [
    Math.max(-180, west - margin),
    Math.max(-85, south - margin),
    Math.min(180, east + margin),
    Math.min(85, north + margin),
  ];
  const finish = { precision: 2, tolerance: (0.5 * (east - west)) / width };
  const polygons = basemap.land.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const lines = basemap.borders.features.flatMap((f) => f.geometry.coordinates);
  return { land: clipPolygons(polygons, box, finish), borders: clipLines(lines, box, finish) };
}
