/**
 * How values become drawing, the same in every view: line widths from a year's trains, how many
 * trains move. Drawing values only: never shown as figures (the panels show reported points).
 */
import type { Series } from './types.ts';

/** Line widths in pixels. Square root so that area, not width, follows the number of trains. */
export const WIDTH = { none: 1.5, min: 2.5, max: 9 };

export const MAX_TRAINS_PER_ROUTE = 3;

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

export function volumeWidth(value: number | undefined, maxVolume: number): number {
  if (value === undefined) return WIDTH.none;
  return WIDTH.min + (WIDTH.max - WIDTH.min) * Math.sqrt(Math.max(0, value) / maxVolume);
}

/** A route's line width in `year`: its width series' value for that year (mid-year). */
export function widthInYear(series: Series | undefined, year: number, maxVolume: number): number {
  return volumeWidth(series && drawingValueAt(series, year + 0.5), maxVolume);
}

/** How many trains move on a route in a year: more trains where the yearly figure is higher. */
export function trainsInYear(series: Series | undefined, year: number, maxVolume: number): number {
  const value = series && drawingValueAt(series, year + 0.5);
  if (value === undefined) return 1;
  return 1 + Math.round((MAX_TRAINS_PER_ROUTE - 1) * Math.sqrt(value / maxVolume));
}

/**
 * The most trains a route ever runs (trainsInYear at its largest yearly point): the trains the
 * live map builds for it, so that no train is drawn only to be filtered out in every year.
 */
export function mostTrains(series: Series | undefined, maxVolume: number): number {
  if (series?.kind !== 'annual' || !series.points.length) return trainsInYear(undefined, 0, 1);
  let top = series.points[0]!;
  for (const p of series.points) if (p.value > top.value) top = p;
  return trainsInYear(series, Number(top.t), maxVolume);
}
