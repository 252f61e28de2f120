import { decimalYear, drawTime, yearOf } from '../data/time.ts';
import type { TimelineEvent } from '../data/types.ts';
import type { CorridorState } from './store.ts';

/**
 * Events on the timeline (metrics.json `events`): which one the map tells now. One rule for every
 * view — the caption under the slider, the highlight in the lite view and in the live map — so
 * that they cannot disagree.
 */

/**
 * How long, in years of map time, a caption stays while playing once its day has passed (unless
 * a later event takes its place): 2.5 s at speed 1, enough to read one sentence and its source.
 */
export const EVENT_HOLD_YEARS = 2;

/** The calendar year of an event. */
export const eventYear = (event: TimelineEvent): number => Number(event.date.slice(0, 4));

/**
 * The event the map tells at `time`: the latest one whose day the drawn time has reached, if it
 * falls in the year shown — or, while playing smoothly, if it passed less than
 * EVENT_HOLD_YEARS ago. So a year viewed on its own (a step, a link, reduced-motion play, one
 * year per step) tells that year's event and no other, and a caption never names a route the map
 * does not draw yet. `events` are in date order (validation sorts them).
 */
export function eventAt(
  events: readonly TimelineEvent[],
  time: number,
  { playing = false, reducedMotion = false } = {},
): TimelineEvent | undefined {
  const now = drawTime(time, reducedMotion);
  const hold = playing && !reducedMotion;
  const times = eventTimes(events);
  let i = -1;
  while (i + 1 < events.length && !(times[i + 1]! > now)) i++;
  const current = events[i];
  if (!current) return undefined;
  const sameYear = eventYear(current) === yearOf(now);
  return sameYear || (hold && now - times[i]! < EVENT_HOLD_YEARS) ? current : undefined;
}

// Each event's day as a decimal year, once per list: `eventAt` runs on every store change for
// every view that follows the events (a pure function's cache, keyed by the immutable list).
const times = new WeakMap<readonly TimelineEvent[], Float64Array>();
function eventTimes(events: readonly TimelineEvent[]): Float64Array {
  let found = times.get(events);
  if (found?.length !== events.length)
    times.set(events, (found = Float64Array.from(events, (e) => decimalYear(e.date))));
  return found;
}

/** The event told for the store's state (see `eventAt`). */
export const selectEvent = (s: CorridorState): TimelineEvent | undefined =>
  eventAt(s.data.metrics.events, s.time, s);

/** Its id, or '' for none: what `watch` compares (changes a few times in a whole play). */
export const selectEventId = (s: CorridorState): string => selectEvent(s)?.id ?? '';

/** The route of the event told now, '' for none. */
export const selectEventRoute = (s: CorridorState): string => selectEvent(s)?.route ?? '';

/** The hub of the event told now, '' for none. */
export const selectEventHub = (s: CorridorState): string => selectEvent(s)?.hub ?? '';

/**
 * What the map highlights for the event told now: `[routeId, hubId]`, '' for none. A new array
 * per call: a view that follows it on every frame watches `tuple(selectEventRoute,
 * selectEventHub)` instead.
 */
export const selectEventHighlight = (s: CorridorState): readonly [route: string, hub: string] => {
  const event = selectEvent(s);
  return [event?.route ?? '', event?.hub ?? ''] as const;
};
