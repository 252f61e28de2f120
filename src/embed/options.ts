import { SLUG } from '../data/ids.ts';
import { looksLikeDate, parseSnapshotDate } from '../data/snapshots.ts';
import { LANGS, type CorridorData, type Lang } from '../data/types.ts';
import { findHub, findRoute, yearRange } from '../state/selectors.ts';
import type { Theme } from '../shared/colors.ts';
import { SPEEDS, type CorridorOptions, type Speed } from '../state/store.ts';
import {
  CONTROLS,
  FRAME_KEYS,
  LIVE_MODES,
  THEMES,
  type Control,
  type LiveMode,
} from './optionsSchema.ts';
import { quote, sameOriginFolder } from './urls.ts';

/** Options of one map, from data attributes, the URL or code; all optional, all checked. */
export interface MapOptions extends Pick<
  CorridorOptions,
  'lang' | 'hub' | 'route' | 'year' | 'autoplay' | 'speed'
> {
  theme?: Theme | 'auto';
  /**
   * Which data the map shows: a snapshot date (`2026-12-05`: the build's dated copy
   * `geo/2026-12-05/` beside the page, see src/data/snapshots.ts), or a folder holding the four
   * data files as an absolute URL on the page's own origin, inside the page's folder (urls.ts
   * `sameOriginFolder`); anything else is refused. Absent: the current data, `geo/`.
   */
  data?: string;
  /**
   * Which optional parts show (`controls=timeline,legend`); absent: the default view. The map,
   * the title and a selected item's panel always show; without WebGL the table always shows.
   */
  controls?: Control[];
  /** When the live (WebGL) map loads; see mapView.ts. Default: `interaction` (every page). */
  live?: LiveMode;
}

export { CONTROLS, LIVE_MODES, type Control, type LiveMode } from './optionsSchema.ts';

/** Every key parseOptions reads: the options of the schema the frame takes. */
export const OPTION_KEYS: readonly string[] = FRAME_KEYS;

/**
 * Normalises raw option strings at the boundary (like Observable Plot): a bad value is dropped
 * with one warning naming it, and the map opens with the default instead. Ids are only checked
 * for shape here; whether they exist is the store's business. `page` is the URL `data` is
 * resolved against (the page's own; without one, as in Node, `data` is refused).
 */
export function parseOptions(
  raw: Record<string, string | undefined>,
  warn: (message: string) => void = console.warn,
  page: string | undefined = globalThis.location?.href,
): MapOptions {
  const out: MapOptions = {};
  const bad: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    switch (key) {
      case 'lang':
        if (LANGS.includes(value as Lang)) out.lang = value as Lang;
        else bad.push(`lang=${value}`);
        break;
      case 'hub':
      case 'route':
        if (SLUG.test(value)) out[key] = value;
        else bad.push(`${key}=${value}`);
        break;
      case 'year': {
        const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
        if (year > 1990 && year < 2100) out.year = year;
        else bad.push(`year=${value}`);
        break;
      }
      case 'autoplay':
        if (value === '1' || value === 'true' || value === '') out.autoplay = true;
        else if (value === '0' || value === 'false') out.autoplay = false;
        else bad.push(`autoplay=${value}`);
        break;
      case 'speed':
        if (SPEEDS.includes(Number(value) as Speed)) out.speed = Number(value) as Speed;
        else bad.push(`speed=${value}`);
        break;
      case 'theme':
        if (THEMES.includes(value as Theme)) out.theme = value as Theme | 'auto';
        else bad.push(`theme=${value}`);
        break;
      case 'controls': {
        const words = value.split(/[\s,]+/).filter(Boolean);
        const known = words.filter((w): w is Control => CONTROLS.includes(w as Control));
        const unknown = words.filter((w) => w !== 'none' && !known.includes(w as Control));
        if (unknown.length) bad.push(`controls=${unknown.join(',')}`);
        // "controls=" or "controls=none": the map alone. Only unknown words: the default view.
        if (known.length || !unknown.length) out.controls = [...new Set(known)];
        break;
      }
      case 'live':
        if (LIVE_MODES.includes(value as LiveMode)) out.live = value as LiveMode;
        else bad.push(`live=${value}`);
        break;
      case 'data': {
        // A date pins a snapshot; a malformed one (`2026-12-5`) is refused, never read as a folder.
        const folder = looksLikeDate(value)
          ? parseSnapshotDate(value)
          : page === undefined
            ? null
            : sameOriginFolder(value, page);
        if (folder) out.data = folder;
        else bad.push(`data=${value}`);
        break;
      }
      default:
        break;
    }
  }
  if (bad.length) {
    warn(
      `corridor-map: ignored invalid option${bad.length > 1 ? 's' : ''} ${bad.map((b) => quote(b)).join(', ')}; using the defaults`,
    );
  }
  return out;
}

/** Query parameters that newsroom loaders add to a frame's URL (pym.js); not ours, not warned. */
const LOADER_PARAMS = new Set(['initialWidth', 'childId', 'parentTitle', 'parentUrl']);

/**
 * Options of `embed.html` from its query string. Bad values and unknown keys are left out with one
 * warning naming them all; the parameters pym.js adds are expected and pass silently. A key given
 * twice counts once, the last.
 */
export function parseEmbedQuery(
  search: string,
  warn: (message: string) => void = console.warn,
  page: string | undefined = globalThis.location?.href,
): MapOptions {
  const raw: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [key, value] of new URLSearchParams(search)) {
    if (OPTION_KEYS.includes(key)) raw[key] = value;
    else if (!LOADER_PARAMS.has(key) && !unknown.includes(key)) unknown.push(key);
  }
  const messages: string[] = [];
  const options = parseOptions(raw, (m) => messages.push(m), page);
  if (unknown.length) {
    messages.push(
      `corridor-map: ignored unknown option${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 10)
        .map((k) => quote(k, 40))
        .join(', ')}`,
    );
  }
  if (messages.length) warn(messages.join('; '));
  return options;
}

/** Options checked against the data: what a map opens with. */
export interface ResolvedOptions extends Omit<MapOptions, 'year' | 'controls' | 'live' | 'theme'> {
  year: number;
  live: LiveMode;
  theme: Theme | 'auto';
  controls?: Control[];
}

/**
 * Checks parsed options against the data (pure): a hub or route the data lacks, or a year outside
 * the data's range, falls back to the default (nothing selected; the last year) with one warning
 * naming them. The one rule for out-of-range values; the page, the embed and `mount` all use it.
 */
export function resolveOptions(
  options: MapOptions,
  data: CorridorData,
  defaults: { live: LiveMode; today: number } = {
    live: 'interaction',
    today: new Date().getUTCFullYear(),
  },
): { options: ResolvedOptions; warnings: string[] } {
  const range = yearRange(data, defaults.today);
  const bad: string[] = [];
  const { year, hub, route, live, theme, ...rest } = options;
  const out: ResolvedOptions = {
    ...rest,
    year: range[1],
    live: live ?? defaults.live,
    theme: theme ?? 'auto',
  };
  if (hub !== undefined) {
    if (findHub(data, hub)) out.hub = hub;
    else bad.push(`hub=${hub}`);
  }
  if (route !== undefined && out.hub === undefined) {
    if (findRoute(data, route)) out.route = route;
    else bad.push(`route=${route}`);
  }
  if (year !== undefined) {
    if (Number.isInteger(year) && year >= range[0] && year <= range[1]) out.year = year;
    else bad.push(`year=${year} (data covers ${range[0]}–${range[1]})`);
  }
  const warnings = bad.length
    ? [`corridor-map: ignored ${bad.map((b) => quote(b)).join(', ')}; using the defaults`]
    : [];
  return { options: out, warnings };
}
