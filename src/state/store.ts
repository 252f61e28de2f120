import { createStore } from 'zustand/vanilla';
import type { Problem } from '../data/problems.ts';
import type { CorridorData, Lang } from '../data/types.ts';
import { findHub, findRoute, yearRange } from './selectors.ts';
import { yearEnd, yearOf } from '../data/time.ts';

export type Selection = { kind: 'hub'; id: string } | { kind: 'route'; id: string } | null;

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** Years of map time per second of play at speed 1. */
export const YEARS_PER_SECOND = 0.8;

export interface CorridorOptions {
  lang?: Lang;
  /** Hub or route id to open. */
  hub?: string;
  route?: string;
  /** Year to show; defaults to the last year of the data. */
  year?: number;
  autoplay?: boolean;
  speed?: Speed;
  /** From `prefers-reduced-motion`: play steps by whole years and nothing moves. */
  reducedMotion?: boolean;
  /** Problems found while loading, shown to the reader. */
  problems?: Problem[];
  /** This year, for data with no dates at all; the caller reads the clock, not the store. */
  today?: number;
}

export interface CorridorState {
  data: CorridorData;
  problems: Problem[];
  lang: Lang;
  selection: Selection;
  /** Decimal year drawn now (see time.ts). */
  time: number;
  /** First and last year of the timeline. */
  range: [number, number];
  playing: boolean;
  speed: Speed;
  reducedMotion: boolean;

  select(selection: Selection): void;
  setLang(lang: Lang): void;
  /** Show a whole year (end-of-year state), clamped to the range. */
  setYear(year: number): void;
  stepYear(delta: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  setReducedMotion(reduced: boolean): void;
  /**
   * Advances play by `seconds` of wall time. Called by the animation clock; stops at the last
   * year. With reduced motion the time moves in whole years, about one a second.
   */
  tick(seconds: number): void;
}

function validSelection(data: CorridorData, selection: Selection): Selection {
  if (selection?.kind === 'hub' && findHub(data, selection.id)) return selection;
  if (selection?.kind === 'route' && findRoute(data, selection.id)) return selection;
  return null;
}

/**
 * One store per map instance (zustand's "store per component" pattern): two maps on a page
 * never share a selection or a clock.
 */
export function createCorridorStore(data: CorridorData, options: CorridorOptions = {}) {
  const range = yearRange(data, options.today ?? new Date().getUTCFullYear());
  // A year from a URL or a host page can be NaN ("year=abc"); a NaN time would blank every
  // layer, so a year that is not a number leaves the year as it was (`current`).
  const clampYear = (y: number, current: number) =>
    Number.isFinite(y) ? Math.min(range[1], Math.max(range[0], Math.round(y))) : current;
  const initialSelection: Selection = options.hub
    ? { kind: 'hub', id: options.hub }
    : options.route
      ? { kind: 'route', id: options.route }
      : null;
  // Accumulated wall time in reduced-motion play, so that whole-year steps keep a steady pace.
  let pending = 0;

  return createStore<CorridorState>()((set, get) => ({
    data,
    problems: options.problems ?? [],
    lang: options.lang ?? 'zh',
    selection: validSelection(data, initialSelection),
    time: yearEnd(clampYear(options.year ?? range[1], range[1])),
    range,
    playing: false,
    speed: options.speed ?? 1,
    reducedMotion: options.reducedMotion ?? false,

    select: (selection) => set({ selection: validSelection(get().data, selection) }),
    setLang: (lang) => set({ lang }),
    setYear: (year) => set({ time: yearEnd(clampYear(year, yearOf(get().time))) }),
    stepYear: (delta) => {
      const current = yearOf(get().time);
      set({ time: yearEnd(clampYear(current + delta, current)) });
    },
    play: () => {
      pending = 0;
      // Playing from the end starts over, as a reader who presses play at the end expects.
      if (yearOf(get().time) >= range[1]) {
        set({ time: get().reducedMotion ? yearEnd(range[0]) : range[0] });
      }
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
    tick: (seconds) => {
      const { playing, time, speed, reducedMotion } = get();
      if (!playing) return;
      const advance = seconds * speed * YEARS_PER_SECOND;
      if (reducedMotion) {
        pending += advance;
        if (pending < 1) return;
        pending -= 1;
        const next = yearOf(time) + 1;
        set({ time: yearEnd(Math.min(next, range[1])), playing: next < range[1] });
        return;
      }
      const next = time + advance;
      if (next >= yearEnd(range[1])) set({ time: yearEnd(range[1]), playing: false });
      else set({ time: next });
    },
  }));
}

export type CorridorStore = ReturnType<typeof createCorridorStore>;
