import type { Position } from 'geojson';
import { isObject, listedIds } from './fields.ts';
import { describe, safeProblem, type Problem } from './problems.ts';
import { CORRIDORS, type CorridorData, type DataFile, type Series } from './types.ts';
import { validateHubs, validatePlaces } from './validateFeatures.ts';
import { checkOwnSources } from './ownSources.ts';
import { linkEvents } from './validateEvents.ts';
import { validateMetrics } from './validateMetrics.ts';
import { validateRoutes } from './validateRoutes.ts';

export interface Validated {
  data: CorridorData;
  /** Every problem found, in file order. Empty for good data. */
  problems: Problem[];
}

/** Ids in a FeatureCollection's features' properties, kept or not; undefined if it has none. */
function featureIds(json: unknown): Set<string> | undefined {
  if (!isObject(json) || !Array.isArray(json.features)) return undefined;
  const ids = new Set<string>();
  for (const f of json.features as unknown[]) {
    const id = isObject(f) && isObject(f.properties) ? f.properties.id : undefined;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * Reports a series whose subject is no hub, place, route or corridor of the data. Not fatal:
 * routes find their series by id, and the panels only look series up by subject (a wrong one is
 * never shown under the wrong feature). Unchecked while a feature file is unreadable (`listed`
 * holds the ids of the hubs, places and routes files, undefined for a file that has none).
 */
function checkSubjects(
  series: readonly Series[],
  listed: readonly (ReadonlySet<string> | undefined)[],
  problems: Problem[],
): void {
  if (listed.some((ids) => ids === undefined)) return;
  const corridors = new Set<string>(CORRIDORS);
  for (const s of series) {
    if (corridors.has(s.subject) || listed.some((ids) => ids!.has(s.subject))) continue;
    problems.push({
      file: 'metrics.json',
      feature: s.id,
      field: 'subject',
      message: `unknown hub, place, route or corridor ${describe(s.subject)}`,
    });
  }
}

/**
 * Checks the whole data contract (DESIGN §2) and keeps what is good: a bad feature, figure or
 * series point is reported and left out, everything else loads. Never throws.
 *
 * `files` holds each file's parsed JSON; a file that is missing or failed to parse is passed as
 * `undefined` together with its problem in `initial`.
 */
export function validateData(
  files: Partial<Record<DataFile, unknown>>,
  initial: Problem[] = [],
): Validated {
  const steps = validationSteps(files, initial);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * validateData with `pause()` awaited between its steps (one per file), so that a page checking its
 * data runs it as a few short tasks rather than one long one.
 */
export async function validateDataInSteps(
  files: Partial<Record<DataFile, unknown>>,
  initial: Problem[],
  pause: () => Promise<void>,
): Promise<Validated> {
  const steps = validationSteps(files, initial);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** validateData's work, a file at a time: it yields after each file it has checked. */
function* validationSteps(
  files: Partial<Record<DataFile, unknown>>,
  initial: Problem[],
): Generator<void, Validated, void> {
  const problems = [...initial];
  const unreadable = new Set(initial.map((p) => p.file));
  const json = (file: DataFile): unknown =>
    unreadable.has(file) ? { type: 'FeatureCollection', features: [] } : files[file];

  const metrics = unreadable.has('metrics.json')
    ? { sources: [], series: [], events: [] }
    : validateMetrics(files['metrics.json'], problems);
  yield;
  // Without a list of sources nothing can say which source ids exist: rather than lose every hub
  // and figure over it, source references go unchecked (its own problem is already reported). A
  // source that is listed but left out for its own problem is reported once, there: what cites
  // it stays (the panels show the source id where they find no source).
  const raw = unreadable.has('metrics.json') ? undefined : files['metrics.json'];
  // The ids each feature file lists, kept or not (once: 100,000 routes, issue 9).
  const listed = (file: DataFile) => (unreadable.has(file) ? undefined : featureIds(files[file]));
  const listedHubs = listed('hubs.geojson');
  const listedRoutes = listed('routes.geojson');
  checkSubjects(metrics.series, [listedHubs, listed('places.geojson'), listedRoutes], problems);
  const sources: Pick<ReadonlySet<string>, 'has'> = listedIds(raw, 'sources') ?? {
    has: () => true,
  };
  const hubs = validateHubs(json('hubs.geojson'), { sources }, problems);
  yield;
  const places = validatePlaces(json('places.geojson'), { sources }, problems);
  yield;

  // Routes name hubs and places alike, so their ids share one namespace.
  const stops = new Map<string, Position>();
  const keep = <T extends { properties: { id: string }; geometry: { coordinates: Position } }>(
    file: DataFile,
    features: T[],
  ): T[] =>
    features.filter((f) => {
      const { id } = f.properties;
      if (stops.has(id)) {
        problems.push({
          file,
          feature: id,
          field: 'id',
          message: `duplicate id ${describe(id)} (ids are unique across hubs and places); only the first is kept`,
        });
        return false;
      }
      stops.set(id, f.geometry.coordinates);
      return true;
    });
  const uniqueHubs = keep('hubs.geojson', hubs);
  const uniquePlaces = keep('places.geojson', places);

  // Series: a route keeps only the ids of series that loaded (the layers look them up).
  const listedSeries = listedIds(raw, 'series');
  const series: Pick<ReadonlySet<string>, 'has'> = listedSeries
    ? new Set(metrics.series.map((s) => s.id))
    : { has: () => true };
  const rejectedSeries = new Set([...(listedSeries ?? [])].filter((id) => !series.has(id)));
  // Features reported under their own id but not kept: a route naming one should say why.
  const rejected = new Set(
    problems
      .filter(
        (p) => (p.file === 'hubs.geojson' || p.file === 'places.geojson') && !stops.has(p.feature),
      )
      .map((p) => p.feature),
  );
  const routes = validateRoutes(
    json('routes.geojson'),
    { sources, series, stops, rejected, rejectedSeries },
    problems,
  );
  yield;
  const routeIds = new Set<string>();
  const uniqueRoutes = routes.filter((route) => {
    const { id } = route.properties;
    if (routeIds.has(id)) {
      problems.push({
        file: 'routes.geojson',
        feature: id,
        field: 'id',
        message: `duplicate id ${describe(id)}; only the first is kept`,
      });
      return false;
    }
    routeIds.add(id);
    return true;
  });

  // An event's route and hub must be features of the data (listed, kept or not).
  const events = linkEvents(metrics.events, { routes: listedRoutes, hubs: listedHubs }, problems);
  const data: CorridorData = {
    hubs: uniqueHubs,
    places: uniquePlaces,
    routes: uniqueRoutes,
    metrics: { ...metrics, events },
  };
  checkOwnSources(data, problems);

  return {
    data,
    // Each one short line, safe to print: values are quoted in part, invisible characters escaped.
    problems: problems.map(safeProblem),
  };
}
