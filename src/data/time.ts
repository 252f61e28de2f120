/**
 * Time on the map is a decimal year: 2013.5 is the middle of 2013. A whole year `Y` shown on its
 * own (a link, a slider step) means the state at the end of that year, `yearEnd(Y)`, so that every
 * route opened during Y is on the map when the reader looks at Y.
 */

/** 2021-12-03 → 2021.92. Dates are validated before they get here. */
export function decimalYear(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const length = Date.UTC(y + 1, 0, 1) - start;
  return y + (Date.UTC(y, m - 1, d) - start) / length;
}

/** The last moment of year Y (31 December), as a decimal year still inside Y. */
export function yearEnd(year: number): number {
  return year + 0.999;
}

/** The calendar year a decimal time falls in. */
export function yearOf(time: number): number {
  return Math.floor(time);
}

/**
 * How long a route takes to grow from origin to destination on the map, in years. The growth
 * ends by the close of the opening year at the latest, so that a year viewed on its own never
 * shows a half-drawn route.
 */
export const GROW_YEARS = 0.5;

export function growWindow(opened: number): [start: number, end: number] {
  return [opened, growEnd(opened)];
}

const growEnd = (opened: number) => Math.min(opened + GROW_YEARS, yearEnd(yearOf(opened)));

/**
 * Fraction (0…1) of a route drawn at `time`. No array: the lite view asks it of every route on
 * every frame while playing.
 */
export function growth(opened: number, time: number): number {
  const start = opened;
  const end = growEnd(opened);
  if (time < start) return 0;
  if (time >= end || end <= start) return 1;
  return (time - start) / (end - start);
}

/**
 * The moment the map draws for a state: the time itself, or with reduced motion the end of its
 * year, so that a route is whole or absent, never half-grown. The one year-to-time rule of
 * every view.
 */
export function drawTime(time: number, reducedMotion: boolean): number {
  return reducedMotion ? yearEnd(yearOf(time)) : time;
}
