import type { CorridorState } from '../state/store.ts';
import { yearOf } from '../data/time.ts';
import { parseOptions, type MapOptions } from './options.ts';

/** The parts of the view a link carries. */
export type ViewOptions = Pick<MapOptions, 'hub' | 'route' | 'year' | 'lang'>;
const KEYS = ['hub', 'route', 'year', 'lang'] as const;

/**
 * Reads `#hub=xian&year=2019&lang=en` (or `route=` for a route). Bad values fall back to the
 * defaults with one warning (parseOptions); unknown keys are ignored. Never throws.
 */
export function parseHash(hash: string, warn?: (message: string) => void): ViewOptions {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw: Record<string, string | undefined> = {};
  for (const key of KEYS) raw[key] = params.get(key) ?? undefined;
  const { hub, route, year, lang } = parseOptions(raw, warn);
  return {
    ...(hub !== undefined && { hub }),
    ...(route !== undefined && hub === undefined && { route }),
    ...(year !== undefined && { year }),
    ...(lang !== undefined && { lang }),
  };
}

/** The hash for a view; the same view always gives the same string. */
export function serializeHash(state: Pick<CorridorState, 'selection' | 'time' | 'lang'>): string {
  const params = new URLSearchParams();
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  params.set('year', String(yearOf(state.time)));
  params.set('lang', state.lang);
  return '#' + params.toString();
}
