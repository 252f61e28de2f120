/**
 * Bytes on the wire, measured in headless Chromium: what a page fetches until the network is
 * idle without any interaction, and what it fetches after the reader reaches for the map. The
 * server must send gzip (startStaticServer({ gzip: true })): sizes are encoded body sizes.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { openPage } from '../browser/harness.ts';

/** The box a reader drags to reach for the map (the lite view's, then the live map's). */
export const MAP_BOX_SELECTOR = '[data-corridor-map] .cm-map';
/** The app's root: `data-rendered="true"` once the live map has drawn its first frame. */
export const MAP_ROOT_SELECTOR = '[data-corridor-map]';
/**
 * A request for this before any interaction means the live map started on its own (no lite
 * view yet, or `live=eager`): maplibre-gl's worker is loaded by the live map and nothing else.
 */
export const LIVE_MAP_REQUEST = /maplibre-gl-worker[^/]*\.m?js$/;
/**
 * Network idle: no request in flight for this long (Playwright's rule is 500 ms) and then an
 * idle main thread with still no new request. On two shared cores a module can take over
 * 500 ms to evaluate before it asks for the next one, so quiet network alone is not enough.
 */
const IDLE_MS = 1000;

export type Kind = 'html' | 'css' | 'js' | 'data' | 'image' | 'font' | 'other';

export interface Fetched {
  url: string;
  kind: Kind;
  /** Encoded (on the wire, gzip where the server sent it) body size. */
  bytes: number;
}

function kindOf(request: Request): Kind {
  const path = new URL(request.url()).pathname;
  if (/\.(geo)?json$/.test(path)) return 'data';
  switch (request.resourceType()) {
    case 'document':
      return 'html';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'image':
      return 'image';
    case 'font':
      return 'font';
    default:
      // Module workers and fetched scripts report 'other' or 'fetch'.
      return /\.m?js$/.test(path) ? 'js' : /\.css$/.test(path) ? 'css' : 'other';
  }
}

/** Records every finished request of a page, and tells when none has been in flight a while. */
class Recorder {
  readonly fetched: Fetched[] = [];
  readonly failed: string[] = [];
  private inflight = 0;
  private started = 0;
  private last = Date.now();
  private pending: Promise<void>[] = [];

  constructor(page: Page) {
    page.context().on('request', () => {
      this.inflight++;
      this.started++;
      this.last = Date.now();
    });
    page.context().on('requestfailed', (request) => {
      this.inflight--;
      this.last = Date.now();
      this.failed.push(request.url());
    });
    page.context().on('requestfinished', (request) => {
      this.inflight--;
      this.last = Date.now();
      const url = request.url();
      if (!/^https?:/.test(url)) return;
      this.pending.push(
        (async () => {
          const sizes = await request.sizes();
          // A worker's own script reports no body size; the server's Content-Length is the
          // encoded size too.
          const length = await request.response().then((r) => r?.headerValue('content-length'));
          const bytes = sizes.responseBodySize || Number(length ?? 0);
          this.fetched.push({ url, kind: kindOf(request), bytes });
        })(),
      );
    });
  }

  /** Resolves once no request has been in flight for IDLE_MS. */
  private async quiet(end: number): Promise<void> {
    while (this.inflight > 0 || Date.now() - this.last < IDLE_MS) {
      if (Date.now() > end) throw new Error('network not idle after 120 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Quiet network, then an idle main thread, and no request started in between. */
  async idle(page: Page, timeoutMs = 120_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.quiet(end);
      const started = this.started;
      await page.evaluate(
        'new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 10000 }))',
      );
      if (this.started === started && this.inflight === 0) break;
    }
    await Promise.all(this.pending);
  }

  /** Everything recorded so far, and a fresh start for the next phase. */
  take(): Fetched[] {
    return this.fetched.splice(0);
  }
}

export const sumBytes = (files: readonly Fetched[], kind?: Kind): number =>
  files.filter((f) => !kind || f.kind === kind).reduce((sum, f) => sum + f.bytes, 0);

export function byKind(files: readonly Fetched[]): Record<Kind, number> {
  const out: Record<Kind, number> = {
    html: 0,
    css: 0,
    js: 0,
    data: 0,
    image: 0,
    font: 0,
    other: 0,
  };
  for (const f of files) out[f.kind] += f.bytes;
  return out;
}

export interface EmbedTransfer {
  /** Everything fetched from navigation to network idle, with no interaction. */
  before: Fetched[];
  /** Fetched after the drag on the map, until the live map rendered and the network idled. */
  after: Fetched[];
  /** The live map had drawn before any interaction: there is no lite view to measure against. */
  liveBeforeInteraction: boolean;
  /** Whether the drag led to a rendered live map. */
  liveRendered: boolean;
  /** JS of the live map: `after`'s, or, when it started before interaction, all JS loaded. */
  liveJs: number;
}

const rendered = `document.querySelector(${JSON.stringify(MAP_ROOT_SELECTOR)})?.getAttribute('data-rendered') === 'true'`;

/** A drag across the middle of the map box: the gesture that reaches for the live map. */
export async function dragMap(page: Page): Promise<void> {
  const target = page.locator(MAP_BOX_SELECTOR).first();
  await target.waitFor({ state: 'visible', timeout: 60_000 });
  const box = await target.boundingBox();
  if (!box) throw new Error(`no visible ${MAP_BOX_SELECTOR} to drag`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 80, y - 30, { steps: 10 });
  await page.mouse.up();
}

/**
 * Opens `url` at 1280×720 in a fresh context and records what it fetches until the network is
 * idle (after `ready`, a page expression, is true, if given); `then` may go on with the page.
 */
async function load<T>(
  browser: Browser,
  url: string,
  ready: string | null,
  then: (page: Page, recorder: Recorder, before: Fetched[]) => Promise<T>,
): Promise<T> {
  const { page, context } = await openPage(browser, 'about:blank', { width: 1280, height: 720 });
  try {
    const recorder = new Recorder(page);
    await page.goto(url);
    if (ready) await page.waitForFunction(ready, undefined, { timeout: 120_000, polling: 100 });
    await recorder.idle(page);
    return await then(page, recorder, recorder.take());
  } finally {
    await context.close();
  }
}

/** Everything `url` fetches from navigation until the network is idle, with no interaction. */
export const fetchedBeforeInteraction = (browser: Browser, url: string): Promise<Fetched[]> =>
  load(browser, url, null, async (_page, _recorder, before) => before);

/** Everything the bare maplibre + deck.gl page fetches until it drew and the network idled. */
export const measureBare = (browser: Browser, url: string): Promise<Fetched[]> =>
  load(browser, url, 'window.__rendered === true', async (_page, _recorder, before) => before);

/**
 * Loads `url` (embed.html) and records what it fetches before any interaction; then drags the
 * map and records what the live map fetches until it has rendered and the network is idle.
 */
export const measureEmbed = (browser: Browser, url: string): Promise<EmbedTransfer> =>
  load(browser, url, null, async (page, recorder, before) => {
    const liveBeforeInteraction =
      (await page.evaluate<boolean>(rendered)) || before.some((f) => LIVE_MAP_REQUEST.test(f.url));
    await dragMap(page);
    const liveRendered = await page
      .waitForFunction(rendered, undefined, { timeout: 120_000, polling: 100 })
      .then(() => true)
      .catch(() => false);
    await recorder.idle(page);
    const after = recorder.take();
    // With no lite view the live map's JS cannot be told apart from the page's: count it all.
    const liveJs = sumBytes(after, 'js') + (liveBeforeInteraction ? sumBytes(before, 'js') : 0);
    return { before, after, liveBeforeInteraction, liveRendered, liveJs };
  });
