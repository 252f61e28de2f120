// Helpers shared by the browser tests: a real Chromium (software WebGL2), pages that cannot
// reach the network, the app's own "rendered" signal instead of sleeps, and pixel counts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

export const outputDir = fileURLToPath(new URL('./__output__/', import.meta.url));

/** DESIGN §7: the flags that give WebGL2 (SwiftShader) in headless Debian Chromium here. */
export const chromiumArgs: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** false adds `--disable-3d-apis`: no WebGL at all, to exercise the fallback view. */
  webgl?: boolean;
  extraArgs?: string[];
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...chromiumArgs, ...(options.extraArgs ?? [])];
  if (options.webgl === false) args.push('--disable-3d-apis');
  // playwright-core gives each launch a fresh temporary --user-data-dir and removes it on close.
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    timeout: 60_000,
  });
}

export interface PageOptions {
  width?: number;
  height?: number;
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
  /**
   * Leave the context out of closeOpenedContexts(): for a page that several tests of a file share
   * (the file closes it in afterAll).
   */
  shared?: boolean;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions (`pageerror: …`), with their source location. */
  errors: string[];
  warnings: string[];
  /** Every request the page tried to make off 127.0.0.1/localhost (all of them refused). */
  blocked: string[];
}

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

// Every context openPage made and nobody closed yet: closeOpenedContexts() closes them, so a test
// that fails half-way does not leave a page rendering WebGL behind it for the next tests.
const opened = new Set<BrowserContext>();

/**
 * Closes every context that openPage opened and that is still open. Test files call it after
 * each test (`afterEach(closeOpenedContexts)`), so a test never has to close its own context,
 * not even when an assertion fails before it would have.
 */
export async function closeOpenedContexts(): Promise<void> {
  const contexts = [...opened];
  opened.clear();
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
}

/**
 * Opens `url` in a new context (default 640×360, device scale 1). Tests must pass offline and
 * must prove the app works offline, so any request off the loopback host is aborted and listed.
 * The context is registered for closeOpenedContexts(); closing it earlier is fine too.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 640, height: options.height ?? 360 },
    deviceScaleFactor: 1,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    colorScheme: options.colorScheme ?? 'light',
    // A service worker's fetches bypass context routing; none of our pages needs one.
    serviceWorkers: 'block',
  });
  if (!options.shared) {
    opened.add(context);
    context.on('close', () => opened.delete(context));
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const blocked: string[] = [];

  await context.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) {
      await route.continue();
    } else {
      blocked.push(requestUrl);
      await route.abort('blockedbyclient');
    }
  });
  // route() does not see WebSockets.
  await context.routeWebSocket(/.*/, (ws) => {
    if (isLocal(ws.url().replace(/^ws/, 'http'))) {
      ws.connectToServer();
    } else {
      blocked.push(ws.url());
      void ws.close({ code: 1008, reason: 'blocked by test harness' });
    }
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const { url: source, lineNumber } = message.location();
    const text = source ? `${message.text()} (${source}:${lineNumber})` : message.text();
    (type === 'error' ? errors : warnings).push(text);
  });
  page.on('pageerror', (error) => {
    errors.push(`pageerror: ${error.stack ?? error.message}`);
  });

  await page.goto(url);
  return { page, context, errors, warnings, blocked };
}

export interface WaitOptions {
  timeout?: number;
  /** Save a screenshot to __output__ when it fails (default true). */
  screenshot?: boolean;
}

/**
 * Waits for the app's own signal that the map and deck.gl drew a frame (`data-rendered="true"`
 * on the root). Fails at once if the root reports `data-state="error"` or `"fallback"`, which
 * never render a map, and saves a screenshot of the page when it fails. Pass a Frame (e.g.
 * `page.frames()[1]` or `await (await page.$('iframe'))!.contentFrame()`) for an embedded map.
 */
export async function waitForRendered(
  target: Page | Frame,
  selector = '[data-corridor-map]',
  options: WaitOptions = {},
): Promise<void> {
  // Software WebGL on two cores: a first frame can take several seconds under load.
  const timeout = options.timeout ?? 60_000;
  let outcome: string;
  try {
    const handle = await target.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        if (el.getAttribute('data-rendered') === 'true') return 'rendered';
        const state = el.getAttribute('data-state');
        return state === 'error' || state === 'fallback' ? `data-state="${state}"` : false;
      },
      selector,
      { timeout, polling: 100 },
    );
    outcome = String(await handle.jsonValue());
  } catch (error) {
    const state = await target
      .locator(selector)
      .first()
      .getAttribute('data-state', { timeout: 1_000 })
      .catch(() => null);
    outcome = `no data-rendered="true" after ${timeout} ms (data-state=${String(state)}; ${String(error)})`;
  }
  if (outcome === 'rendered') return;
  const page = 'page' in target ? target.page() : target;
  const shot = options.screenshot === false ? null : await page.screenshot().catch(() => null);
  const saved = shot ? await saveArtifact(`not-rendered-${Date.now()}.png`, shot) : 'none';
  throw new Error(`${selector} did not render: ${outcome}. Screenshot: ${saved}`);
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type RGB = [r: number, g: number, b: number];

/**
 * Counts the pixels of a screenshot of `clip` that are near each colour (every channel within
 * `tolerance`); a pixel near several colours counts once, for the nearest. The screenshot is
 * the composited page, so WebGL canvases count too without preserveDrawingBuffer. The PNG is
 * decoded by the browser itself (createImageBitmap → 2D canvas → getImageData), so no PNG
 * library is needed.
 */
export async function countColors(
  page: Page,
  clip: Clip,
  colors: Record<string, RGB>,
  tolerance = 40,
): Promise<{ total: number; counts: Record<string, number> }> {
  const png = await page.screenshot({ clip, scale: 'css', animations: 'disabled' });
  const result = await page.evaluate(
    async ({ base64, palette, tol }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      // 'none': read the PNG's own values, without colour management between us and them.
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
      });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('countColors: no 2D canvas context');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const counts = palette.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        let best = -1;
        let bestDistance = Infinity;
        for (let k = 0; k < palette.length; k++) {
          const [r, g, b] = palette[k]![1];
          const distance = Math.max(
            Math.abs(data[i]! - r),
            Math.abs(data[i + 1]! - g),
            Math.abs(data[i + 2]! - b),
          );
          if (distance <= tol && distance < bestDistance) {
            best = k;
            bestDistance = distance;
          }
        }
        if (best >= 0) counts[best]!++;
      }
      return { total: bitmap.width * bitmap.height, counts };
    },
    { base64: png.toString('base64'), palette: Object.entries(colors), tol: tolerance },
  );
  const counts: Record<string, number> = {};
  Object.keys(colors).forEach((name, k) => {
    counts[name] = result.counts[k] ?? 0;
  });
  return { total: result.total, counts };
}

/** Writes a file to tests/browser/__output__/ (gitignored) and returns its path. */
export async function saveArtifact(name: string, data: Uint8Array | string): Promise<string> {
  // Keep names flat and harmless: they often come from test titles.
  const safe = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');
  await mkdir(outputDir, { recursive: true });
  const file = path.join(outputDir, safe);
  await writeFile(file, data);
  return file;
}

/**
 * Waits for the map's lite view to be in place (`data-state="ready"` and `data-view` set on the
 * root): the SVG map, panels and timeline, with no WebGL involved. Fails at once on
 * `data-state="error"`.
 */
export async function waitForLite(
  target: Page | Frame,
  selector = '[data-corridor-map]',
  timeout = 30_000,
): Promise<void> {
  const handle = await target.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const state = el.getAttribute('data-state');
      if (state === 'error') return 'error';
      return state === 'ready' && el.querySelector('.cm-lite-hub') ? 'ready' : false;
    },
    selector,
    { timeout, polling: 50 },
  );
  const outcome = await handle.jsonValue();
  if (outcome !== 'ready') throw new Error(`${selector}: data-state="${String(outcome)}"`);
}

/** Resolves after the page has painted `count` more animation frames (a signal, not a sleep). */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const tick = (left: number) =>
          left <= 0 ? resolve() : requestAnimationFrame(() => tick(left - 1));
        tick(n);
      }),
    count,
  );
}

/**
 * A screenshot of `clip` (or the viewport) once the picture has settled: shots are taken a few
 * frames apart until two in a row are identical, as Playwright's toHaveScreenshot does. CSS
 * animations are stopped and the caret hidden. Throws with the number of tries if the picture
 * never settles within `timeout`.
 */
export async function stableScreenshot(
  page: Page,
  clip?: Clip,
  { timeout = 30_000, frames = 3 }: { timeout?: number; frames?: number } = {},
): Promise<Buffer> {
  const shoot = () =>
    page.screenshot({
      ...(clip && { clip }),
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    });
  const end = Date.now() + timeout;
  let previous = await shoot();
  for (let tries = 1; ; tries++) {
    await nextFrames(page, frames);
    const current = await shoot();
    if (current.equals(previous)) return current;
    if (Date.now() > end) throw new Error(`screenshot still changing after ${tries} tries`);
    previous = current;
  }
}

/**
 * Counts the WebGL contexts each document of `context` holds: every `getContext('webgl'|'webgl2')`
 * that returns a new context is recorded, and `liveWebGLContexts(frame)` gives how many of them
 * are not lost. Call before the page loads (it is an init script, so frames get it too).
 */
export async function trackWebGLContexts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // Weak: holding a context would hold its canvas, and the canvas its detached map, and so
    // turn the count into a leak of its own.
    const made = new Set<WeakRef<WebGLRenderingContext | WebGL2RenderingContext>>();
    const seen = new WeakSet<object>(); // getContext() again on a canvas gives the same one
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      ...args: Parameters<HTMLCanvasElement['getContext']>
    ) {
      const gl = original.apply(this, args);
      if (gl && (args[0] === 'webgl' || args[0] === 'webgl2') && !seen.has(gl)) {
        seen.add(gl);
        made.add(new WeakRef(gl as WebGL2RenderingContext));
      }
      return gl;
    } as HTMLCanvasElement['getContext'];
    (window as unknown as { __liveContexts: () => number }).__liveContexts = () =>
      [...made].filter((ref) => {
        const gl = ref.deref();
        return gl !== undefined && !gl.isContextLost();
      }).length;
  });
}

/** How many WebGL contexts made in `target`'s document are not lost (see trackWebGLContexts). */
export function liveWebGLContexts(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    const count = (window as unknown as { __liveContexts?: () => number }).__liveContexts;
    return count ? count() : 0;
  });
}
