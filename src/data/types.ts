/**
 * The data contract of `geo/` (DESIGN §2). These are the shapes *after* validation:
 * everything here has been checked by `validate.ts`, so consumers can trust ids resolve,
 * numbers are finite and dates parse.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

/** A text in both interface languages. */
export interface Localized {
  zh: string;
  en: string;
}

export type Lang = keyof Localized;
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** How far a reported value can be trusted (CORRIDORS.md: V, D, U). */
export type Status = 'reported' | 'derived' | 'unverified';
export const STATUSES: readonly Status[] = ['reported', 'derived', 'unverified'];

/**
 * How the source phrased the number: `over` for 余/多/超过/"6300+", `under` for 不足/"under 20",
 * `about` for 约/≈, `target` for a goal the source sets rather than a result.
 */
export type Qualifier = 'exact' | 'over' | 'under' | 'about' | 'target';
export const QUALIFIERS: readonly Qualifier[] = ['exact', 'over', 'under', 'about', 'target'];

/**
 * Units the interface knows how to write in both languages (i18n/units.ts).
 * `yuan` values are in yuan (478.8 billion = 478800000000); `percent` values are
 * percentages (153.42 means 153.42 %); `minutes` is a duration.
 */
export const UNITS = [
  'trains',
  'yuan',
  'percent',
  'enterprises',
  'countries-regions',
  'countries',
  'ports',
  'provinces',
  'corridors',
  'lines',
  'routes',
  'categories',
  'kinds',
  'warehouses',
  'showrooms',
  'centres',
  'stations',
  'services',
  'cities',
  'sites',
  'bases',
  'days',
  'minutes',
  'teu',
  'tonnes',
] as const;
export type Unit = (typeof UNITS)[number];

/** One figure of a hub, as a source states it. */
export interface Figure {
  /** Unique within its hub; links and tests use it. */
  id: string;
  label: Localized;
  value: number;
  unit: Unit;
  /** ISO date (YYYY-MM-DD) the figure stands at. */
  asOf: string;
  /** Id of a source in metrics.json. */
  source: string;
  status: Status;
  qualifier: Qualifier;
  /** The source's own Chinese wording, for the zh panel. */
  quote?: string;
}

/** A statement of a hub that is not a single number (e.g. "first overseas warehouse in Vientiane"). */
export interface Note {
  id: string;
  text: Localized;
  asOf: string;
  source: string;
  quote?: string;
}

export interface HubProperties {
  id: string;
  name: Localized;
  province: Localized;
  role: Localized;
  figures: Figure[];
  notes: Note[];
  /** Id of a source in metrics.json for the coordinates. */
  coordSource: string;
}

export type PlaceKind = 'terminal' | 'port' | 'border' | 'city';
export const PLACE_KINDS: readonly PlaceKind[] = ['terminal', 'port', 'border', 'city'];

export interface PlaceProperties {
  id: string;
  name: Localized;
  kind: PlaceKind;
  coordSource: string;
}

export type Corridor = 'china-europe' | 'china-laos' | 'new-western-land-sea';
export const CORRIDORS: readonly Corridor[] = [
  'china-europe',
  'china-laos',
  'new-western-land-sea',
];

export type Mode = 'rail' | 'rail-sea' | 'sea';
export const MODES: readonly Mode[] = ['rail', 'rail-sea', 'sea'];

export interface RouteProperties {
  id: string;
  corridor: Corridor;
  name: Localized;
  /** Hub or place id of the origin; the line's first coordinate is there. */
  from: string;
  /** Hub or place id of the destination; the line's last coordinate is there. */
  to: string;
  /**
   * Hub or place ids the route calls at, in order, from `from` to `to` inclusive.
   * One arc is drawn per consecutive pair (a "leg").
   */
  stops: string[];
  mode: Mode;
  /** ISO date of the first train. */
  opened: string;
  /** Source id for the opening date. */
  openedSource: string;
  /** True where the line is drawn through waypoints rather than surveyed. */
  schematic: boolean;
  /** Ids of series in metrics.json about this route; the first one sets the arc width. */
  series: string[];
}

/**
 * How far (km) a route's stop may sit from the line's nearest vertex: the data is rounded to 4
 * decimals. Part of the contract because validation (validateRoutes) and drawing (layers/derive)
 * must find the same vertex for a stop.
 */
export const STOP_TOLERANCE_KM = 1;

export type HubFeature = Feature<Point, HubProperties>;
export type PlaceFeature = Feature<Point, PlaceProperties>;
export type RouteFeature = Feature<LineString, RouteProperties>;

/**
 * Where a figure comes from. `publisher` and `date` are required (validation reports a source
 * without them): a reader who follows a figure must reach an outlet and a date. A reprint names
 * the original outlet in its title ("reprint of …").
 */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO date of publication (YYYY-MM-DD, YYYY-MM or YYYY). */
  date: string;
  url?: string;
}

export interface SeriesPoint {
  /** Year (`2022`) for annual series, ISO date for cumulative ones. */
  t: string;
  value: number;
  status: Status;
  source: string;
  qualifier: Qualifier;
  /** Partial periods: the date the value runs to (e.g. "2023 to 31 October"). */
  through?: string;
  /**
   * What the count covers where sources draw the line differently (a slug, e.g. `yiwu-platform`
   * against `yiwu-and-jinhua`). Every point of one series carries the same scope, or none does:
   * validation reports a point whose scope differs and leaves it out, so no line joins two scopes.
   */
  scope?: string;
  note?: Localized;
}

/** `annual`: a value per calendar year; `cumulative`: a running total at dates. */
export type SeriesKind = 'annual' | 'cumulative';

export interface Series {
  id: string;
  /** Hub, route or corridor id the series describes. */
  subject: string;
  metric: Localized;
  kind: SeriesKind;
  unit: Unit;
  points: SeriesPoint[];
  /** What the series counts, when definitions differ between sources. */
  definition?: Localized;
}

/**
 * Something that happened on a day, told on the timeline: a mark on the year slider, a caption
 * with its source as play passes it, a row of the data table. `route` and `hub` name what the
 * map highlights while the caption shows.
 */
export interface TimelineEvent {
  /** Unique among the events; a lower-case slug. */
  id: string;
  /** ISO day (YYYY-MM-DD) it happened. */
  date: string;
  /** One short sentence in each language. */
  text: Localized;
  /** Id of a source in metrics.json. */
  source: string;
  /** Id of a route in routes.geojson. */
  route?: string;
  /** Id of a hub in hubs.geojson. */
  hub?: string;
}

export interface Metrics {
  sources: Source[];
  series: Series[];
  /** In date order (validation sorts them); empty when metrics.json has none. */
  events: TimelineEvent[];
}

/** Everything a map instance draws, validated. */
export interface CorridorData {
  hubs: HubFeature[];
  places: PlaceFeature[];
  routes: RouteFeature[];
  metrics: Metrics;
}

export type HubCollection = FeatureCollection<Point, HubProperties>;
export type PlaceCollection = FeatureCollection<Point, PlaceProperties>;
export type RouteCollection = FeatureCollection<LineString, RouteProperties>;

/** The raw file contents before validation, keyed by file name. */
export interface RawFiles {
  'hubs.geojson': unknown;
  'places.geojson': unknown;
  'routes.geojson': unknown;
  'metrics.json': unknown;
}
export type DataFile = keyof RawFiles;
export const DATA_FILES: readonly DataFile[] = [
  'hubs.geojson',
  'places.geojson',
  'routes.geojson',
  'metrics.json',
];
