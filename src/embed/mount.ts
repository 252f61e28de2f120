import land from 'virtual:corridor-land';
import { deriveData } from '../data/derive.ts';
import { loadDataFromUrl } from '../data/parse.ts';
import type { Problem } from '../data/problems.ts';
import { looksLikeDate, parseSnapshotDate, snapshotFolder } from '../data/snapshots.ts';
import { DATA_FILES, LANGS } from '../data/types.ts';
import { formatterWarmups } from '../i18n/format.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import type { Theme } from '../shared/colors.ts';
import { h, replace, whenIdle, yieldToMain } from '../shared/dom.ts';
import { startClock } from '../state/clock.ts';
import { createCorridorStore, type CorridorStore } from '../state/store.ts';
import { createHeader } from '../panels/header.ts';
import { createLayout, loadingView } from './layout.ts';
import { createMapView, prefetchLive, type MapView, type ShownView } from './mapView.ts';
import { mountPanels } from './mountPanels.ts';
import { resolveOptions, type MapOptions } from './options.ts';
import { fontWarmups, warmFontsOffThread } from './warmFonts.ts';
import { quote, sameOriginFolder } from './urls.ts';
import { creditOf } from './houseValues.ts';
import './corridor-map.css';
// The house style after the default (src/build/housePlugin.ts): its values win by coming last.
import 'virtual:corridor-house.css';

export interface MountOptions extends MapOptions {
  /** Where a warning about a bad option goes; console.warn by default. */
  warn?: (message: string) => void;
  /** Override for tests: pretend WebGL is missing. */
  webgl?: boolean;
  /**
   * Called as soon as the map's store exists, before the map has drawn: a host page can listen
   * and send commands from then on instead of waiting for the first frame.
   */
  onStore?: (store: CorridorStore) => void;
  /**
   * Told when the live map is reached for (`loading`: it takes a WebGL context), when it has drawn
   * (`live`) and when the lite view shows again (`lite`: released, lost, or it failed to load).
   */
  onView?: (view: ShownView) => void;
}

export interface MountedMap {
  store: CorridorStore;
  /** Removes the map, the overlay, listeners and every element this mount made. */
  destroy(): void;
  /** Where a [lon, lat] position is on screen, in viewport pixels, in the view shown. */
  project(lon: number, lat: number): [x: number, y: number] | undefined;
  /** Loads the live (WebGL) map now; resolves true once it has drawn, false without WebGL. */
  goLive(): Promise<boolean>;
  /**
   * Gives the live map's WebGL context back (the lite view shows); it goes live again when the
   * map next comes into view. For pages that count contexts across frames (embed.js).
   */
  release(): void;
}

/** The mounted map is also reachable from its element, for host-page scripts. */
export type CorridorMapElement = HTMLElement & { corridorMap?: MountedMap };

type Teardown = () => void;

/** Thrown for data that could not be loaded at all: the reader is told, not shown a bug. */
class DataError extends Error {}

/**
 * Mounts one corridor map into `root`: loads and validates the data, resolves the options against
 * it, makes the map's own store, then the panels and the map view (the lite SVG view at once, the
 * live WebGL map when the reader reaches for it or `live` asks). Resolves once everything is in
 * place (`data-state="ready"`, `data-view="lite"`); `data-rendered="true"` follows when the live
 * map has drawn.
 *
 * Never throws into the host page: a failure leaves a message in `root` and `data-state="error"`,
 * saying whether the data could not be loaded or the map itself failed (with the error in the
 * console).
 */
export async function mount(root: HTMLElement, options: MountOptions = {}): Promise<MountedMap> {
  const doc = root.ownerDocument;
  const win = doc.defaultView ?? window;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const teardowns: Teardown[] = [];
  let destroyed = false;
  const destroy = () => {
    destroyed = true;
    while (teardowns.length) teardowns.pop()!();
  };
  const lang0 = options.lang ?? 'zh';
  prepareRoot(root, lang0);
  teardowns.push(() => {
    replace(root);
    root.classList.remove('cm-root', 'cm-dark');
    for (const a of ['data-state', 'data-rendered', 'data-year', 'data-view', 'lang']) {
      root.removeAttribute(a);
    }
  });
  const handle: MountedMap = {
    store: createCorridorStore({
      hubs: [],
      places: [],
      routes: [],
      metrics: { sources: [], series: [], events: [] },
    }),
    destroy,
    project: () => undefined,
    goLive: () => Promise.resolve(false),
    release: () => {},
  };

  // A page that goes live at once fetches the live map's code alongside the data.
  if (options.live === 'eager' && options.webgl !== false) prefetchLive();
  let stage: StringKey = 'dataError';
  try {
    const source = dataFolder(root, options.data, warn);
    let { data, problems } = await loadDataFromUrl(source.folder, fetch, yieldToMain);
    if (source.snapshot && problems.filter(unreadable).length === DATA_FILES.length) {
      // A pinned date this deployment has no snapshot of: the current data, as for any bad option.
      warn(
        `corridor-map: no data snapshot ${quote(source.snapshot)} here (${source.folder}); using the current data (geo/)`,
      );
      ({ data, problems } = await loadDataFromUrl(source.fallback, fetch, yieldToMain));
    }
    if (problems.filter(unreadable).length === DATA_FILES.length) {
      throw new DataError(problems.map((p) => p.message).join('; '));
    }
    await yieldToMain();
    if (destroyed) return handle;
    stage = 'bug';
    const today = new Date().getUTCFullYear();
    const { options: resolved, warnings } = resolveOptions(options, data, {
      live: options.live ?? 'interaction',
      today,
    });
    for (const message of warnings) warn(message);
    logProblems(problems, warn);
    const reduceMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)');
    const store = createCorridorStore(data, {
      lang: resolved.lang ?? lang0,
      ...(resolved.hub !== undefined && { hub: resolved.hub }),
      ...(resolved.route !== undefined && { route: resolved.route }),
      year: resolved.year,
      ...(resolved.speed !== undefined && { speed: resolved.speed }),
      reducedMotion: reduceMotion?.matches ?? false,
      problems,
      today,
    });
    handle.store = store;
    options.onStore?.(store);
    (root as CorridorMapElement).corridorMap = handle;
    teardowns.push(() => delete (root as CorridorMapElement).corridorMap);

    const layout = createLayout(root);
    // The title and subtitle at once, in the places the loading view held: a header left empty
    // until the panels come would move the map up and back down (CLS).
    teardowns.push(createHeader(root, layout, store, creditOf(root)));
    await yieldToMain();
    if (destroyed) return handle;
    // The map first (what the reader came for), then the panels around it.
    const derived = deriveData(data);
    const shown: { view?: MapView } = {};
    const theme = followTheme(root, win, resolved.theme, (next) => shown.view?.setTheme(next));
    teardowns.push(theme.stop);
    layout.map.setAttribute('aria-describedby', layout.summary.id);
    const view = createMapView(layout.map, root, store, {
      derived,
      land,
      live: resolved.live,
      theme: theme.current,
      notes: layout.notes,
      ...(options.webgl !== undefined && { webgl: options.webgl }),
      ...(options.onView && { onView: options.onView }),
    });
    // The panels' fonts opened in a worker (warmFonts.ts) while the formatters are made, not in
    // the panels' first layout; after the map's view, whose labels open the fonts they need.
    const fonts = warmFontsOffThread(root, store.getState().lang);
    await yieldToMain();
    // The panels' number and date formatters, each made in a task of its own (see formatterWarmups).
    for (const warm of formatterWarmups(store.getState().lang)) {
      if (destroyed) return handle;
      warm();
      await yieldToMain();
    }
    await fonts.panels;
    if (destroyed) return handle;
    await mountPanels(root, layout, store, resolved.controls, teardowns, () => destroyed);
    if (destroyed) return handle;
    shown.view = view;
    teardowns.push(() => view.destroy());
    handle.project = view.project;
    handle.goLive = view.goLive;
    handle.release = view.release;
    teardowns.push(
      startClock(store, win),
      followReducedMotion(store, reduceMotion),
      escapeCloses(root, store),
    );
    root.dataset.state = 'ready';
    // The other languages' formatters too, once the page is idle, and their fonts once the
    // worker has opened the files: the first switch to another language would otherwise make
    // them in its click (issue 20, a control within 100 ms).
    const lang = store.getState().lang;
    const others = LANGS.filter((l) => l !== lang);
    teardowns.push(whenIdle(others.flatMap(formatterWarmups)));
    let stopFontWarmups = () => {};
    teardowns.push(() => stopFontWarmups());
    void fonts.all.then(() => {
      if (!destroyed) stopFontWarmups = whenIdle(fontWarmups(root, others));
    });
    if (resolved.autoplay && !store.getState().reducedMotion) store.getState().play();
  } catch (error) {
    if (!(error instanceof DataError)) console.error('corridor-map: could not start', error);
    root.dataset.state = 'error';
    root.dataset.error = stage === 'dataError' ? 'data' : 'bug';
    replace(root, h('p', { class: 'cm-error', role: 'alert' }, t(lang0, stage)));
  }
  return handle;
}

function prepareRoot(root: HTMLElement, lang: 'zh' | 'en') {
  root.classList.add('cm-root');
  root.setAttribute('data-corridor-map', root.getAttribute('data-corridor-map') ?? '');
  root.dataset.state = 'loading';
  root.removeAttribute('data-rendered');
  root.lang = lang;
  replace(root, ...loadingView(lang));
}

const unreadable = (p: Problem) =>
  p.feature === '' && p.field === '' && /^(could not be read|not valid JSON)/.test(p.message);

/**
 * The data folder: `geo/` beside the page unless `data` names a snapshot (a date: `geo/<date>/`
 * beside the page) or another folder on the page's own origin and inside its folder. Checked here
 * as well as in parseOptions: options also come from code, and a crafted value must never load
 * another site's figures.
 */
function dataFolder(
  root: HTMLElement,
  data: string | undefined,
  warn: (m: string) => void,
): { folder: string; fallback: string; snapshot?: string } {
  const page = root.ownerDocument.baseURI;
  const fallback = new URL('geo/', page).href;
  if (data === undefined) return { folder: fallback, fallback };
  if (looksLikeDate(data)) {
    const date = parseSnapshotDate(data);
    if (date) return { folder: new URL(snapshotFolder(date), page).href, fallback, snapshot: date };
    warn(`corridor-map: ignored data=${quote(data)} (not a date as 2026-12-05); using geo/`);
    return { folder: fallback, fallback };
  }
  const folder = sameOriginFolder(data, page);
  if (!folder) {
    warn(
      `corridor-map: ignored data=${quote(data)} (not a folder of this page's site); using geo/`,
    );
  }
  return { folder: folder ?? fallback, fallback };
}

/** The theme now, following the reader's system setting while the option is `auto`. */
function followTheme(
  root: HTMLElement,
  win: Window,
  option: Theme | 'auto',
  onChange: (theme: Theme) => void,
): { current: Theme; stop: Teardown } {
  const query = option === 'auto' ? win.matchMedia?.('(prefers-color-scheme: dark)') : undefined;
  const resolve = (): Theme => (option === 'auto' ? (query?.matches ? 'dark' : 'light') : option);
  const apply = () => {
    const theme = resolve();
    root.classList.toggle('cm-dark', theme === 'dark');
    return theme;
  };
  const current = apply();
  const onQuery = () => onChange(apply());
  query?.addEventListener('change', onQuery);
  return { current, stop: () => query?.removeEventListener('change', onQuery) };
}

function followReducedMotion(store: CorridorStore, query: MediaQueryList | undefined): Teardown {
  if (!query) return () => {};
  const onChange = () => store.getState().setReducedMotion(query.matches);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Escape closes the open panel from anywhere in the map. */
function escapeCloses(root: HTMLElement, store: CorridorStore): Teardown {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && store.getState().selection) {
      store.getState().select(null);
      event.stopPropagation();
    }
  };
  root.addEventListener('keydown', onKey);
  return () => root.removeEventListener('keydown', onKey);
}

function logProblems(problems: Problem[], warn: (m: string) => void) {
  if (problems.length)
    warn(
      `corridor-map: ${problems.length} data problem(s); the rest is shown. See the list on the map.`,
    );
}
