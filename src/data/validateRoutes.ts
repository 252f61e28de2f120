import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { readCollection } from './collection.ts';
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

/**
 * Index of the first vertex at or after `start` that lies within the tolerance of `at`, or -1.
 * Stops must be met in order, so the search for the next stop starts where this one was found.
 */
function vertexNear(line: Position[], at: Position, start: number): number {
  for (let i = start; i < line.length; i++) {
    if (distance(line[i]!, at, { units: 'kilometers' }) <= STOP_TOLERANCE_KM) return i;
  }
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
  return readCollection(FILE, json, problems).flatMap((raw): RouteFeature[] => {
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

    for (const [field, ref] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (ref !== undefined && !known.stops.has(ref)) r.fail(field, missingStop(ref, known));
    }
    if (stops && 'ok' in line) {
      if (stops[0] !== from)
        r.fail('stops', `must start with from (${describe(from)}), got ${describe(stops[0])}`);
      if (stops.at(-1) !== to)
        r.fail('stops', `must end with to (${describe(to)}), got ${describe(stops.at(-1))}`);
      let cursor = 0;
      stops.forEach((stop, i) => {
        const at = known.stops.get(stop);
        if (!at) {
          r.fail(`stops[${i}]`, missingStop(stop, known));
          return;
        }
        const found = vertexNear(line.ok, at, cursor);
        if (found === -1) {
          r.fail(
            `stops[${i}]`,
            `the line does not pass through ${stop} (after the previous stop, within ${STOP_TOLERANCE_KM} km)`,
          );
        } else cursor = found;
      });
      const ends = [
        [0, stops[0]],
        [line.ok.length - 1, stops.at(-1)],
      ] as const;
      for (const [i, stop] of ends) {
        const at = known.stops.get(stop ?? '');
        if (at && vertexNear([line.ok[i]!], at, 0) !== 0) {
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
    if (fatal || !('ok' in line)) return [];
    return [
      {
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
      },
    ];
  });
}
