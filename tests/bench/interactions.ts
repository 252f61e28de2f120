/**
 * Interaction to next paint of every control (issue 20 item 4), as a phone-class reader feels it:
 * `embed.html` at 412 px with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`), each
 * control used by real input (Playwright's mouse and keyboard, never `dispatchEvent` or a store
 * call), and each interaction's Event Timing `duration` — what INP reports — read from a
 * PerformanceObserver (`type: 'event'`, `durationThreshold: 16`; the entries of one interaction
 * share an `interactionId`, and the interaction's duration is the longest of them).
 *
 * After each input the measure waits on the app's own signal that the control answered
 * (`data-selected`, `data-playing`, `data-year`, `aria-expanded`, `lang`), then for the page to
 * settle (two frames and an idle period), so that one control's leftover work is not billed to the
 * next. Used by the bench (`--only=inp`) and by tests/browser/controls-inp.test.ts.
 *
 * Page scripts are strings, not functions: tsx's transform (the bench) wraps functions with
 * helpers the page lacks.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openPage } from '../browser/harness.ts';

/**
 * The Chromium flags of the browser these measures run in: the browser tests' flags plus
 * `--disable-gpu`, so that the page is rastered and composited on the CPU, as Chromium does
 * where it finds no usable GPU. With the tests' SwiftShader (a GPU emulated on the CPU, one
 * thread, every frame read back to the CPU in headless mode) a paint of the lite view's SVG
 * waited 0.3–1.2 s here on a loaded machine, and 20–30 s with 10,000 routes, whatever the page
 * did: a phone rasters on its GPU and has no such wait. Both are noted in docs/performance.md.
 */
export const INTERACTION_BROWSER_ARGS: readonly string[] = ['--disable-gpu'];

/** The controls, in the order they are used on one page load. */
export const CONTROLS = [
  'hub',
  'route',
  'play',
  'pause',
  'slider step',
  'event mark',
  'table toggle',
  'download menu',
  'language switch',
] as const;
export type ControlName = (typeof CONTROLS)[number];

/** An Event Timing entry of an interaction: `start` is its input event's timestamp. */
export interface Entry {
  id: number;
  name: string;
  start: number;
  duration: number;
}

/**
 * One load's durations (ms) by control; 0 where no entry reached the 16 ms threshold. Beside
 * them, \`textDrawn\`: from the language switch's press to the frame drawn in the new language.
 */
export type Durations = Record<ControlName, number>;

export interface InteractionOptions {
  /** CPU slowdown (default 4, as Lighthouse's mobile profile). */
  cpu?: number;
  width?: number;
  height?: number;
  /** Waits for the page to load (10,000 routes take long on two shared cores). */
  timeout?: number;
  /**
   * Called around each control's input and its signal, with the page's CDP session: where a
   * profiler or a trace is started and stopped to see what a control runs.
   */
  around?: (cdp: CDPSession, control: ControlName, use: () => Promise<void>) => Promise<void>;
}

// The entries of an interaction reach the observer only after the frame it painted is presented,
// sometimes after the next control's input: each entry is matched to a control by its
// `startTime` (the input event's timestamp), against the timestamps of the inputs each control
// made, not by when it arrived.
const OBSERVER = `(() => {
  const entries = [];
  const inputs = [];
  window.__eventTimings = { entries, inputs };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId)
        entries.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  for (const type of ['pointerdown', 'keydown'])
    addEventListener(type, (e) => inputs.push(e.timeStamp), { capture: true });
})()`;

/** Two frames, then an idle period (at most 5 s): the page painted and has nothing left to do. */
const SETTLE = `new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() =>
    requestIdleCallback(() => resolve(), { timeout: 5000 }))))`;

const ROOT = '[data-corridor-map]';

/**
 * When the map's text in the new language was drawn: the root's \`lang\` changes, and the frame
 * that follows is drawn (a frame, then a task: its style, layout and paint are done).
 */
const TEXT_DRAWN = `(() => {
  const root = document.querySelector('${ROOT}');
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__textDrawn = performance.now()), 0));
  });
  observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
})()`;

/**
 * Opens `url` (embed.html with its options) and uses each control once; returns each one's
 * duration. The page is in English (`lang=en`), the lite view, nothing selected.
 */
export async function measureInteractions(
  browser: Browser,
  url: string,
  {
    cpu = 4,
    width = 412,
    height = 823,
    timeout = 120_000,
    around = (_, __, run) => run(),
  }: InteractionOptions = {},
): Promise<{ durations: Durations; entries: Entry[]; textDrawn: number }> {
  const { page, context } = await openPage(browser, 'about:blank', { width, height });
  try {
    page.setDefaultTimeout(timeout);
    await page.addInitScript(OBSERVER);
    await page.goto(url, { timeout });
    await page.waitForFunction(
      `document.querySelector('${ROOT}')?.getAttribute('data-state') === 'ready' &&
       !!document.querySelector('${ROOT} .cm-lite-label') &&
       !document.querySelector('${ROOT} .cm-footer')?.hidden`,
      undefined,
      { timeout, polling: 100 },
    );
    await page.evaluate(SETTLE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    /** Where each control's inputs start in the page's list of input timestamps. */
    const firstInput: number[] = [];
    for (const control of CONTROLS) {
      firstInput.push(await page.evaluate<number>('window.__eventTimings.inputs.length'));
      await around(cdp, control, async () => {
        await use(page, control, timeout);
        await page.evaluate(SETTLE);
      });
    }
    // The last entries may still be on their way: wait until two settled pages see as many.
    let count = -1;
    for (let tries = 0; tries < 20; tries++) {
      await page.evaluate(SETTLE);
      const now = await page.evaluate<number>('window.__eventTimings.entries.length');
      if (now === count) break;
      count = now;
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const { entries, inputs, drawn } = await page.evaluate<{
      entries: Entry[];
      inputs: number[];
      drawn: number;
    }>('({ ...window.__eventTimings, drawn: window.__textDrawn })');
    const durations = {} as Durations;
    CONTROLS.forEach((control, i) => {
      const from = inputs[firstInput[i]!] ?? Infinity;
      const next = firstInput[i + 1];
      const to = next === undefined ? Infinity : (inputs[next] ?? Infinity);
      durations[control] = entries
        .filter((e) => e.start >= from && e.start < to)
        .reduce((max, e) => Math.max(max, e.duration), 0);
    });
    // From the language switch's first input (its pointerdown) to its text drawn.
    const pressed = inputs[firstInput[CONTROLS.indexOf('language switch')]!] ?? drawn;
    return { durations, entries, textDrawn: drawn - pressed };
  } finally {
    await context.close();
  }
}

const signal = async (page: Page, expression: string, timeout: number): Promise<void> => {
  await page.waitForFunction(expression, undefined, { timeout, polling: 20 });
};

/** Uses one control by real input and waits for the app's signal that it answered. */
async function use(page: Page, control: ControlName, timeout: number): Promise<void> {
  const root = page.locator(ROOT);
  switch (control) {
    case 'hub': {
      const hub = page.locator(`${ROOT} .cm-lite-hub[data-hub="xian"]`);
      await hub.click();
      return signal(
        page,
        `document.querySelector('${ROOT} .cm-details')?.dataset.selected === 'xian'`,
        timeout,
      );
    }
    case 'route': {
      // A point on a drawn route that is the topmost element there (a path's box centre is
      // seldom on the path): the route a reader's finger lands on.
      const hit =
        (await page.evaluate<{ x: number; y: number; id: string } | null>(`(() => {
        for (const path of document.querySelectorAll('${ROOT} .cm-lite-route:not(.cm-hidden)')) {
          const length = path.getTotalLength();
          if (length < 20) continue;
          for (const f of [0.5, 0.3, 0.7]) {
            const p = path.getPointAtLength(length * f);
            const m = path.getScreenCTM();
            const x = m.a * p.x + m.c * p.y + m.e;
            const y = m.b * p.x + m.d * p.y + m.f;
            const top = document.elementFromPoint(x, y)?.closest('.cm-lite-route');
            if (top) return { x, y, id: top.dataset.route };
          }
        }
        return null;
      })()`)) ?? (await canvasRoutePoint(page));
      if (!hit) throw new Error('route: no drawn route to click');
      await page.mouse.click(hit.x, hit.y);
      // On the canvas the route is known once selected: its copy drawn on top names it.
      const id = hit.id
        ? JSON.stringify(hit.id)
        : `document.querySelector('${ROOT} .cm-lite-routes-top > :first-child')?.dataset.route`;
      return signal(
        page,
        `((id) => !!id && document.querySelector('${ROOT} .cm-details')?.dataset.selected === id)(${id})`,
        timeout,
      );
    }
    case 'play':
    case 'pause': {
      await page.locator(`${ROOT} .cm-play`).click();
      const playing = control === 'play';
      return signal(
        page,
        `document.querySelector('${ROOT} .cm-timeline')?.dataset.playing === '${playing}'`,
        timeout,
      );
    }
    case 'slider step': {
      const year = Number(await root.getAttribute('data-year'));
      const max = Number(await page.locator(`${ROOT} .cm-slider`).getAttribute('max'));
      await page.locator(`${ROOT} .cm-slider`).focus();
      const step = year < max ? 1 : -1;
      await page.keyboard.press(step === 1 ? 'ArrowRight' : 'ArrowLeft');
      return signal(
        page,
        `document.querySelector('${ROOT}')?.dataset.year === '${year + step}'`,
        timeout,
      );
    }
    case 'event mark': {
      const year = await root.getAttribute('data-year');
      // The first mark of another year than the one shown, so that the click changes it.
      const marks = page.locator(`${ROOT} .cm-event-mark`);
      const ids = await marks.evaluateAll((els) =>
        els.map((el) => (el as HTMLElement).dataset.event ?? ''),
      );
      const years = await page.evaluate<string[]>(
        `[...document.querySelectorAll('${ROOT} .cm-event-mark')].map((el) =>
          el.getAttribute('aria-label') ?? '')`,
      );
      const index = years.findIndex((label) => !label.includes(year ?? '—'));
      if (index < 0 || !ids[index]) throw new Error('event mark: no mark of another year');
      await marks.nth(index).click();
      return signal(
        page,
        `document.querySelector('${ROOT}')?.dataset.year !== ${JSON.stringify(year)}`,
        timeout,
      );
    }
    case 'table toggle':
      await page.locator(`${ROOT} .cm-table-toggle`).click();
      return signal(
        page,
        `document.querySelector('${ROOT} .cm-table-toggle')?.getAttribute('aria-expanded') === 'true'`,
        timeout,
      );
    case 'download menu':
      await page.locator(`${ROOT} .cm-download-toggle`).click();
      return signal(
        page,
        `document.querySelector('${ROOT} .cm-download-toggle')?.getAttribute('aria-expanded') === 'true'`,
        timeout,
      );
    case 'language switch':
      // The press answers first and the text follows a frame later (src/panels/langSwitch.ts):
      // when the frame with the new language was drawn is kept too (\`textDrawn\`).
      await page.evaluate(TEXT_DRAWN);
      await page.locator(`${ROOT} .cm-lang button[data-lang="zh"]`).click();
      return signal(page, `window.__textDrawn !== undefined`, timeout);
  }
}

/**
 * Past a thousand routes the lite view paints them into a canvas (src/lite/canvasRoutes.ts), in a
 * worker whose pixels the page cannot read: a point of a screenshot of it in a corridor's colour
 * where the SVG above has nothing (no hub, label or place), from the middle of the map down.
 */
async function canvasRoutePoint(page: Page): Promise<{ x: number; y: number; id: '' } | null> {
  const canvas = page.locator(`${ROOT} .cm-lite-canvas`);
  if ((await canvas.count()) === 0) return null;
  const box = await canvas.boundingBox();
  if (!box) return null;
  const png = await canvas.screenshot({ scale: 'css', animations: 'disabled' });
  return page.evaluate<{ x: number; y: number; id: '' } | null>(`(async () => {
    const bytes = Uint8Array.from(atob('${png.toString('base64')}'), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const style = getComputedStyle(document.querySelector('${ROOT} .cm-lite-canvas'));
    const colors = ['china-europe', 'china-laos', 'new-western-land-sea'].map((c) => {
      const hex = style.getPropertyValue('--cm-corridor-' + c).trim();
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    });
    const root = document.querySelector('${ROOT} .cm-lite');
    for (let step = 0, y = Math.floor(height / 2); step < height; step++, y = (y + 7) % height) {
      for (let x = 0; x < width; x += 3) {
        const k = 4 * (y * width + x);
        const near = colors.some((c) => c.every((v, i) => Math.abs(v - data[k + i]) <= 24));
        if (!near) continue;
        const cx = ${box.x} + x;
        const cy = ${box.y} + y;
        if (document.elementFromPoint(cx, cy) === root) return { x: cx, y: cy, id: '' };
      }
    }
    return null;
  })()`);
}

/** The worst of several loads, per control. */
export function worst(runs: readonly Durations[]): Durations {
  const out = {} as Durations;
  for (const control of CONTROLS) out[control] = Math.max(...runs.map((r) => r[control]));
  return out;
}
