import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import {
  type Corridor,
  type CorridorData,
  type HubFeature,
  type PlaceFeature,
  type RouteFeature,
  type Series,
} from './types.ts';
import { arcPath } from './arcs.ts';
import { vertexNear } from './stops.ts';
import { mostTrains, trainsInYear } from './encoding.ts';
import { decimalYear, growth, growWindow } from './time.ts';

/**
 * Everything the layers draw that depends on the data only, computed once per data set.
 * Times are in years relative to `epoch` so that they keep their precision in the GPU's 32-bit
 * floats (2013.91 as a float32 is only good to about 0.0001 years; 3.91 is good to 1e-7).
 */
export interface Derived {
  epoch: number;
  paths: RoutePath[];
  legs: RouteLeg[];
  /** The paths, then the legs: the live map's one layer of route lines. */
  lines: (RoutePath | RouteLeg)[];
  trains: Train[];
  /** Largest yearly value among the width series, for scaling widths. */
  maxVolume: number;
  /** Hubs, then the places where routes start or end: what the map labels. */
  labels: (HubFeature | PlaceFeature)[];
  /** Per year, trains moving per route id (trainCounts); filled on demand. */
  trainsByYear: Map<number, Map<string, number>>;
}

export interface RoutePath {
  id: string;
  corridor: Corridor;
  path: Position[];
  /** Per vertex: when the growing line reaches it (years after epoch). */
  timestamps: number[];
  /** The series that sets the width, if the route has one. */
  widthSeries: Series | undefined;
  /** Opening date as a decimal year. */
  opened: number;
  /** Per vertex: fraction of the line's length from the origin, 0…1. */
  fractions: number[];
}

export interface RouteLeg {
  id: string;
  routeId: string;
  corridor: Corridor;
  source: Position;
  target: Position;
  /** When the growing line reaches the leg's end (years after epoch): the arc shows from then. */
  reached: number;
  widthSeries: Series | undefined;
  /**
   * The flat arc from source to target (arcs.ts), drawn whole from `reached`; empty past
   * ARC_MAX_LEGS, and for a leg between two stops at one place.
   */
  path: Position[];
  /** Per vertex of `path`, all `reached`: the route layer's clock shows the arc at once. */
  timestamps: number[];
}

export interface Train {
  routeId: string;
  corridor: Corridor;
  /** Index among the route's trains; a route with fewer trains this year hides the higher ones. */
  rank: number;
  /** Loop time (see TRAIN_LOOP) at which it leaves the origin; below 0 for a trip that wraps. */
  departs: number;
  /** When the route is fully drawn (years after epoch): trains run from then. */
  running: number;
  /** The route's line and its vertex fractions (shared with its RoutePath, not copied). */
  path: Position[];
  fractions: number[];
}

/** Trains run on a loop of this many years of map time; each trip takes TRAIN_TRIP of it. */
export const TRAIN_LOOP = 1.2;
export const TRAIN_TRIP = 1.0;

/** Fraction of the line's length at each vertex, 0 at the origin and 1 at the destination. */
export function vertexFractions(path: Position[]): number[] {
  const cumulative = [0];
  for (let i = 1; i < path.length; i++) {
    cumulative.push(cumulative[i - 1]! + distance(path[i - 1]!, path[i]!));
  }
  const total = cumulative.at(-1)!;
  return cumulative.map((d) => (total > 0 ? d / total : 0));
}

function legsOf(
  route: RouteFeature,
  fractions: number[],
  data: CorridorData,
  at: (f: number) => number,
): RouteLeg[] {
  const { id, corridor, stops } = route.properties;
  const path = route.geometry.coordinates;
  const position = (stop: string) =>
    (
      data.hubs.find((h) => h.properties.id === stop) ??
      data.places.find((p) => p.properties.id === stop)
    )?.geometry.coordinates;
  const widthSeries = widthSeriesOf(route, data);
  const legs: RouteLeg[] = [];
  let cursor = 0;
  for (let i = 1; i < stops.length; i++) {
    const source = position(stops[i - 1]!);
    const target = position(stops[i]!);
    if (!source || !target) continue;
    // Validation guarantees each stop is near a vertex of the line, in order (stops.ts).
    const end = vertexNear(path, target, cursor);
    const vertex = end === -1 ? path.length - 1 : end;
    cursor = vertex;
    legs.push({
      id: `${id}:${i}`,
      routeId: id,
      corridor,
      source,
      target,
      reached: at(fractions[vertex]!),
      widthSeries,
      path: [],
      timestamps: [],
    });
  }
  return legs;
}

/**
 * The route's first series if it counts trains per year. Width means trains (the legend says
 * so) and all widths share one `maxVolume`: China–Laos lists tonnes first, and 4.2 million
 * tonnes as the maximum would make every train route a hairline.
 */
function widthSeriesOf(route: RouteFeature, data: CorridorData): Series | undefined {
  const first = route.properties.series[0];
  const series = first === undefined ? undefined : data.metrics.series.find((s) => s.id === first);
  return series?.kind === 'annual' && series.unit === 'trains' ? series : undefined;
}

function trainsOf(path: RoutePath, running: number, count: number): Train[] {
  const trains: Train[] = [];
  for (let rank = 0; rank < count; rank++) {
    const start = (rank / count) * TRAIN_LOOP;
    // A trip that runs past the loop's end also leaves one loop earlier, so it wraps smoothly.
    for (const departs of start + TRAIN_TRIP > TRAIN_LOOP ? [start, start - TRAIN_LOOP] : [start]) {
      trains.push({
        routeId: path.id,
        corridor: path.corridor,
        rank,
        departs,
        running,
        path: path.path,
        fractions: path.fractions,
      });
    }
  }
  return trains;
}

/** Most legs drawn as arcs; a map with more draws its routes alone. */
export const ARC_MAX_LEGS = 2_000;
/**
 * Most routes with moving trains: on a map of thousands, the busiest carry them. Three hundred
 * read as traffic already, and their trails stay a few percent of what the routes themselves
 * cost to draw on a map of 10,000 (a thousand cost a tenth).
 */
export const TRAIN_MAX_ROUTES = 300;

/** Indexes of the routes that carry trains: all, or the TRAIN_MAX_ROUTES busiest (data order on ties). */
function trainRoutes(paths: RoutePath[], maxVolume: number): number[] {
  const all = paths.map((_, i) => i);
  if (paths.length <= TRAIN_MAX_ROUTES) return all;
  const busiest = paths.map((p) => {
    let top = 0;
    for (const pt of p.widthSeries?.points ?? [])
      if (!pt.through) top = Math.max(top, pt.value / maxVolume);
    return top;
  });
  return all
    .sort((a, b) => busiest[b]! - busiest[a]! || a - b)
    .slice(0, TRAIN_MAX_ROUTES)
    .sort((a, b) => a - b);
}

/** Places within this distance (km) of a hub go unlabelled: the hub's label speaks for them. */
const LABEL_CLEARANCE_KM = 150;

function labelled(data: CorridorData): (HubFeature | PlaceFeature)[] {
  const ends = new Set(data.routes.flatMap((r) => [r.properties.from, r.properties.to]));
  const places = data.places.filter(
    (p) =>
      ends.has(p.properties.id) &&
      data.hubs.every(
        (h) => distance(h.geometry.coordinates, p.geometry.coordinates) > LABEL_CLEARANCE_KM,
      ),
  );
  return [...data.hubs, ...places];
}

/**
 * Everything drawn that depends on the data alone, computed once per data set. Times are kept
 * relative to the first opening (`epoch`), for the GPU's 32-bit floats.
 */
export function deriveData(data: CorridorData): Derived {
  const opened = data.routes.map((r) => decimalYear(r.properties.opened));
  // A loop, not Math.min(...opened): a spread of 100,000 arguments overflows the stack.
  let first = Infinity;
  for (const t of opened) first = Math.min(first, t);
  const epoch = Number.isFinite(first) ? Math.floor(first) : 0;
  const paths: RoutePath[] = [];
  const timing = (i: number) => {
    const [start, end] = growWindow(opened[i]!);
    return (f: number) => start - epoch + f * (end - start);
  };
  data.routes.forEach((route, i) => {
    const at = timing(i);
    const fractions = vertexFractions(route.geometry.coordinates);
    const path: RoutePath = {
      id: route.properties.id,
      corridor: route.properties.corridor,
      path: route.geometry.coordinates,
      timestamps: fractions.map(at),
      widthSeries: widthSeriesOf(route, data),
      opened: opened[i]!,
      fractions,
    };
    paths.push(path);
  });
  // Arcs and trains are the live map's alone: made on its first use, not for the lite view.
  let legs: RouteLeg[] | undefined;
  let trains: Train[] | undefined;
  let lines: (RoutePath | RouteLeg)[] | undefined;
  let maxVolume = 1;
  for (const p of paths)
    for (const pt of p.widthSeries?.points ?? [])
      if (!pt.through) maxVolume = Math.max(maxVolume, pt.value);
  const labels = labelled(data);
  return {
    epoch,
    paths,
    get legs() {
      if (!legs) {
        legs = [];
        for (const [i, route] of data.routes.entries()) {
          for (const leg of legsOf(route, paths[i]!.fractions, data, timing(i))) legs.push(leg);
        }
        // Past ARC_MAX_LEGS the arcs are not drawn (lines): not computed either.
        if (legs.length <= ARC_MAX_LEGS) {
          for (const leg of legs) {
            leg.path = arcPath(leg.source, leg.target);
            leg.timestamps = leg.path.map(() => leg.reached);
          }
        }
      }
      return legs;
    },
    get lines() {
      // Past ARC_MAX_LEGS the arcs would double the lines drawn and read as a tangle: the routes
      // alone carry a big map. A leg between two stops at one place has no arc.
      lines ??=
        this.legs.length <= ARC_MAX_LEGS
          ? [...paths, ...this.legs.filter((leg) => leg.path.length > 0)]
          : paths;
      return lines;
    },
    get trains() {
      if (!trains) {
        trains = [];
        for (const i of trainRoutes(paths, maxVolume)) {
          const path = paths[i]!;
          const running = timing(i)(1);
          const count = mostTrains(path.widthSeries, maxVolume);
          for (const train of trainsOf(path, running, count)) trains.push(train);
        }
      }
      return trains;
    },
    maxVolume,
    labels,
    trainsByYear: new Map(),
  };
}

/** Trains moving on each route in `year`, by route id; computed once per data set and year. */
export function trainCounts(derived: Derived, year: number): Map<string, number> {
  let counts = derived.trainsByYear.get(year);
  if (!counts) {
    counts = new Map(
      derived.paths.map((p) => [p.id, trainsInYear(p.widthSeries, year, derived.maxVolume)]),
    );
    derived.trainsByYear.set(year, counts);
  }
  return counts;
}

/** Fraction (0…1) of a route drawn at `time`: the one growth rule of both views. */
export function routeProgress(path: RoutePath, time: number): number {
  return growth(path.opened, time);
}

/**
 * The drawn part of a route at `progress` (0…1), cut at the same length fraction as the live
 * map's TripsLayer cuts it (its timestamps are these fractions in time).
 */
export function partialPath(path: RoutePath, progress: number): Position[] {
  if (progress >= 1) return path.path;
  if (progress <= 0) return [];
  const { fractions } = path;
  const out: Position[] = [];
  for (let i = 0; i < path.path.length; i++) {
    const f = fractions[i]!;
    if (f <= progress) {
      out.push(path.path[i]!);
      continue;
    }
    const f0 = fractions[i - 1] ?? 0;
    const a = path.path[i - 1]!;
    const b = path.path[i]!;
    const u = f > f0 ? (progress - f0) / (f - f0) : 0;
    out.push([a[0]! + (b[0]! - a[0]!) * u, a[1]! + (b[1]! - a[1]!) * u]);
    break;
  }
  return out;
}
