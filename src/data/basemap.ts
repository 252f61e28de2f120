/**
 * The offline basemap (DESIGN §3): land and interior country lines from Natural Earth
 * (`world-atlas`), turned into small planar GeoJSON that a Web Mercator map can draw as is:
 * rings that cross ±180° or go round a pole are repaired and everything is cut to the area the
 * map needs (see `basemapClip.ts` for why and how).
 *
 * Pure: no DOM, no file system. The vite plugin (`src/build/basemapPlugin.ts`) feeds it the
 * world-atlas files at build time, so the browser never runs topojson.
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import { clipLines, clipPolygons } from './basemapClip.ts';
import type { BBox, Finish } from './basemapClip.ts';

export type { BBox } from './basemapClip.ts';

export interface Basemap {
  /** Land as one MultiPolygon feature; rings wound as RFC 7946 asks (outer counter-clockwise). */
  land: FeatureCollection<Polygon | MultiPolygon>;
  /** Lines between two countries (not coastlines), as one MultiLineString feature. */
  borders: FeatureCollection<MultiLineString>;
}

export interface BasemapOptions {
  /** Area to keep; everything outside is cut away. Default {@link DEFAULT_BBOX}. */
  bbox?: BBox;
  /** Decimals kept in coordinates. Default 2 (about 1 km, below a pixel at the map's zooms). */
  precision?: number;
  /**
   * Douglas–Peucker tolerance in degrees; 0 keeps every point. Default 0.02° (about 2 km,
   * about a pixel at zoom 5): 50m data has detail no reader of this map can see, and it is
   * the bulk of the download (land + borders: 160 KB gzip unsimplified, 92 KB at 0.02°).
   */
  tolerance?: number;
}

/**
 * Madrid (−3.7°) to beyond Yiwu and Japan (≈145°), Jakarta (−6°) to the Arctic coast of
 * Russia: every place of the corridors with a wide margin, so that a map fitted to the data
 * does not show the cut at its edges at ordinary aspect ratios.
 */
export const DEFAULT_BBOX: BBox = [-30, -15, 150, 72];
export const DEFAULT_PRECISION = 2;
export const DEFAULT_TOLERANCE = 0.02;

/**
 * Land and interior borders from world-atlas topologies (`land-50m.json`, `countries-50m.json`:
 * the 110m files have no Singapore), cut to `bbox`, simplified, rounded and free of consecutive duplicates.
 *
 * @example
 * const basemap = buildBasemap(landTopology, countriesTopology, { bbox: [-30, -15, 150, 72] });
 */
export function buildBasemap(
  land: Topology,
  countries: Topology,
  options: BasemapOptions = {},
): Basemap {
  const bbox = checkBbox(options.bbox ?? DEFAULT_BBOX);
  const finish: Finish = {
    precision: checkPrecision(options.precision ?? DEFAULT_PRECISION),
    tolerance: checkTolerance(options.tolerance ?? DEFAULT_TOLERANCE),
  };

  const landGeometry = feature(land, topologyObject(land, 'land'));
  const landPolygons = polygonsOf(
    'features' in landGeometry
      ? landGeometry.features.map((f) => f.geometry)
      : [landGeometry.geometry],
  );
  // Only lines shared by two different countries: coastlines come from the land fill.
  const borderLines = mesh(countries, topologyObject(countries, 'countries'), (a, b) => a !== b);

  const polygons = clipPolygons(landPolygons, bbox, finish);
  const lines = clipLines(borderLines.coordinates, bbox, finish);
  return {
    land: collection(polygons.length ? [{ type: 'MultiPolygon', coordinates: polygons }] : []),
    borders: collection(lines.length ? [{ type: 'MultiLineString', coordinates: lines }] : []),
  };
}

/** One feature per geometry: the map styles land and borders as wholes, never per country. */
function collection<G extends Geometry>(geometries: G[]): FeatureCollection<G> {
  const features = geometries.map((geometry): Feature<G> => ({
    type: 'Feature',
    properties: {},
    geometry,
  }));
  return { type: 'FeatureCollection', features };
}

function topologyObject(topology: Topology, name: string): GeometryObject {
  const object = topology.objects[name];
  if (!object) throw new Error(`invalid topology: no object "${name}"`);
  // The two type packages disagree on whether properties may be null; nothing here reads them.
  return object as GeometryObject;
}

function polygonsOf(geometries: readonly (Geometry | null)[]): Position[][][] {
  return geometries.flatMap((g) => {
    if (g?.type === 'Polygon') return [g.coordinates];
    if (g?.type === 'MultiPolygon') return g.coordinates;
    return [];
  });
}

function checkBbox(bbox: BBox): BBox {
  const [w, s, e, n] = bbox;
  const ok =
    bbox.every(Number.isFinite) && -180 <= w && w < e && e <= 180 && -90 <= s && s < n && n <= 90;
  if (!ok) throw new Error(`invalid bbox: ${JSON.stringify(bbox)}`);
  return bbox;
}

function checkPrecision(precision: number): number {
  if (!Number.isInteger(precision) || precision < 0 || precision > 10) {
    throw new Error(`invalid precision: ${precision}`);
  }
  return precision;
}

function checkTolerance(tolerance: number): number {
  if (!Number.isFinite(tolerance) || tolerance < 0)
    throw new Error(`invalid tolerance: ${tolerance}`);
  return tolerance;
}
