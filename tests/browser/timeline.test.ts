// Time on the map: years drawn differently, play and pause, the keyboard, reduced motion, and
// links that reopen a view.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { mapPixels } from './pixels.ts';
import { launchBrowser, openPage, waitForRendered } from './harness.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SIZE = { width: 960, height: 720 };
const year = (page: Page) => page.locator('[data-corridor-map]').getAttribute('data-year');
const corridorPixels = (px: Record<string, number>) =>
  (px['china-europe'] ?? 0) + (px['china-laos'] ?? 0) + (px['new-western-land-sea'] ?? 0);

test('2012 and 2023 draw visibly different maps', async () => {
  const early = await openPage(browser, `${baseUrl}/#year=2012&lang=en`, SIZE);
  await waitForRendered(early.page);
  expect(await year(early.page)).toBe('2012');
  const px2012 = await mapPixels(early.page);
  if (process.env.SCREENSHOTS) {
    await early.page
      .locator('[data-corridor-map]')
      .screenshot({ path: 'tests/screenshots/timeline-2012.png' });
  }
  await early.context.close();

  const late = await openPage(browser, `${baseUrl}/#year=2023&lang=en`, SIZE);
  await waitForRendered(late.page);
  const px2023 = await mapPixels(late.page);
  await late.context.close();

  // Only the Chongqing–Duisburg line ran in 2012; no Laos railway, no Land–Sea Corridor.
  expect(px2012['china-laos']).toBeLessThan(10);
  expect(px2012['new-western-land-sea']).toBeLessThan(10);
  expect(px2012['china-europe']).toBeGreaterThan(100);
  expect(px2023['china-laos']).toBeGreaterThan(40);
  expect(corridorPixels(px2023)).toBeGreaterThan(2.5 * corridorPixels(px2012));
});

test('Play advances the year within seconds and Pause stops it', async () => {
  const { page, errors } = await openPage(browser, `${baseUrl}/#year=2012&lang=en`, SIZE);
  await waitForRendered(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await year(page)), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2014);
  await page.getByRole('button', { name: 'Pause' }).click();
  const stopped = await year(page);
  await page.waitForTimeout(1500);
  expect(await year(page)).toBe(stopped);
  expect(page.url()).toContain(`year=${stopped}`);
  expect(errors).toEqual([]);
});

test('Space, arrows, Home and End work on the timeline and announce the year', async () => {
  const { page } = await openPage(browser, `${baseUrl}/#year=2016&lang=en`, SIZE);
  await waitForRendered(page);
  const slider = page.getByRole('slider', { name: 'Year' });
  await slider.focus();
  const live = page.locator('[aria-live="polite"]');

  await page.keyboard.press('ArrowRight');
  expect(await year(page)).toBe('2017');
  expect(await live.textContent()).toBe('Year 2017');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await year(page)).toBe('2015');
  await page.keyboard.press('Home');
  expect(await year(page)).toBe('2011');
  await page.keyboard.press('End');
  expect(await year(page)).toBe('2024');
  expect(await slider.getAttribute('aria-valuetext')).toBe('Year 2024');

  const timeline = page.locator('.cm-timeline');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  expect(await timeline.getAttribute('data-playing')).toBe('true');
  await page.keyboard.press(' ');
  expect(await timeline.getAttribute('data-playing')).toBe('false');
});

test('with reduced motion, play steps whole years and nothing moves between steps', async () => {
  const { page } = await openPage(browser, `${baseUrl}/#year=2016&lang=en`, {
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
    await page.waitForTimeout(250);
    const b = await page.screenshot({ clip });
    if ((await year(page)) !== before) continue;
    expect(Buffer.compare(a, b)).toBe(0);
    compared = true;
  }
  expect(compared).toBe(true);
});

test('without reduced motion, trains move while playing', async () => {
  const { page } = await openPage(browser, `${baseUrl}/#year=2019&lang=en`, SIZE);
  await waitForRendered(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const clip = (await page.locator('.cm-map').boundingBox())!;
  const a = await page.screenshot({ clip });
  await page.waitForTimeout(400);
  const b = await page.screenshot({ clip });
  expect(Buffer.compare(a, b)).not.toBe(0);
});

test('a link with a hash reopens the view, and the hash follows the view', async () => {
  const { page, errors } = await openPage(browser, `${baseUrl}/#hub=xian&year=2019&lang=en`, SIZE);
  await waitForRendered(page);
  const details = page.locator('.cm-details');
  expect(await details.getAttribute('data-selected')).toBe('xian');
  expect(await year(page)).toBe('2019');
  const text = await details.innerText();
  expect(text).toContain('20,045 trains');
  // The panel follows the year: that year's reported point, with its qualifier, not a guess.
  expect(text).toMatch(/Year by year · 2019/i);
  expect(text).toContain('over 2,000 trains');

  await page.locator('button[data-id="yiwu"]').click();
  await expect.poll(() => page.url()).toContain('#hub=yiwu&year=2019&lang=en');
  const entries: number = await page.evaluate(() => window.history.length);
  await page.reload();
  await waitForRendered(page);
  expect(await details.getAttribute('data-selected')).toBe('yiwu');
  expect(await page.evaluate(() => window.history.length)).toBe(entries);
  expect(errors).toEqual([]);
});

test('malformed hash values fall back to the defaults with one warning', async () => {
  const { page, errors, warnings } = await openPage(
    browser,
    `${baseUrl}/#year=abc&hub=%3Cscript%3E&lang=en`,
    SIZE,
  );
  await waitForRendered(page);
  expect(await year(page)).toBe('2024');
  expect(await page.locator('.cm-details').isVisible()).toBe(false);
  expect(warnings.filter((w) => w.includes('corridor-map: ignored'))).toHaveLength(1);
  expect(errors).toEqual([]);
});
