import type {
  CorridorData,
  Figure,
  HubFeature,
  Lang,
  Note,
  RouteFeature,
  Series,
  SeriesPoint,
  Source,
} from '../data/types.ts';
import { decimalYear, growth, yearOf } from '../data/time.ts';
import type { CorridorState, Selection } from './store.ts';

/*
 * Selectors of the state every view reads through `watch` (watch.ts). They return primitives, or
 * tuples of primitives made with `tuple`, so that an equal value is told from a change without
 * allocating on every store change (every animation frame while playing): a selection is
 * compared by its kind and id, never by object identity.
 */

/** The whole calendar year shown; changes once a year while playing. */
export const selectYear = (s: CorridorState): number => yearOf(s.time);

export const selectLang = (s: CorridorState): Lang => s.lang;

// The key of each selection object, made once: `selectSelection` runs on every store change.
// A cache of a pure function of immutable objects, not state: two maps sharing it cannot see it.
const keys = new WeakMap<NonNullable<Selection>, string>();

/** `hub:xian`, `route:changan`, or '' when nothing is selected. */
export const selectionKey = (selection: Selection): string => {
  if (!selection) return '';
  let key = keys.get(selection);
  if (key === undefined) keys.set(selection, (key = `${selection.kind}:${selection.id}`));
  return key;
};

export const selectSelection = (s: CorridorState): string => selectionKey(s.selection);

export const sameSelection = (a: Selection, b: Selection): boolean =>
  selectionKey(a) === selectionKey(b);

/**
 * A selector of a tuple, from a selector of each item: it returns the very array it returned last
 * while every item is the same (`Object.is`), and builds a new one only when an item changed, so
 * that `watch` sees the same value at once and nothing is allocated for a frame that changes none
 * of the items. The items' selectors must not allocate either (primitives, `selectionKey`). It
 * remembers its last tuple: make one per `watch`, where the watch is made.
 *
 * @example
 * watch(store, tuple(selectSelection, selectLang, selectYear), ([key, lang, year]) => …);
 */
export function tuple<const T extends readonly unknown[]>(
  ...items: { readonly [K in keyof T]: (s: CorridorState) => T[K] }
): (s: CorridorState) => T {
  let last: T | undefined;
  return (state) => {
    if (last !== undefined) {
      let same = true;
      for (let i = 0; i < items.length && same; i++) same = Object.is(items[i]!(state), last[i]);
      if (same) return last;
    }
    return (last = items.map((item) => item(state)) as unknown as T);
  };
}

/**
 * What the panels show: the selection, the language and the year — a new selector (see `tuple`)
 * for each watch.
 */
export const panelSelector = () => tuple(selectSelection, selectLang, selectYear);

/**
 * First and last year the timeline covers: the first opening to the last yearly point; `today`
 * alone when the data has neither. Loops, not Math.min(...): 100,000 routes would overflow.
 */
export function yearRange(data: CorridorData, today: number): [first: number, last: number] {
  let first = Infinity;
  let last = -Infinity;
  const add = (year: number) => {
    if (!Number.isFinite(year)) return;
    first = Math.min(first, year);
    last = Math.max(last, year);
  };
  for (const r of data.routes) add(yearOf(decimalYear(r.properties.opened)));
  for (const s of data.metrics.series) {
    if (s.kind === 'annual') for (const p of s.points) add(Number(p.t));
  }
  return first <= last ? [first, last] : [today, today];
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
  const out: RouteAt[] = [];
  for (const route of data.routes) {
    const progress = growth(openedAt(route), time);
    if (progress > 0) out.push({ route, progress });
  }
  return out;
}

export function isRouteOpen(route: RouteFeature, time: number): boolean {
  return openedAt(route) <= time;
}

/**
 * A route's opening date as a decimal year, worked out once per route: asked for every route on
 * each new year or language (the map's summary), parsing 10,000 dates each time was 30–45 ms of
 * a control's answer at 4× CPU (issue 20). The data is never changed, so the value holds.
 */
const opened = new WeakMap<RouteFeature, number>();
function openedAt(route: RouteFeature): number {
  let year = opened.get(route);
  if (year === undefined) opened.set(route, (year = decimalYear(route.properties.opened)));
  return year;
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

export interface FigureAt {
  /** The point to show for the year: the year's own, or the latest earlier one. */
  point: SeriesPoint | undefined;
  /** True when `point` is from an earlier year (no reported point for the year itself). */
  latest: boolean;
  /** The year's own point when it is unverified: mentioned, never the headline. */
  unverified: SeriesPoint | undefined;
}

/** The year a point stands for: an annual point's year, a cumulative point's date's year. */
export const pointYear = (p: SeriesPoint): number => Number(p.t.slice(0, 4));

/**
 * What a panel shows for `series` at `year`: the year's own point if it is reported or derived;
 * otherwise the latest earlier such point, marked as the latest ("2023: 5,351 trains — latest
 * reported"), rather than "no figure" while an earlier figure exists. An unverified point is
 * never the headline; it is returned apart so the panel can name it as unverified.
 */
export function figureAt(series: Series, year: number): FigureAt {
  const own = seriesPointAt(series, year);
  const unverified = own?.status === 'unverified' ? own : undefined;
  if (own && !unverified) return { point: own, latest: false, unverified };
  let latest: SeriesPoint | undefined;
  for (const p of series.points) {
    if (p.status !== 'unverified' && pointYear(p) < year) latest = p;
  }
  return { point: latest, latest: latest !== undefined, unverified };
}
