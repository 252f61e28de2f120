/**
 * What period a series point stands for, and how fresh the data is. Pure date arithmetic on ISO
 * strings: the one rule behind every view that says "Jan–Mar 2024" or "Data as of …", and behind
 * `npm run validate`'s staleness warning.
 */
import type { CorridorData, Series, SeriesPoint } from './types.ts';

/** The ISO day a point's value stands at: its `through`, the end of its year, or its own day. */
export function pointDate(series: Pick<Series, 'kind'>, point: SeriesPoint): string {
  if (point.through) return point.through;
  if (series.kind === 'annual') return `${point.t}-12-31`;
  // A cumulative point dated to the month or year stands at that period's end.
  if (point.t.length === 4) return `${point.t}-12-31`;
  if (point.t.length === 7) return `${point.t}-${String(lastDayOfMonth(point.t)).padStart(2, '0')}`;
  return point.t;
}

/** True for a value that covers part of its year only (`through`): never the year's figure. */
export const isPartial = (point: SeriesPoint): boolean => point.through !== undefined;

function lastDayOfMonth(isoMonth: string): number {
  const [y, m] = isoMonth.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A part-year period as the views name it: the first and last month when it runs to a month's
 * end (`{ months: [1, 3] }`, January to March), else the last day (`{ day: '2025-12-30' }`).
 */
export type PartialPeriod =
  { year: number; months: [first: number, last: number] } | { year: number; day: string };

export function partialPeriod(through: string): PartialPeriod {
  const [y, m, d] = through.split('-').map(Number) as [number, number, number];
  return d === lastDayOfMonth(through.slice(0, 7))
    ? { year: y, months: [1, m] }
    : { year: y, day: through };
}

/** The newest date a series' points stand at (unverified points aside), or undefined. */
export function newestDate(series: Series): string | undefined {
  let newest: string | undefined;
  for (const p of series.points) {
    if (p.status === 'unverified') continue;
    const date = pointDate(series, p);
    if (newest === undefined || date > newest) newest = date;
  }
  return newest;
}

/**
 * "Data as of": the newest date any shown value stands at — a news graphic's "last updated",
 * taken from the data itself so that it moves when a desk adds a point, never by hand.
 */
export function dataAsOf(data: CorridorData): string | undefined {
  let newest: string | undefined;
  for (const s of data.metrics.series) {
    const date = newestDate(s);
    if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}

export interface StaleSeries {
  id: string;
  /** Undefined when the series has no point to date it by. */
  newest: string | undefined;
}

/**
 * Series with no point newer than `months` months before `today` (ISO day): what a desk should
 * update next. Month arithmetic on the calendar, so that 18 months before 2026-12-05 is 2025-06-05.
 */
/** How old a series' newest point may be before `npm run validate` names it. */
export const STALE_MONTHS = 18;

export function staleSeries(
  data: CorridorData,
  today: string,
  months = STALE_MONTHS,
): StaleSeries[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
  return data.metrics.series
    .map((s) => ({ id: s.id, newest: newestDate(s) }))
    .filter((s) => s.newest === undefined || s.newest < cutoff);
}
