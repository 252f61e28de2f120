/**
 * Scrollytelling without code, the pure half (the DOM half is src/embed/scrolly.ts; both are
 * bundled into embed.js, so keep them small). An article marks its steps
 *
 *     <section data-corridor-step data-year="2017" data-route="land-sea">…</section>
 *
 * and each step, once it reaches the middle of the viewport, becomes host commands
 * (src/embed/hostMessages.ts) for one map: the nearest snippet before it in document order, or
 * the snippet whose `id` its `data-corridor-target` names.
 *
 * A step states the whole view: its year (or the year stays), its hub or route (or nothing
 * selected) and whether the timeline plays from there (`data-play`), so scrolling back up to a
 * step gives back that step's view. A bad attribute is left out with a problem to warn about.
 */
import { SLUG } from '../data/ids.ts';
// Types only: nothing of hostMessages.ts is bundled into embed.js.
import type { HostCommand } from './hostMessages.ts';

export const STEP_SELECTOR = '[data-corridor-step]';

/**
 * The band a step must cross to become the map's state: the viewport's middle line (the root's
 * top and bottom both pulled in by half its height). Chromium reports a step that spans the line
 * as intersecting, though the intersection has no area.
 */
export const STEP_BAND = '-50% 0px -50% 0px';

/** Years a step may name: the frame clamps to its data's years, this only keeps out nonsense. */
export const STEP_YEARS = { min: 1990, max: 2100 } as const;

export interface Step {
  year: number | null;
  /** What the step selects; null clears the selection. */
  select: { kind: 'hub' | 'route'; id: string } | null;
  play: boolean;
}

/** The attributes of a step element, as `element.dataset` gives them. */
export type StepAttributes = Readonly<Record<string, string | undefined>>;

/**
 * One step's view from its attributes, and what was wrong with them (each left out): a year
 * of four digits in STEP_YEARS, one hub or route id (SLUG), `data-play` present and not 0/false.
 */
export function parseStep(dataset: StepAttributes): { step: Step; problems: string[] } {
  const problems: string[] = [];
  const bad = (name: string, value: string) =>
    problems.push(`data-${name}=${JSON.stringify(value.slice(0, 100))} ignored`);

  let year: number | null = null;
  const rawYear = dataset.year;
  if (rawYear !== undefined) {
    const value = Number(rawYear);
    if (/^\s*\d{4}\s*$/.test(rawYear) && value >= STEP_YEARS.min && value <= STEP_YEARS.max)
      year = value;
    else bad('year', rawYear);
  }

  let select: Step['select'] = null;
  for (const kind of ['hub', 'route'] as const) {
    const raw = dataset[kind];
    if (raw === undefined) continue;
    const id = raw.trim();
    // One selection per step: with both, the hub's.
    if (!select && id.length <= 100 && SLUG.test(id)) select = { kind, id };
    else bad(kind, raw);
  }

  const play = dataset.play !== undefined && !/^\s*(0|false)\s*$/i.test(dataset.play);
  return { step: { year, select, play }, problems };
}

/**
 * The commands that put a map in a step's view. Always ends with play or pause, so that a step
 * after a playing one stops the timeline; with reduced motion a step never plays.
 */
export function stepCommands(step: Step, reducedMotion: boolean): HostCommand[] {
  const commands: HostCommand[] = [];
  if (step.year !== null) commands.push({ type: 'corridor:setYear', year: step.year });
  commands.push(
    step.select
      ? { type: 'corridor:select', id: step.select.id, kind: step.select.kind }
      : { type: 'corridor:select', id: null },
  );
  commands.push({ type: step.play && !reducedMotion ? 'corridor:play' : 'corridor:pause' });
  return commands;
}

/** A snippet (`map`, with its element's `id`) or a step (with its `data-corridor-target`). */
export type Placed = { map: true; id: string } | { map: false; target: string | undefined };

/**
 * The index in `items` (snippets and steps in document order) of the snippet that step `i`
 * drives: the one whose id its target names, wherever it is, else the nearest one before it;
 * null when there is none (or `i` is not a step).
 */
export function bindStep(items: readonly Placed[], i: number): number | null {
  const item = items[i];
  if (!item || item.map) return null;
  const target = item.target?.trim();
  if (target) {
    const found = items.findIndex((m) => m.map && m.id === target);
    return found < 0 ? null : found;
  }
  for (let k = i - 1; k >= 0; k--) if (items[k]?.map) return k;
  return null;
}
