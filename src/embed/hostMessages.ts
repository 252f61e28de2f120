/**
 * Talking with the host page (DESIGN §4) through `postMessage`, so that an article can drive the
 * map as the reader scrolls and follow what the reader does in it.
 *
 * Events, frame → parent (posted to `window.parent` with target origin `*`: they carry ids and
 * years, nothing private):
 * - `{ type: 'corridor:ready', year, lang, kind, id, version }` once, when the map can take
 *   commands (`version`: package.json's, stamped by the build, so an article can tell which it got);
 * - `{ type: 'corridor:select', kind: 'hub' | 'route' | null, id: string | null }`;
 * - `{ type: 'corridor:year', year }` when the whole year shown changes (once a year while playing);
 * - `{ type: 'corridor:view', view: 'loading' | 'live' | 'lite' }` when the live (WebGL) map is
 *   reached for, when it has drawn, and when the lite view is back (released, context lost, the
 *   live map failed): embed.js counts the maps that hold a context (loading or live) with it.
 *
 * Commands, parent → frame (accepted only when `event.source` is `window.parent`):
 * - `{ type: 'corridor:setYear', year: 2019 }`;
 * - `{ type: 'corridor:select', id: 'xian' }` (`kind: 'hub' | 'route'` optional; `id: null` closes);
 * - `{ type: 'corridor:play' }`, `{ type: 'corridor:pause' }`;
 * - `{ type: 'corridor:release' }`: give the WebGL context back (too many live maps on the page);
 *   the map shows its lite view and goes live again when it next comes into view.
 * Anything else is ignored without a word.
 */
import { isRecord, SLUG } from '../data/ids.ts';
import type { CorridorState, CorridorStore, Selection } from '../state/store.ts';
import {
  findHub,
  findRoute,
  sameSelection,
  selectSelection,
  selectYear,
  tuple,
} from '../state/selectors.ts';
import { watch } from '../state/watch.ts';
import { MAP_VERSION } from '../shared/version.ts';
import { yearOf } from '../data/time.ts';
import type { ShownView } from './mapView.ts';

export type HostEvent =
  | {
      type: 'corridor:ready';
      year: number;
      lang: string;
      kind: 'hub' | 'route' | null;
      id: string | null;
      version: string;
    }
  | { type: 'corridor:select'; kind: 'hub' | 'route' | null; id: string | null }
  | { type: 'corridor:year'; year: number }
  | { type: 'corridor:view'; view: ShownView };

export type HostCommand =
  | { type: 'corridor:setYear'; year: number }
  | { type: 'corridor:select'; id: string | null; kind?: 'hub' | 'route' }
  | { type: 'corridor:play' }
  | { type: 'corridor:pause' }
  | { type: 'corridor:release' };

/** A command from the parent, or null for any shape that is not exactly one of ours. */
export function parseCommand(data: unknown): HostCommand | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'corridor:setYear':
      return typeof data.year === 'number' && Number.isInteger(data.year)
        ? { type: data.type, year: data.year }
        : null;
    case 'corridor:select': {
      const { id, kind } = data;
      if (kind !== undefined && kind !== 'hub' && kind !== 'route') return null;
      if (id === null) return { type: data.type, id: null };
      if (typeof id !== 'string' || !SLUG.test(id)) return null;
      return kind ? { type: data.type, id, kind } : { type: data.type, id };
    }
    case 'corridor:play':
    case 'corridor:pause':
    case 'corridor:release':
      return { type: data.type };
    default:
      return null;
  }
}

/** What a command may ask of the map view rather than of the store. */
export interface HostView {
  release(): void;
}

/** Applies a command to the store (or the view). An id the data lacks leaves the selection. */
export function applyCommand(store: CorridorStore, command: HostCommand, view?: HostView): void {
  const s = store.getState();
  switch (command.type) {
    case 'corridor:release':
      return view?.release();
    case 'corridor:setYear':
      s.pause();
      s.setYear(command.year);
      return;
    case 'corridor:select': {
      const { id, kind } = command;
      if (id === null) return s.select(null);
      const next: Selection =
        (kind ?? (findHub(s.data, id) ? 'hub' : 'route')) === 'hub'
          ? { kind: 'hub', id }
          : { kind: 'route', id };
      const exists = next.kind === 'hub' ? findHub(s.data, id) : findRoute(s.data, id);
      if (exists && !sameSelection(s.selection, next)) s.select(next);
      return;
    }
    case 'corridor:play':
      return s.play();
    case 'corridor:pause':
      return s.pause();
  }
}

/** The events a change of state makes (none for a change of the same selection or year). */
export function eventsFor(state: CorridorState, previous: CorridorState): HostEvent[] {
  const events: HostEvent[] = [];
  if (!sameSelection(state.selection, previous.selection)) {
    events.push({
      type: 'corridor:select',
      kind: state.selection?.kind ?? null,
      id: state.selection?.id ?? null,
    });
  }
  const year = yearOf(state.time);
  if (year !== yearOf(previous.time)) events.push({ type: 'corridor:year', year });
  return events;
}

/** Tells the parent which view shows (see `corridor:view`); nothing when not framed. */
export function postView(view: ShownView, win: Pick<HostWindow, 'parent'> = window): void {
  if ((win.parent as unknown) === win) return;
  const event: HostEvent = { type: 'corridor:view', view };
  win.parent.postMessage(event, '*');
}

export function readyEvent(state: CorridorState): HostEvent {
  return {
    type: 'corridor:ready',
    year: yearOf(state.time),
    lang: state.lang,
    kind: state.selection?.kind ?? null,
    id: state.selection?.id ?? null,
    version: MAP_VERSION,
  };
}

/** The part of `window` this module uses, so that tests can hand in a fake. */
export interface HostWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Connects the store to the parent window: posts events, applies commands. Posts
 * `corridor:ready` at once. Returns the teardown; a page that is not framed gets a no-op.
 */
export function connectHost(
  store: CorridorStore,
  win: HostWindow = window,
  view?: HostView,
): () => void {
  if ((win.parent as unknown) === win) return () => {};
  const post = (event: HostEvent) => win.parent.postMessage(event, '*');
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    const command = parseCommand(event.data);
    if (command) applyCommand(store, command, view);
  };
  win.addEventListener('message', onMessage);
  // One watch for what the host hears about: a change of selection (by kind and id) or of the
  // whole year; eventsFor says which.
  let previous = store.getState();
  const unsubscribe = watch(
    store,
    tuple(selectSelection, selectYear),
    () => {
      const state = store.getState();
      eventsFor(state, previous).forEach(post);
      previous = state;
    },
    { immediate: false },
  );
  post(readyEvent(store.getState()));
  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage);
  };
}
