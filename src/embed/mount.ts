import type { Basemap } from '../data/basemap.ts';
import { loadDataFromUrl } from '../data/parse.ts';
import type { Problem } from '../data/problems.ts';
import { deriveData } from '../layers/derive.ts';
import { t } from '../i18n/strings.ts';
import { startClock } from '../map/clock.ts';
import type { Theme } from '../map/style.ts';
import { h, replace } from '../panels/dom.ts';
import { createAnnouncer } from '../panels/announcer.ts';
import { createDetails } from '../panels/details.ts';
import { createHeader } from '../panels/header.ts';
import { createItemList } from '../panels/itemList.ts';
import { createLangSwitch } from '../panels/langSwitch.ts';
import { createLegend } from '../panels/legend.ts';
import { createProblems } from '../panels/problems.ts';
import { createSources } from '../panels/sources.ts';
import { createTable } from '../panels/table.ts';
import { createTableToggle } from '../panels/tableToggle.ts';
import { createTimeline } from '../panels/timeline.ts';
import { findHub, findRoute } from '../state/selectors.ts';
import { createCorridorStore, type CorridorStore } from '../state/store.ts';
import { loadCorridorFont } from './font.ts';
import { applyControls, createLayout, loadingView } from './layout.ts';
import type { MapOptions } from './options.ts';
import { quote, sameOriginFolder } from './urls.ts';
import { hasWebGL2 } from './webgl.ts';
import './corridor-map.css';

export interface MountOptions extends MapOptions {
  /** Where a warning about a bad option goes; console.warn by default. */
  warn?: (message: string) => void;
  /** Override for tests: pretend WebGL is missing. */
  webgl?: boolean;
  /**
   * The static picture (layout.ts `createPoster`): shown in the map's box while loading, removed
   * once the live map has drawn, kept (with the table) without WebGL.
   */
  poster?: HTMLImageElement;
  /**
   * Called as soon as the map's store exists, before the map code has loaded: a host page can
   * listen and send commands from then on instead of waiting for the first frame.
   */
  onStore?: (store: CorridorStore) => void;
}

export interface MountedMap {
  store: CorridorStore;
  /** Removes the map, the overlay, listeners and every element this mount made. */
  destroy(): void;
  /**
   * Where a [lon, lat] position is on screen, in viewport pixels; undefined until the map is
   * drawn or without WebGL. For host pages (and tests) that point at a hub.
   */
  project(lon: number, lat: number): [x: number, y: number] | undefined;
}

/** The mounted map is also reachable from its element, for host-page scripts. */
export type CorridorMapElement = HTMLElement & { corridorMap?: MountedMap };

type Teardown = () => void;

function systemTheme(win: Window): Theme {
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Options that name things the data lacks fall back to the defaults, with one warning. */
function checkAgainstData(store: CorridorStore, options: MapOptions, warn: (m: string) => void) {
  const { data, range } = store.getState();
  const bad: string[] = [];
  if (options.hub && !findHub(data, options.hub)) bad.push(`hub=${options.hub}`);
  if (options.route && !findRoute(data, options.route)) bad.push(`route=${options.route}`);
  if (options.year !== undefined && (options.year < range[0] || options.year > range[1])) {
    bad.push(`year=${options.year} (data covers ${range[0]}–${range[1]})`);
  }
  if (bad.length) warn(`corridor-map: ignored ${bad.join(', ')}; using the defaults`);
  if (options.year !== undefined && (options.year < range[0] || options.year > range[1])) {
    store.getState().setYear(range[1]);
  }
}

/**
 * Mounts one corridor map into `root`: loads and validates the data, makes the map's own store,
 * then the panels, and the WebGL map where the browser can draw it (a static picture and the
 * table where it cannot). Resolves once the panels are in place; the map draws after that and
 * sets `data-rendered="true"` on `root` when its first frame is on screen.
 *
 * Never throws into the host page: a failure leaves a message in `root` and `data-state="error"`.
 */
export async function mount(root: HTMLElement, options: MountOptions = {}): Promise<MountedMap> {
  const win = root.ownerDocument.defaultView ?? window;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const teardowns: Teardown[] = [];
  let destroyed = false;
  const destroy = () => {
    destroyed = true;
    while (teardowns.length) teardowns.pop()!();
  };
  root.classList.add('cm-root');
  root.setAttribute('data-corridor-map', root.getAttribute('data-corridor-map') ?? '');
  root.dataset.state = 'loading';
  root.removeAttribute('data-rendered');
  const lang0 = options.lang ?? 'zh';
  root.lang = lang0;
  const { poster } = options;
  replace(root, ...loadingView(lang0, poster));
  teardowns.push(() => {
    replace(root);
    root.classList.remove('cm-root', 'cm-dark');
    for (const a of ['data-state', 'data-rendered', 'lang']) root.removeAttribute(a);
  });

  void loadCorridorFont(root.ownerDocument); // fetch the label font alongside the data
  const webgl = options.webgl !== false && hasWebGL2(root.ownerDocument);
  // The map code and the basemap (most of the bytes) load while the data loads, not after it.
  const mapCode = webgl
    ? Promise.all([
        import('../map/createMap.ts'),
        import('virtual:corridor-basemap').then((m) => m.default as Basemap),
      ])
    : undefined;
  mapCode?.catch(() => undefined); // a failure surfaces where it is awaited, below
  const { data, problems } = await loadDataFromUrl(dataFolder(root, options.data, warn));
  if (destroyed) return { store: createCorridorStore(data), destroy, project: () => undefined };
  const reduceMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)');
  const store = createCorridorStore(data, {
    lang: lang0,
    ...(options.hub !== undefined && { hub: options.hub }),
    ...(options.route !== undefined && { route: options.route }),
    ...(options.year !== undefined && { year: options.year }),
    ...(options.speed !== undefined && { speed: options.speed }),
    reducedMotion: reduceMotion?.matches ?? false,
    problems,
  });
  checkAgainstData(store, options, warn);
  const handle: MountedMap = { store, destroy, project: () => undefined };
  options.onStore?.(store);
  (root as CorridorMapElement).corridorMap = handle;
  teardowns.push(() => delete (root as CorridorMapElement).corridorMap);
  logProblems(problems, warn);

  try {
    const theme: Theme =
      !options.theme || options.theme === 'auto' ? systemTheme(win) : options.theme;
    root.classList.toggle('cm-dark', theme === 'dark');
    const layout = createLayout(root);
    if (poster) layout.map.append(poster);
    applyControls(layout, options.controls);
    const controls = h('div', { class: 'cm-controls' });
    layout.header.append(controls);
    const sources = h('div');
    layout.live.before(sources);
    teardowns.push(
      createLangSwitch(controls, store),
      createSources(sources, store),
      createDetails(layout.details, store),
      createItemList(layout.lists, store),
      createLegend(layout.legend, store),
      createProblems(layout.problems, store),
      createTable(layout.fallback, store),
      createTimeline(layout.timeline, store, layout.live),
      createAnnouncer(layout.live, store),
      createHeader(root, layout, store),
    );

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && store.getState().selection) {
        store.getState().select(null);
        event.stopPropagation();
      }
    };
    root.addEventListener('keydown', onKey);
    teardowns.push(() => root.removeEventListener('keydown', onKey));
    if (reduceMotion) {
      const onMotion = () => store.getState().setReducedMotion(reduceMotion.matches);
      reduceMotion.addEventListener('change', onMotion);
      teardowns.push(() => reduceMotion.removeEventListener('change', onMotion));
    }
    teardowns.push(startClock(store, win));

    if (!mapCode) {
      root.dataset.state = 'fallback';
      layout.map.hidden = !poster;
      layout.fallback.hidden = false;
      if (poster)
        layout.map.after(
          h('p', { class: 'cm-note cm-no-webgl' }, t(store.getState().lang, 'noWebgl')),
        );
    } else {
      root.dataset.state = 'ready';
      // The table stays in the page for screen readers; the button shows it to everyone.
      teardowns.push(createTableToggle(controls, layout.fallback, store));
      const [[{ createCorridorMap }, basemap]] = await Promise.all([
        mapCode,
        // Before deck.gl draws its glyph atlas: labels need the shipped CJK subset.
        loadCorridorFont(root.ownerDocument),
      ]);
      if (destroyed) return handle;
      const corridorMap = createCorridorMap(layout.map, store, {
        basemap,
        derived: deriveData(data),
        theme,
        onRendered: () => {
          performance.mark('corridor:first-frame');
          // One pick now compiles deck.gl's picking shaders (most of a second in software
          // WebGL): done on a reader's first click instead, it blocks the main thread between
          // pointerdown and pointerup, and the click is lost as too slow to be a tap.
          corridorMap.overlay.pickObject({ x: 0, y: 0 });
          root.setAttribute('data-rendered', 'true');
          poster?.remove();
        },
      });
      // The canvas's text alternative: its label names the map, the summary says what it shows.
      corridorMap.map.getCanvas().setAttribute('aria-describedby', layout.summary.id);
      handle.project = (lon, lat) => {
        const point = corridorMap.map.project([lon, lat]);
        const box = layout.map.getBoundingClientRect();
        return [box.left + point.x, box.top + point.y];
      };
      teardowns.push(() => corridorMap.destroy());
    }
    if (options.autoplay && !store.getState().reducedMotion) store.getState().play();
  } catch (error) {
    console.error('corridor-map: could not start', error);
    root.dataset.state = 'error';
    replace(
      root,
      h('p', { class: 'cm-error' }, t(store.getState().lang, 'noWebgl')),
      ...(poster ? loadingView(store.getState().lang, poster).slice(1) : []),
    );
  }
  return handle;
}

/**
 * The data folder: `geo/` beside the page unless `data` names another folder on the page's own
 * origin and inside its folder. Checked here as well as in parseOptions: options also come from
 * code, and a crafted value must never load another site's figures.
 */
function dataFolder(root: HTMLElement, data: string | undefined, warn: (m: string) => void) {
  const page = root.ownerDocument.baseURI;
  const fallback = new URL('geo/', page).href;
  if (data === undefined) return fallback;
  const folder = sameOriginFolder(data, page);
  if (!folder)
    warn(
      `corridor-map: ignored data=${quote(data)} (not a folder of this page's site); using geo/`,
    );
  return folder ?? fallback;
}

function logProblems(problems: Problem[], warn: (m: string) => void) {
  if (problems.length)
    warn(
      `corridor-map: ${problems.length} data problem(s); the rest is shown. See the list on the map.`,
    );
}
