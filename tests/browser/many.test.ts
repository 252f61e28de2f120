// Many maps, bounded (issue 10 item 7): twenty snippets that each go live when in view. Scrolled
// through (in `npm test` the first LIVE_CAP + 1 of them, enough to pass the cap once; all twenty
// in `npm run bench -- --only=heavy`, and in the bench's memory part), the page never holds more than LIVE_CAP live WebGL contexts — the frame furthest from
// view gives its context back and shows its lite view — every frame in view shows a map, and a
// released map comes back live when the reader returns to it.
import type { Frame, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { LIVE_CAP } from '../../src/embed/liveSlots.ts';
import { bySize } from './full.ts';
import { liveWebGLContexts, openPage, trackWebGLContexts } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const MAPS = 20;
/** Maps scrolled to: past the cap, so that the first must give its context back (all: four more). */
const SCROLLED = bySize(LIVE_CAP + 1, MAPS);

async function frameOf(page: Page, index: number): Promise<Frame> {
  const handle = await page.waitForSelector(`#m${index} iframe`, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`#m${index}: no frame`);
  return frame;
}

/** Waits until the frame's map shows its live map (or, with `live: false`, the lite view). */
async function waitForView(frame: Frame, live: boolean): Promise<void> {
  await frame.waitForFunction(
    (wantLive) => {
      const root = document.querySelector('[data-corridor-map]');
      if (root?.getAttribute('data-state') !== 'ready') return false;
      return wantLive
        ? root.getAttribute('data-live') === 'ready' &&
            root.getAttribute('data-rendered') === 'true'
        : root.getAttribute('data-view') === 'lite';
    },
    live,
    { timeout: 60_000, polling: 100 },
  );
}

async function liveCounts(page: Page) {
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  const contexts = await Promise.all(frames.map((f) => liveWebGLContexts(f).catch(() => 0)));
  const views = await Promise.all(
    frames.map((f) =>
      f
        .evaluate(() => document.querySelector('[data-corridor-map]')?.getAttribute('data-live'))
        .catch(() => null),
    ),
  );
  return {
    contexts: contexts.reduce((a, b) => a + b, 0),
    maxPerFrame: Math.max(0, ...contexts),
    live: views.filter((v) => v === 'ready').length,
    released: views.filter((v) => v === 'released').length,
  };
}

test(`${SCROLLED} of ${MAPS} snippets in view in turn: at most ${LIVE_CAP} live maps, each map in view drawn, a released map comes back`, async () => {
  const { page, context, errors, warnings } = await openPage(browser(), 'about:blank', {
    width: 480,
    height: 700,
  });
  await trackWebGLContexts(context);
  await page.goto(`${baseUrl}/test/many-snippets.html`);
  let most = 0;
  for (let i = 0; i < SCROLLED; i++) {
    await page.locator(`#m${i}`).scrollIntoViewIfNeeded();
    await waitForView(await frameOf(page, i), true);
    const counts = await liveCounts(page);
    most = Math.max(most, counts.contexts);
    expect(counts.contexts, `live WebGL contexts with map ${i} in view`).toBeLessThanOrEqual(
      LIVE_CAP,
    );
    expect(counts.maxPerFrame, 'contexts in one frame').toBeLessThanOrEqual(1);
    expect(counts.live).toBeLessThanOrEqual(LIVE_CAP);
  }
  const end = await liveCounts(page);
  expect(most).toBe(LIVE_CAP);
  expect(end.released).toBe(SCROLLED - LIVE_CAP);

  // Map 0 gave its context back long ago: it shows its lite view, and goes live on return.
  const first = await frameOf(page, 0);
  await waitForView(first, false);
  await page.locator('#m0').scrollIntoViewIfNeeded();
  await waitForView(first, true);
  expect((await liveCounts(page)).contexts).toBeLessThanOrEqual(LIVE_CAP);
  expect(errors).toEqual([]);
  expect(warnings.filter((w) => /too many active WebGL contexts/i.test(w))).toEqual([]);
}, 600_000);
