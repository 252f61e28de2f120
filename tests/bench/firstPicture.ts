/**
 * Where a reader feels the live map's first frame (issue 20 part 5), in two rows beside the bare
 * maplibre + deck.gl page:
 * - the first map picture of any kind from navigation: for the app, the first frame painted with
 *   the lite view's routes in it (a MutationObserver sees the first `.cm-lite-route`, the time is
 *   taken after the next frame); for the bare page, its first drawn frame;
 * - from the reader's reach (a drag on the lite view) to the live map's first frame
 *   (`corridor:rendered`), against the bare page's first frame from navigation.
 */
import type { Browser } from 'playwright-core';
import { openPage } from '../browser/harness.ts';
import { dragMap, MAP_ROOT_SELECTOR } from './transfer.ts';

export interface FirstPicture {
  /** ms from navigation to the first picture of the map (lite or live). */
  firstPicture: number;
  /** ms from the reach to the live map's first frame; the bare page has no reach. */
  reachToLive: number | null;
}

// A string, not a function: tsx's transform would wrap a function with helpers the page lacks.
// After the frame that holds the first route: rAF, then a task (the paint comes between them).
const WATCH_FIRST_PICTURE = `(() => {
  const seen = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.__firstPicture = performance.now(); };
    channel.port2.postMessage(null);
  });
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.cm-lite-route')) return;
    observer.disconnect();
    seen();
  }).observe(document, { subtree: true, childList: true });
  addEventListener('pointerdown', () => { window.__reach ??= performance.now(); }, true);
})()`;

const SIZE = { width: 1280, height: 720 };

/** index.html as a shared link opens it (lite first), then a drag. */
export async function appFirstPicture(browser: Browser, url: string): Promise<FirstPicture> {
  const { page, context } = await openPage(browser, 'about:blank', SIZE);
  try {
    await page.addInitScript(WATCH_FIRST_PICTURE);
    await page.goto(url);
    await page.waitForFunction('window.__firstPicture !== undefined', undefined, {
      timeout: 60_000,
    });
    const firstPicture = await page.evaluate<number>('window.__firstPicture');
    // Ready for the reader: the panels are in, nothing else competes with the reach.
    await page
      .locator(`${MAP_ROOT_SELECTOR}[data-state="ready"]`)
      .waitFor({ state: 'attached', timeout: 60_000 });
    await dragMap(page);
    await page.waitForFunction(
      `document.querySelector('${MAP_ROOT_SELECTOR}')?.getAttribute('data-rendered') === 'true'`,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const reachToLive = await page.evaluate<number>(
      `performance.getEntriesByName('corridor:rendered')[0].startTime - window.__reach`,
    );
    return { firstPicture, reachToLive };
  } finally {
    await context.close();
  }
}

/** The bare page's first drawn frame from navigation (its `corridor:first-frame` mark). */
export async function bareFirstPicture(browser: Browser, url: string): Promise<FirstPicture> {
  const { page, context } = await openPage(browser, 'about:blank', SIZE);
  try {
    await page.goto(url);
    await page.waitForFunction('window.__rendered === true', undefined, {
      timeout: 120_000,
      polling: 50,
    });
    const firstPicture = await page.evaluate<number>(
      `performance.getEntriesByName('corridor:first-frame')[0].startTime`,
    );
    return { firstPicture, reachToLive: null };
  } finally {
    await context.close();
  }
}
