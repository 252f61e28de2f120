/**
 * The host-page loader, built on its own as `embed.js` (a classic script, no dependencies; see
 * src/build/loaderBuild.ts). It turns every
 *
 *     <div data-corridor-map data-hub="xian" data-lang="en"></div>
 *
 * into an iframe of `embed.html` from the folder `embed.js` came from (or the URL given as the
 * attribute's value), with a `title` and an `aria-label`, sized by the frame's own height
 * messages. Frames start only when their element comes near the viewport. Each height message
 * goes to the one iframe whose window sent it (`event.source`), so several maps share a page.
 * Elements are marked when handled, so running the script twice makes no second frame.
 *
 * The frame's events (`corridor:select`, `corridor:year`, `corridor:ready`) are also dispatched as
 * DOM events on the snippet element, `detail` holding the message.
 *
 * Steps of a story (`<section data-corridor-step data-year="2017" data-hub="jiangjin">`, see
 * src/embed/steps.ts) drive their map as they cross the middle of the viewport: the loader sends
 * the latest step's commands once the frame has said `corridor:ready`, and again if it says so
 * again (a reloaded frame).
 *
 * Nothing here runs on import: `start()` is called by the built script's entry.
 */
import { SLUG } from '../data/ids.ts';
import { VERSION_PATTERN } from '../shared/version.ts';
// Types only: nothing of hostMessages.ts is bundled into embed.js.
import type { HostCommand, HostEvent } from './hostMessages.ts';
import { distanceFromView, toRelease } from './liveSlots.ts';
import { watchSteps } from './scrolly.ts';
import { httpUrl } from './urls.ts';

/** Data attributes passed on to the frame's query string (the frame checks the values). */
export const PASSED_OPTIONS = [
  'hub',
  'route',
  'year',
  'lang',
  'autoplay',
  'speed',
  'controls',
  'theme',
  'live',
  // `data-data="2026-12-05"` pins a data snapshot; the frame resolves it beside embed.html.
  'data',
] as const;

/**
 * Marks an element the loader has handled: `waiting` until near the viewport, then `loaded`;
 * `refused` when its attribute names a page that is not http(s).
 */
export const STATE_ATTRIBUTE = 'data-corridor-map-state';
export const SELECTOR = `[data-corridor-map]:not([${STATE_ATTRIBUTE}])`;
/** How far outside the viewport a frame starts loading. */
export const ROOT_MARGIN = '400px 0px';

const TITLES: Record<string, string> = {
  zh: '地图：“一带一路”物流通道',
  en: 'Map: Belt and Road freight corridors',
};

/** The frame's title: `data-title`, or the map's title in the frame's language. */
export function frameTitle(dataset: Record<string, string | undefined>): string {
  return dataset.title?.trim() || TITLES[dataset.lang ?? ''] || (TITLES.zh as string);
}

/**
 * The frame URL for one snippet: `page` (embed.html) with the snippet's options in the query.
 * Values are passed as given; the frame warns about bad ones and uses its defaults.
 */
export function embedUrl(page: string, dataset: Record<string, string | undefined>): string {
  const url = new URL(page);
  for (const key of PASSED_OPTIONS) {
    const value = dataset[key];
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.href;
}

/** `embed.html` beside the script at `scriptSrc`. */
export function embedPageUrl(scriptSrc: string): string {
  return new URL('embed.html', scriptSrc).href;
}

/** Heights a frame may ask for: below, a map cannot show; above, it would swallow the page. */
export const HEIGHT_RANGE = { min: 120, max: 12_000 } as const;

/**
 * A height from an `embed-size` message, clamped to HEIGHT_RANGE, or null for any other shape or
 * a value that is not a finite positive number.
 */
export function parseSizeMessage(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { sentinel, type, height } = data as Record<string, unknown>;
  if (sentinel !== 'amp' || type !== 'embed-size') return null;
  const value = typeof height === 'string' && height.trim() !== '' ? Number(height) : height;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return Math.min(HEIGHT_RANGE.max, Math.max(HEIGHT_RANGE.min, Math.ceil(value)));
}

/**
 * One of the frame's events, rebuilt from its known fields only, or null: a frame's message
 * reaches the article's scripts as a DOM event, so nothing but a kind, an id of the map's own
 * shape and a year in range goes through.
 */
export function corridorEvent(data: unknown): HostEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, kind, id, year, lang, version } = data as Record<string, unknown>;
  const okKind = kind === 'hub' || kind === 'route' || kind === null;
  const okId = (typeof id === 'string' && id.length <= 100 && SLUG.test(id)) || id === null;
  const okYear = typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2100;
  const selection = okKind && okId && (kind === null) === (id === null);
  switch (type) {
    case 'corridor:select':
      return selection
        ? { type, kind: kind as 'hub' | 'route' | null, id: id as string | null }
        : null;
    case 'corridor:year':
      return okYear ? { type, year: year as number } : null;
    case 'corridor:view': {
      const { view } = data as Record<string, unknown>;
      return view === 'live' || view === 'loading' || view === 'lite' ? { type, view } : null;
    }
    case 'corridor:ready':
      return selection && okYear && (lang === 'zh' || lang === 'en')
        ? {
            type,
            year: year as number,
            lang,
            kind: kind as 'hub' | 'route' | null,
            id: id as string | null,
            // A frame cached from a build before versions says none: ready all the same.
            version: typeof version === 'string' && VERSION_PATTERN.test(version) ? version : '',
          }
        : null;
    default:
      return null;
  }
}

/** The type of one of the frame's events, or null (see corridorEvent). */
export function corridorEventType(data: unknown): string | null {
  return corridorEvent(data)?.type ?? null;
}

/**
 * A first height before the frame reports its own, so that the article does not jump when the
 * frame arrives: the map's box by the rules of corridor-map.css (16:9; 4:3 at ≤ 560 px wide;
 * 1:1 at ≤ 360 px; beside the panel past 640 px) and what each control adds. The constants were
 * measured from embed.html (en) at 320–1280 px wide; below 641 px, text that wraps makes a
 * control's height go as 1 / width. `controls` as in the snippet's `data-controls`.
 */
export function estimateHeight(width: number, controls?: string): number {
  const w = Math.max(width, 280);
  const words = controls?.split(/[\s,]+/) ?? ['timeline', 'legend', 'list'];
  const has = (control: string) => words.includes(control);
  const aspect = w <= 360 ? 1 : w <= 560 ? 3 / 4 : 9 / 16;
  if (w > 640) {
    const map = (w - Math.min(352, 0.38 * w) - 16) * aspect;
    return Math.round(map + 132 + (has('timeline') ? 95 : 0) + (has('legend') ? 59 : 0));
  }
  const perWidth =
    (has('timeline') ? 68_000 : 0) + (has('legend') ? 55_000 : 0) + (has('list') ? 195_000 : 0);
  return Math.round(w * aspect + (w <= 360 ? 220 : 150) + perWidth / w);
}

/**
 * The place to keep for a snippet until its frame reports its height: the page's own (a
 * `min-height` in px its stylesheet gives the snippet, which alone is there before this script
 * runs: kept as it is, so nothing moves), else estimateHeight.
 */
export function reservedHeight(el: HTMLElement): string {
  const given = el.ownerDocument.defaultView?.getComputedStyle(el).minHeight ?? '';
  return /^[1-9][\d.]*px$/.test(given)
    ? given
    : `${estimateHeight(el.clientWidth, el.dataset.controls)}px`;
}

/**
 * Calls each function given to it once the host page has painted: its first paint (of anything),
 * or `maxMs` at the latest (a hidden tab paints nothing). Not its `load` event: a page's
 * resources can all be in before its first frame is on screen. Before that, a map's frame would share the page's main thread and network
 * with the article's first paint (issue 20: the demo article's first paint, 2.1–2.3 s on
 * Lighthouse's phone with the frames started at once). Where the browser reports no paint
 * timing, at once.
 */
export function afterHostPaint(win: Window, maxMs = 3000): (then: () => void) => void {
  const queued: (() => void)[] = [];
  let painted = false;
  const Observer = (win as Window & { PerformanceObserver?: typeof PerformanceObserver })
    .PerformanceObserver;
  const supported = Observer?.supportedEntryTypes?.includes('paint');
  const go = () => {
    if (painted) return;
    painted = true;
    observer?.disconnect();
    win.clearTimeout(timer);
    for (const then of queued.splice(0)) then();
  };
  let observer: PerformanceObserver | undefined;
  let timer = 0;
  if (!Observer || !supported || win.document.readyState === 'complete') {
    painted = true;
  } else {
    timer = win.setTimeout(go, maxMs);
    observer = new Observer((list) => {
      if (list.getEntries().length > 0) go();
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  return (then) => (painted ? then() : queued.push(then));
}

interface Embed {
  el: HTMLElement;
  iframe: HTMLIFrameElement;
  /** The frame said `corridor:ready`: it takes commands. */
  ready: boolean;
  /** Since when its live (WebGL) map has been drawn, or null while it shows the lite view. */
  liveSince: number | null;
}

export interface Loader {
  /** Handles snippets added since the last scan; returns how many it found. */
  scan(): number;
  /** Removes every frame this loader made and its listeners. */
  destroy(): void;
}

const GLOBAL = '__corridorMapLoader';

/**
 * Starts the loader on `doc`, or re-scans when one already runs in this window (the script
 * included twice, or run again after a CMS added snippets).
 */
export function start(doc: Document = document, script?: HTMLScriptElement | null): Loader {
  const win = (doc.defaultView ?? window) as Window & { [GLOBAL]?: Loader };
  const running = win[GLOBAL];
  if (running) {
    running.scan();
    return running;
  }
  const scriptSrc =
    script?.src ||
    doc.querySelector<HTMLScriptElement>('script[src$="/embed.js"], script[src="embed.js"]')?.src ||
    doc.baseURI;
  const defaultPage = embedPageUrl(scriptSrc);
  const embeds: Embed[] = [];
  /** Per snippet, the commands of the step that last became its view. */
  const latest = new Map<HTMLElement, HostCommand[]>();
  const sendLatest = (embed: Embed) => {
    if (!embed.ready) return;
    for (const command of latest.get(embed.el) ?? [])
      embed.iframe.contentWindow?.postMessage(command, '*');
  };
  const steps = watchSteps(doc, (el, commands) => {
    latest.set(el, commands);
    const embed = embeds.find((e) => e.el === el);
    if (embed) sendLatest(embed);
  });

  /** The frame's page for a snippet, or null: the attribute may name one, http(s) only. */
  const pageFor = (el: HTMLElement): string | null => {
    const given = el.getAttribute('data-corridor-map')?.trim();
    return given ? httpUrl(given, doc.baseURI) : defaultPage;
  };

  const load = (el: HTMLElement) => {
    if (el.getAttribute(STATE_ATTRIBUTE) !== 'waiting') return;
    el.setAttribute(STATE_ATTRIBUTE, 'loaded');
    const page = pageFor(el);
    if (!page) return;
    const iframe = doc.createElement('iframe');
    const title = frameTitle(el.dataset);
    iframe.title = title;
    iframe.setAttribute('aria-label', title);
    // No sandbox unless the host asks (`data-sandbox`): the map needs only `allow-scripts
    // allow-same-origin`, and Chromium warns on every frame that has both.
    if (el.dataset.sandbox !== undefined) iframe.setAttribute('sandbox', el.dataset.sandbox);
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allow', 'fullscreen');
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;height:${el.style.minHeight || `${estimateHeight(el.clientWidth, el.dataset.controls)}px`}`;
    iframe.addEventListener('load', () =>
      iframe.contentWindow?.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*'),
    );
    iframe.src = embedUrl(page, el.dataset);
    embeds.push({ el, iframe, ready: false, liveSince: null });
    el.replaceChildren(iframe);
    el.style.minHeight = '';
  };

  const whenPainted = afterHostPaint(win);
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              load(entry.target as HTMLElement);
            }
          },
          { rootMargin: ROOT_MARGIN },
        )
      : null;

  // At most LIVE_CAP frames hold a WebGL context: past it, the frame furthest from view is
  // asked to give its context back (it shows its lite view until the reader returns to it).
  const capLiveMaps = () => {
    const live = embeds.flatMap((e) =>
      e.liveSince === null
        ? []
        : [
            {
              item: e,
              since: e.liveSince,
              distance: distanceFromView(e.iframe.getBoundingClientRect(), win.innerHeight),
            },
          ],
    );
    for (const e of toRelease(live)) {
      e.liveSince = null;
      const release: HostCommand = { type: 'corridor:release' };
      e.iframe.contentWindow?.postMessage(release, '*');
    }
  };

  const onMessage = (event: MessageEvent) => {
    const embed = embeds.find((e) => e.iframe.contentWindow === event.source);
    if (!embed) return;
    const height = parseSizeMessage(event.data);
    if (height !== null) {
      embed.iframe.style.height = `${height}px`;
      return;
    }
    const detail = corridorEvent(event.data);
    if (detail?.type === 'corridor:ready') {
      embed.ready = true;
      sendLatest(embed);
    }
    if (detail?.type === 'corridor:view') {
      // A map holds its context from the moment it loads: the cap is kept before it draws.
      embed.liveSince = detail.view === 'lite' ? null : (embed.liveSince ?? performance.now());
      if (detail.view !== 'lite') capLiveMaps();
    }
    if (detail) embed.el.dispatchEvent(new CustomEvent(detail.type, { detail, bubbles: true }));
  };
  win.addEventListener('message', onMessage);

  const loader: Loader = {
    scan() {
      const found = [...doc.querySelectorAll<HTMLElement>(SELECTOR)];
      // All reads first, then all writes: one layout for any number of snippets.
      const places = found.map((el) => pageFor(el) && reservedHeight(el));
      found.forEach((el, i) => {
        const place = places[i];
        if (!place) {
          // `javascript:` or `data:` in an attribute a CMS lets writers set would run in the
          // article: no frame, the snippet's own content (its link) stays.
          el.setAttribute(STATE_ATTRIBUTE, 'refused');
          console.warn(
            `corridor-map: no frame for data-corridor-map=${JSON.stringify(el.getAttribute('data-corridor-map')?.slice(0, 200))}: only http(s) URLs are loaded`,
          );
          return;
        }
        el.setAttribute(STATE_ATTRIBUTE, 'waiting');
        // Keep the place the frame will take, so the page does not jump when it arrives.
        el.style.minHeight = place;
        // Near the viewport, once the page has painted its own text.
        whenPainted(() => (observer ? observer.observe(el) : load(el)));
      });
      steps.scan();
      return found.length;
    },
    destroy() {
      observer?.disconnect();
      steps.destroy();
      win.removeEventListener('message', onMessage);
      for (const { el, iframe } of embeds.splice(0)) {
        iframe.remove();
        el.removeAttribute(STATE_ATTRIBUTE);
      }
      for (const el of doc.querySelectorAll<HTMLElement>(`[${STATE_ATTRIBUTE}]`)) {
        el.removeAttribute(STATE_ATTRIBUTE);
        el.style.minHeight = '';
      }
      delete win[GLOBAL];
    },
  };
  win[GLOBAL] = loader;
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', () => loader.scan(), { once: true });
  } else {
    loader.scan();
  }
  return loader;
}
