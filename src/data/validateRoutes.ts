import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { readCollection, type RawFeature } from './collection.ts';
import { FieldReader } from './fields.ts';
import { readLineString } from './geometry.ts';
import { describe, type Problem } from './problems.ts';
import { CORRIDORS, MODES, STOP_TOLERANCE_KM, type RouteFeature } from './types.ts';

const FILE = 'routes.geojson';

export interface RouteKnown {
  sources: Pick<ReadonlySet<string>, 'has'>;
  series: Pick<ReadonlySet<string>, 'has'>;
  /** Coordinates of every hub and place, by id. */
  stops: ReadonlyMap<string, Position>;
  /** Ids of hubs and places that exist but were left out for problems of their own. */
  rejected?: ReadonlySet<string>;
  /** Ids of series listed in metrics.json but left out for problems of their own. */
  rejectedSeries?: ReadonlySet<string>;
}

/** Degrees of latitude surely farther than STOP_TOLERANCE_KM (twice it, for rounding). */
const LATITUDE_FAR = ((2 * STOP_TOLERANCE_KM) / 6371.0088) * (180 / Math.PI);

/** True when `vertex` lies within the tolerance of `at`. */
function isNear(vertex: Position, at: Position): boolean {
  // A great circle is never shorter than its change of latitude: a vertex that far away in
  // latitude alone is not near, and is skipped before the haversine (100,000 routes, issue 9).
  if (Math.abs(vertex[1]! - at[1]!) > LATITUDE_FAR) return false;
  return distance(vertex, at, { units: 'kilometers' }) <= STOP_TOLERANCE_KM;
}

/**
 * Index of the first vertex at or after `start` that lies within the tolerance of `at`, or -1.
 * Stops must be met in order, so the search for the next stop starts where this one was found.
 */
function vertexNear(line: Position[], at: Position, start: number): number {
  for (let i = start; i < line.length; i++) if (isNear(line[i]!, at)) return i;
  return -1;
}

function missingStop(id: string, known: RouteKnown): string {
  return known.rejected?.has(id)
    ? `${describe(id)} was left out for its own problem (listed above)`
    : `unknown hub or place ${describe(id)}`;
}

export function validateRoutes(
  json: unknown,
  known: RouteKnown,
  problems: Problem[],
): RouteFeature[] {
  // A plain loop rather than flatMap and a one-element array per route: 100,000 routes (issue 9).
  const routes: RouteFeature[] = [];
  for (const raw of readCollection(FILE, json, problems)) {
    const route = readRoute(raw, known, problems);
    if (route) routes.push(route);
  }
  return routes;
}

/** One route, its problems reported; undefined when it is left out. */
function readRoute(
  raw: RawFeature,
  known: RouteKnown,
  problems: Problem[],
): RouteFeature | undefined {
  const r = new FieldReader(raw.properties);
  const id = r.slug('id');
  const corridor = r.oneOf('corridor', CORRIDORS);
  const name = r.localized('name');
  const mode = r.oneOf('mode', MODES);
  const opened = r.day('opened');
  const openedSource = r.string('openedSource');
  const schematic = r.boolean('schematic');
  const from = r.string('from');
  const to = r.string('to');
  const stops = r.stringArray('stops');
  const line = readLineString(raw.geometry);
  if (!('ok' in line)) r.issues.push(line);

  if (from !== undefined && !known.stops.has(from)) r.fail('from', missingStop(from, known));
  if (to !== undefined && !known.stops.has(to)) r.fail('to', missingStop(to, known));
  if (stops && 'ok' in line) {
    if (stops[0] !== from)
      r.fail('stops', `must start with from (${describe(from)}), got ${describe(stops[0])}`);
    if (stops.at(-1) !== to)
      r.fail('stops', `must end with to (${describe(to)}), got ${describe(stops.at(-1))}`);
    let cursor = 0;
    for (let i = 0; i < stops.length; i++) {
      const stop = stops[i]!;
      const at = known.stops.get(stop);
      if (!at) {
        r.fail(`stops[${i}]`, missingStop(stop, known));
        continue;
      }
      const found = vertexNear(line.ok, at, cursor);
      if (found === -1) {
        r.fail(
          `stops[${i}]`,
          `the line does not pass through ${stop} (after the previous stop, within ${STOP_TOLERANCE_KM} km)`,
        );
      } else cursor = found;
    }
    const last = line.ok.length - 1;
    for (const i of [0, last]) {
      const stop = i ? stops.at(-1) : stops[0];
      const at = known.stops.get(stop ?? '');
      if (at && !isNear(line.ok[i]!, at)) {
        r.fail(
          `geometry.coordinates[${i}]`,
          `must be at ${stop}, where the route ${i ? 'ends' : 'starts'}`,
        );
      }
    }
  }
  const fatal = r.issues.length > 0;

  // An unknown source for the opening date loses the citation, not the route: the route card
  // shows the source id where metrics.json has no such source.
  if (openedSource !== undefined && !known.sources.has(openedSource)) {
    r.fail(
      'openedSource',
      `unknown source ${describe(openedSource)} (not in metrics.json sources)`,
    );
  }
  // An unknown series id loses only the width data, not the route.
  const series = (r.raw('series') === undefined ? [] : (r.stringArray('series') ?? [])).filter(
    (s, i) => {
      if (known.series.has(s)) return true;
      r.fail(
        `series[${i}]`,
        known.rejectedSeries?.has(s)
          ? `series ${describe(s)} was left out for its own problem (listed above)`
          : `unknown series ${describe(s)} (not in metrics.json series)`,
      );
      return false;
    },
  );
  for (const { field, message } of r.issues)
    problems.push({ file: FILE, feature: raw.label, field, message });
  if (fatal || !('ok' in line)) return undefined;
  return {
    type: 'Feature',
    id: id!,
    geometry: { type: 'LineString', coordinates: line.ok },
    properties: {
      id: id!,
      corridor: corridor!,
      name: name!,
      from: from!,
      to: to!,
      stops: stops!,
      mode: mode!,
      opened: opened!,
      openedSource: openedSource!,
      schematic: schematic!,
      series,
    },
  };
}
