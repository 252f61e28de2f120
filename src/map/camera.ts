import { bbox, featureCollection } from '@turf/turf';
import type { LngLatBoundsLike } from 'maplibre-gl';
import type { CorridorData } from '../data/types.ts';

/** Bounds of every route and hub: the camera fits them when the map opens. */
export function dataBounds(data: CorridorData): LngLatBoundsLike {
  const features = [...data.routes, ...data.hubs];
  if (!features.length) return [-20, -10, 140, 65];
  const [w, s, e, n] = bbox(featureCollection<GeoJSON.Geometry>(features));
  return [w, s, e, n];
}
