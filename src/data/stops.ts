import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { STOP_TOLERANCE_KM } from './types.ts';

/**
 * Index of the first vertex of `line` at or after `start` within STOP_TOLERANCE_KM of `at`, or
 * -1. Stops are met in order, so the search for the next stop starts where this one was found.
 * Validation and drawing both use this, so they agree on where a stop is.
 */
export function vertexNear(line: readonly Position[], at: Position, start = 0): number {
  for (let i = start; i < line.length; i++) {
    if (distance(line[i]!, at, { units: 'kilometers' }) <= STOP_TOLERANCE_KM) return i;
  }
  return -1;
}
