/**
 * How values become drawing, the same in every view: line widths from a year's trains, how many
 * trains move. Drawing values only: never shown as figures (the panels show reported points).
 */
import type { Series, SeriesPoint } from './types.ts';

/** Line widths in pixels. Square root so that area, not width, follows the number of trains. */
export const WIDTH = { none: 1.5, min: 2.5, max: 9 };

export const MAX_TRAINS_PER_ROUTE = 3;

/**
 * A value for drawing only (line widths while time moves): linear between an annual series'
 * whole-year points, placed mid-year, and undefined outside them. A part-year point (`through`)
 * is never drawn as a year's width: a quarter's tonnes or ten months' trains are left out, as if
 * the year had no figure. Never shown as a figure.
 */
export function drawingValueAt(series: Series, time: number): number | undefined {
  if (series.kind !== 'annual') return undefined;
  // One pass, no arrays: the widths are asked for every route whenever the year changes.
  let before: SeriesPoint | undefined;
  let after: SeriesPoint | undefined;
  for (const p of series.points) {
    if (p.through) continue;
    const x = Number(p.t) + 0.5;
    if (x <= time) before = p;
    else if (!after) after = p;
  }
  if (before && after) {
    const [x0, x1] = [Number(before.t) + 0.5, Number(after.t) + 0.5];
    return before.value + ((after.value - before.value) * (time - x0)) / (x1 - x0);
  }
  // Outside the points: the nearest one within half a year (its own year), else nothing.
  const only = before ?? after;
  if (!only || Math.abs(time - (Number(only.t) + 0.5)) > 0.5) return undefined;
  return only.value;
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
  let top: SeriesPoint | undefined;
  if (series?.kind === 'annual') {
    for (const p of series.points) if (!p.through && (!top || p.value > top.value)) top = p;
  }
  return top ? trainsInYear(series, Number(top.t), maxVolume) : trainsInYear(undefined, 0, 1);
}
