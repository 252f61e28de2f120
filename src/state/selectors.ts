import type {
  CorridorData,
  Figure,
  HubFeature,
  Note,
  RouteFeature,
  Series,
  SeriesPoint,
  Source,
} from '../data/types.ts';
import { decimalYear, growth, yearOf } from './time.ts';

/** First and last year the timeline covers: the first opening to the last yearly point. */
export function yearRange(data: CorridorData): [first: number, last: number] {
  const opened = data.routes.map((r) => yearOf(decimalYear(r.properties.opened)));
  const points = data.metrics.series
    .filter((s) => s.kind === 'annual')
    .flatMap((s) => s.points.map((p) => Number(p.t)));
  const years = [...opened, ...points];
  if (!years.length) return [new Date().getUTCFullYear(), new Date().getUTCFullYear()];
  return [Math.min(...opened, ...points), Math.max(...years)];
}

export function findHub(data: CorridorData, id: string): HubFeature | undefined {
  return data.hubs.find((h) => h.properties.id === id);
}

export function findRoute(data: CorridorData, id: string): RouteFeature | undefined {
  return data.routes.find((r) => r.properties.id === id);
}

export function findSeries(data: CorridorData, id: string): Series | undefined {
  return data.metrics.series.find((s) => s.id === id);
}

export function findSource(data: CorridorData, id: string): Source | undefined {
  return data.metrics.sources.find((s) => s.id === id);
}

/** Name of a hub or place by id, for route endpoints. */
export function stopName(data: CorridorData, id: string) {
  return (
    data.hubs.find((h) => h.properties.id === id)?.properties.name ??
    data.places.find((p) => p.properties.id === id)?.properties.name
  );
}

export interface RouteAt {
  route: RouteFeature;
  /** Fraction of the path drawn, 0…1. */
  progress: number;
}

/** Routes that have opened by `time`, with how much of each is drawn. */
export function routesAt(data: CorridorData, time: number): RouteAt[] {
  return data.routes
    .map((route) => ({ route, progress: growth(decimalYear(route.properties.opened), time) }))
    .filter((r) => r.progress > 0);
}

export function isRouteOpen(route: RouteFeature, time: number): boolean {
  return decimalYear(route.properties.opened) <= time;
}

/**
 * The reported point of a series for a calendar year, or undefined ("no data"). Annual series
 * match the year; cumulative series give the latest point dated in that year. Nothing is
 * interpolated: this is what the panels show as a figure.
 */
export function seriesPointAt(series: Series, year: number): SeriesPoint | undefined {
  if (series.kind === 'annual') return series.points.find((p) => p.t === String(year));
  return series.points.filter((p) => p.t.startsWith(`${year}-`)).at(-1);
}

/**
 * A value for drawing only (line widths while time moves): linear between an annual series'
 * points, placed mid-year, and undefined outside them. Never shown as a figure.
 */
export function drawingValueAt(series: Series, time: number): number | undefined {
  if (series.kind !== 'annual' || !series.points.length) return undefined;
  const xs = series.points.map((p) => Number(p.t) + 0.5);
  const first = xs[0]!;
  const last = xs.at(-1)!;
  if (time < first - 0.5 || time > last + 0.5) return undefined;
  if (time <= first) return series.points[0]!.value;
  if (time >= last) return series.points.at(-1)!.value;
  const i = xs.findIndex((x) => x > time);
  const [x0, x1] = [xs[i - 1]!, xs[i]!];
  const [v0, v1] = [series.points[i - 1]!.value, series.points[i]!.value];
  return v0 + ((v1 - v0) * (time - x0)) / (x1 - x0);
}

export interface SeriesAt {
  series: Series;
  point: SeriesPoint | undefined;
}

/**
 * Series about a hub or route, each at `year`: those whose `subject` it is, those a route lists,
 * and for a hub those listed by the routes that start there. Chang'an's trains have the route
 * `changan` as subject, yet the reader looks for them under Xi'an.
 */
export function seriesFor(data: CorridorData, subject: string, year: number): SeriesAt[] {
  const route = findRoute(data, subject);
  const fromHub = findHub(data, subject)
    ? data.routes.filter((r) => r.properties.from === subject)
    : [];
  const ids = new Set([route, ...fromHub].flatMap((r) => r?.properties.series ?? []));
  return data.metrics.series
    .filter((s) => s.subject === subject || ids.has(s.id))
    .map((series) => ({ series, point: seriesPointAt(series, year) }));
}

/** A hub's figures and notes: the article's statements, which do not change with the year. */
export function hubFacts(hub: HubFeature): { figures: Figure[]; notes: Note[] } {
  return { figures: hub.properties.figures, notes: hub.properties.notes };
}
