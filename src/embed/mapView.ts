/**
 * The map's box: the lite view at once, the live map (maplibre-gl + deck.gl) when the reader
 * reaches for it or the page asks for it (`live`), and back to the lite view when the GPU takes
 * the live map's context away. Both views read the one store, so selection, year and play carry
 * across; the live map starts from the lite view's camera, so the swap does not move the map.
 *
 * `live`:
 * - `interaction` (the default of every page): on a drag, pinch, Ctrl/⌘ + wheel, zoom button or key, or the
 *   explore button — a plain click only selects, in the lite view;
 * - `visible`: once the map has been in view and the page is idle;
 * - `eager`: at once;
 * - `never`: the lite view only.
 *
 * A page keeps at most a few live maps (liveSlots.ts): a map asked to give its context back
 * (`release()`) shows the lite view and goes live again when it next comes into view.
 */
import type { Basemap } from '../data/basemap.ts';
import { mapCamera, project as projectView } from '../data/camera.ts';
import type { Derived } from '../data/derive.ts';
import type { LandPath } from '../data/landPath.ts';
import { t } from '../i18n/strings.ts';
import { createLiteView, type Reach } from '../lite/liteView.ts';
import type { CorridorMap } from '../map/createMap.ts';
import type { Theme } from '../shared/colors.ts';
import { h } from '../shared/dom.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { loadCorridorFont } from './font.ts';
import type { LiveMode } from './options.ts';
import { joinLiveSlots } from './liveSlots.ts';
import { hasWebGL2 } from './webgl.ts';
import { mapColors } from './houseValues.ts';

/**
 * Starts fetching the live map's code (maplibre-gl, deck.gl, the basemap) without running it:
 * a page that will go live at once (`eager`) loads it alongside the data, not after. Loading it
 * again later reuses the same modules.
 */
export function prefetchLive(): void {
  void Promise.all([
    import('../map/createMap.ts'),
    import('virtual:corridor-basemap'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]).catch(() => undefined); // a failure surfaces where the code is awaited (load())
}

export interface MapViewOptions {
  derived: Derived;
  land: LandPath;
  live: LiveMode;
  theme: Theme;
  /** Where a one-line note to the reader goes (no WebGL, context lost). */
  notes: HTMLElement;
  /** Override for tests: pretend WebGL is missing. */
  webgl?: boolean;
  /** Told when the live map is reached for, when it has drawn, and when the lite view is back. */
  onView?: (view: ShownView) => void;
}

export interface MapView {
  /** Reach for the live map from code (tests, host pages); resolves when it has drawn, or not. */
  goLive(): Promise<boolean>;
  /** Gives the live map's context back and shows the lite view until the map is next in view. */
  release(): void;
  setTheme(theme: Theme): void;
  /** Where [lon, lat] is on screen, in viewport pixels, in whichever view shows. */
  project(lon: number, lat: number): [x: number, y: number];
  destroy(): void;
}

type Phase = 'lite' | 'loading' | 'live' | 'unavailable';

/**
 * What the map's box shows, as told to the page: `loading` from the moment the live map is reached
 * for — it will take a WebGL context, so the page's count of live maps includes it from then, and
 * a map over the cap gives its context back while this one loads, not after it has drawn.
 */
export type ShownView = 'lite' | 'loading' | 'live';

export function createMapView(
  box: HTMLElement,
  root: HTMLElement,
  store: CorridorStore,
  options: MapViewOptions,
): MapView {
  const doc = box.ownerDocument;
  const win = doc.defaultView ?? window;
  let phase: Phase = 'lite';
  let theme = options.theme;
  let live: CorridorMap | undefined;
  let liveBox: HTMLElement | undefined;
  let destroyed = false;
  let pending: Reach | undefined;
  let ready: Promise<boolean> | undefined;
  const teardowns: (() => void)[] = [];
  const slot = joinLiveSlots(box, () => release());
  teardowns.push(() => slot.leave());

  const lite = createLiteView(box, store, {
    derived: options.derived,
    land: options.land,
    ...(options.live !== 'never' && { onReach: (reach: Reach) => void goLive(reach) }),
  });
  root.dataset.view = 'lite';
  const summary = box.getAttribute('aria-describedby');
  if (summary) lite.svg.setAttribute('aria-describedby', summary);

  const shown = new Set<string>();
  const note = (key: 'noWebgl' | 'liveLost') => {
    if (shown.has(key)) return; // once: a reader is told why, not reminded on every gesture
    shown.add(key);
    const p = h('p', { class: 'cm-note cm-view-note', 'data-note': key });
    const unwatch = watch(
      store,
      (s) => s.lang,
      (lang) => (p.textContent = t(lang, key)),
    );
    teardowns.push(() => {
      unwatch();
      p.remove();
    });
    options.notes.append(p);
  };

  const showLite = (on: boolean) => {
    box.classList.toggle('cm-is-live', !on);
    // Live, the lite view keeps its hubs, places and labels over the canvas, on the live camera.
    const map = live?.map;
    lite.setLive(
      on || !map
        ? null
        : {
            project: (p) => {
              const { x, y } = map.project(p as [number, number]);
              return [x, y];
            },
          },
    );
    root.dataset.view = on ? 'lite' : 'live';
  };

  function goLive(reach: Reach | 'code' = 'code'): Promise<boolean> {
    stopWaiting?.();
    if (reach === 'zoom-in' || reach === 'zoom-out' || reach === 'key') pending = reach;
    if (phase === 'live') {
      applyPending();
      return Promise.resolve(true);
    }
    if (ready) return ready;
    if (options.webgl === false || !hasWebGL2(doc)) {
      phase = 'unavailable';
      note('noWebgl');
      return (ready = Promise.resolve(false));
    }
    phase = 'loading';
    root.dataset.live = 'loading';
    slot.live(true);
    options.onView?.('loading');
    ready = load()
      .catch((error: unknown) => {
        console.error('corridor-map: the live map failed; the lite view stays', error);
        phase = 'unavailable';
        note('noWebgl');
        return false;
      })
      .then((drawn) => {
        if (!drawn && !destroyed) {
          slot.live(false);
          options.onView?.('lite');
        }
        return drawn;
      });
    return ready;
  }

  async function load(): Promise<boolean> {
    // Not waited for: the labels are SVG text and take the font when it comes (display: swap).
    void loadCorridorFont(doc);
    const [{ createCorridorMap }, basemap] = await Promise.all([
      import('../map/createMap.ts'),
      import('virtual:corridor-basemap').then((m) => m.default as Basemap),
      import('maplibre-gl/dist/maplibre-gl.css'),
    ]);
    if (destroyed) return false;
    liveBox = h('div', { class: 'cm-live' });
    box.append(liveBox);
    return new Promise<boolean>((resolve) => {
      live = createCorridorMap(liveBox!, store, {
        basemap,
        derived: options.derived,
        theme,
        colors: mapColors(root, theme),
        camera: mapCamera(lite.view()),
        onCamera: (settled) => lite.follow(settled),
        onRendered: () => {
          phase = 'live';
          root.dataset.live = 'ready';
          slot.live(true);
          options.onView?.('live');
          showLite(false);
          root.setAttribute('data-rendered', 'true');
          performance.mark('corridor:rendered');
          applyPending();
          resolve(true);
        },
        // The lite view stands in while the GPU is away. When the context returns, the live map
        // is made anew: deck.gl's GPU resources do not survive a lost context.
        onContextLost: () => {
          showLite(true);
          root.dataset.live = 'lost';
          note('liveLost');
          slot.live(false);
          options.onView?.('lite');
        },
        onContextRestored: () => {
          dropLive();
          void goLive();
        },
      });
      // The canvas's text alternative: the summary the box points to (set by mount).
      const summary = box.getAttribute('aria-describedby');
      if (summary) live.map.getCanvas().setAttribute('aria-describedby', summary);
    });
  }

  /** Back to the lite view, the live map and its context given back. */
  function dropLive() {
    const wasLive = phase === 'live';
    live?.destroy();
    liveBox?.remove();
    live = undefined;
    liveBox = undefined;
    phase = 'lite';
    ready = undefined;
    showLite(true);
    root.removeAttribute('data-rendered');
    delete root.dataset.live;
    slot.live(false);
    if (wasLive) options.onView?.('lite');
  }

  let stopWaiting: (() => void) | undefined;
  /**
   * Asked by the page (too many live maps): lite now, live again once the map has been out of
   * view and comes back — not at once when it is in view, or two maps in view would take turns.
   */
  function release() {
    if (phase !== 'live' || destroyed) return;
    dropLive();
    root.dataset.live = 'released';
    let seenOut = false;
    const observer = new IntersectionObserver((entries) => {
      const inView = entries.some((e) => e.isIntersecting);
      if (!inView) seenOut = true;
      else if (seenOut) {
        stopWaiting?.();
        void goLive();
      }
    });
    observer.observe(box);
    stopWaiting?.();
    stopWaiting = () => {
      observer.disconnect();
      stopWaiting = undefined;
    };
  }
  teardowns.push(() => stopWaiting?.());

  function applyPending() {
    const reach = pending;
    pending = undefined;
    if (!live || !reach) return;
    if (reach === 'zoom-in') live.map.zoomIn();
    if (reach === 'zoom-out') live.map.zoomOut();
    // A keyboard reader carries on on the live map's canvas, which takes the same keys.
    if (reach === 'key' || doc.activeElement === lite.svg) live.map.getCanvas().focus();
  }

  if (options.live === 'eager') void goLive();
  if (options.live === 'visible') {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const idle = win.requestIdleCallback ?? ((f: () => void) => win.setTimeout(f, 200));
      idle(() => void goLive());
    });
    observer.observe(box);
    teardowns.push(() => observer.disconnect());
  }

  return {
    goLive: () => goLive(),
    release,
    setTheme(next) {
      theme = next;
      lite.restyle();
      live?.setTheme(next, mapColors(root, next));
    },
    project(lon, lat) {
      const rect = box.getBoundingClientRect();
      if (phase === 'live' && live) {
        const point = live.map.project([lon, lat]);
        return [rect.left + point.x, rect.top + point.y];
      }
      const [x, y] = projectView(lite.view(), [lon, lat]);
      return [rect.left + x, rect.top + y];
    },
    destroy() {
      destroyed = true;
      while (teardowns.length) teardowns.pop()!();
      live?.destroy();
      liveBox?.remove();
      lite.destroy();
      box.classList.remove('cm-is-live');
      for (const a of ['data-view', 'data-live', 'data-rendered']) root.removeAttribute(a);
    },
  };
}
