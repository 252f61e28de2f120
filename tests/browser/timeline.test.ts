// Time on the map as it passes: play and pause, the hidden lite view while the live map plays,
// reduced motion, trains that move. These depend on the machine's time (frames within one year),
// so they run alone (vitest.config.ts); years drawn, the timeline's keys and links that reopen a
// view are in years.test.ts. index.html is lite first: tests of the live map ask for it
// (live=eager).
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { routeBand } from './pixels.ts';
import type { RGB } from './harness.ts';
import { TRAIN_TRAIL } from '../../src/data/trainTrails.ts';
import { nextFrames, openPage, waitForLite, waitForRendered } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const SIZE = { width: 960, height: 720 };
const distance = (a: RGB, b: RGB) =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
const year = (page: Page) => page.locator('[data-corridor-map]').getAttribute('data-year');
const playing = (page: Page) => page.locator('.cm-timeline').getAttribute('data-playing');
/** The store's time (fractional years): it moves every frame while playing, and only then. */
const time = (page: Page) =>
  page.evaluate(
    () =>
      (
        document.querySelector('[data-corridor-map]') as HTMLElement & {
          corridorMap?: { store: { getState(): { time: number } } };
        }
      ).corridorMap?.store.getState().time,
  );
/** Moves the store's time (the clock carries on from there if playing). */
const setTime = (page: Page, to: number) =>
  page.evaluate((value) => {
    const root = document.querySelector('[data-corridor-map]') as HTMLElement & {
      corridorMap?: { store: { setState(s: { time: number }): void } };
    };
    root.corridorMap?.store.setState({ time: value });
  }, to);

test('Play advances the year within seconds and Pause stops it', async () => {
  const { page, errors } = await openPage(browser(), `${baseUrl}/#year=2012&lang=en`, SIZE);
  await waitForLite(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await year(page)), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2014);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => playing(page)).toBe('false');
  const stopped = await year(page);
  const stoppedAt = await time(page);
  expect(stoppedAt).toBeTypeOf('number');
  // While playing, time moves on every frame; paused, ten frames later it has not moved at all.
  await nextFrames(page, 10);
  expect(await time(page)).toBe(stoppedAt);
  expect(await year(page)).toBe(stopped);
  expect(page.url()).toContain(`year=${stopped}`);
  expect(errors).toEqual([]);
});

test('under the live map the lite view stays still while playing, and catches up when shown', async () => {
  const { page, errors } = await openPage(
    browser(),
    `${baseUrl}/?live=eager#year=2012&lang=en`,
    SIZE,
  );
  await waitForRendered(page);
  // Every route's drawing in the lite view, hidden under the live map.
  const liteRoutes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.cm-lite-routes path')].map((p) => p.getAttribute('d')),
    );
  const under = await liteRoutes();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await year(page)), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2014);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Years went by on the live map: the hidden view did no drawing for them.
  expect(await liteRoutes()).toEqual(under);
  // Given back (too many maps on a page), the lite view shows the year reached, not 2012.
  await page.evaluate(() =>
    (
      document.querySelector('[data-corridor-map]') as HTMLElement & {
        corridorMap: { release(): void };
      }
    ).corridorMap.release(),
  );
  await expect
    .poll(() => page.locator('[data-corridor-map]').getAttribute('data-view'))
    .toBe('lite');
  const shown = await liteRoutes();
  expect(shown).not.toEqual(under);
  expect(shown.filter(Boolean).length).toBeGreaterThan(under.filter(Boolean).length);
  expect(errors).toEqual([]);
});

test('with reduced motion, play steps whole years and nothing moves between steps', async () => {
  const { page } = await openPage(browser(), `${baseUrl}/?live=eager#year=2016&lang=en`, {
    ...SIZE,
    reducedMotion: 'reduce',
  });
  await waitForRendered(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await year(page)), { timeout: 10_000 })
    .toBeGreaterThan(2016);
  const clip = (await page.locator('.cm-map').boundingBox())!;
  // Two frames within one year must be identical: no trains, no growing lines.
  let compared = false;
  for (let attempt = 0; attempt < 5 && !compared; attempt++) {
    const before = await year(page);
    const a = await page.screenshot({ clip });
    await nextFrames(page, 10);
    const b = await page.screenshot({ clip });
    if ((await year(page)) !== before) continue;
    expect(Buffer.compare(a, b)).toBe(0);
    compared = true;
  }
  expect(compared).toBe(true);
});

test(
  'without reduced motion, trains move along a fully drawn route while playing',
  { timeout: 120_000 },
  async () => {
    // The Land–Sea Corridor's route opened in 2017: from 2019 it is fully drawn, so within one year
    // nothing on it changes but the trains (widths and the number of trains change only with the
    // year, and the two samples are taken within one year). Along that route only, away from every
    // other route, the pixels are compared at two moments two trails' lengths of map time apart:
    // those that changed must be there, and some of them must have the trains' colour (the route
    // under them is drawn translucent, a few levels off it) in one sample and not in the other.
    // Half speed leaves a slow machine more time to take both pictures within one year.
    const { page, errors } = await openPage(
      browser(),
      `${baseUrl}/?live=eager&speed=0.5#year=2019&lang=en`,
      SIZE,
    );
    await waitForRendered(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => playing(page)).toBe('true');
    const train = CORRIDOR_COLORS['new-western-land-sea'];

    // Two trains run on this route, each trail a few percent of it: at one moment both may be
    // where the band leaves out (near the other routes at Chongqing) or between trips, so three
    // pairs of moments are compared, each from the start of a year (the store's time set while
    // playing, so that a slow machine still has the year to take both pictures in; the three
    // starts fall at different points of the trains' loop), and the pair where they moved most
    // must show them.
    const pairs: { changed: number; trainPixels: number }[] = [];
    for (let attempt = 0; attempt < 10 && pairs.length < 3; attempt++) {
      await setTime(page, 2020 + (attempt % 3) + 0.02);
      await nextFrames(page, 2); // the new year's widths drawn before the first picture
      const before = await year(page);
      const start = (await time(page))!;
      const a = await routeBand(page, 'land-sea');
      // Two trails' lengths of map time, not a number of frames: a fast machine draws many frames
      // in which the trains move a pixel or two, and the pictures must differ by the trains' move.
      await expect
        .poll(async () => (await time(page))! - start, { timeout: 10_000, interval: 20 })
        .toBeGreaterThan(2 * TRAIN_TRAIL);
      await nextFrames(page, 2);
      const b = await routeBand(page, 'land-sea');
      // A new year changes widths and the number of trains: try again within one year.
      if ((await year(page)) !== before) continue;
      expect(b.index).toEqual(a.index);
      let changed = 0;
      let trainPixels = 0;
      a.rgb.forEach((colour, k) => {
        const other = b.rgb[k]!;
        if (distance(colour, other) <= 8) return;
        changed++;
        if (distance(colour, train) <= 6 !== distance(other, train) <= 6) trainPixels++;
      });
      console.log(
        `trains in ${before}: ${changed} of ${a.index.length} pixels along the route changed, ` +
          `${trainPixels} to or from the trains' colour`,
      );
      pairs.push({ changed, trainPixels });
    }
    expect(pairs.length, 'pairs of moments within one year').toBe(3);
    const most = pairs.reduce((m, p) => (p.changed > m.changed ? p : m));
    expect(most.changed, 'pixels along the route that changed').toBeGreaterThan(20);
    expect(most.trainPixels, "pixels that took or lost the trains' colour").toBeGreaterThan(4);
    expect(errors).toEqual([]);
  },
);
