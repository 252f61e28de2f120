// Years on the map and the links that reopen a view: two years drawn differently, the timeline's
// keys, a link's hash in and out, a malformed hash. Nothing here depends on how fast the machine
// draws, so this file runs beside the others; what does (play, trains, reduced motion) is in
// timeline.test.ts, alone.
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { mapPixels } from './pixels.ts';
import { openPage, waitForLite, waitForRendered } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const SIZE = { width: 960, height: 720 };
const year = (page: Page) => page.locator('[data-corridor-map]').getAttribute('data-year');
const corridorPixels = (px: Record<string, number>) =>
  (px['china-europe'] ?? 0) + (px['china-laos'] ?? 0) + (px['new-western-land-sea'] ?? 0);

test('2012 and 2023 draw visibly different maps', async () => {
  const { page, errors } = await openPage(
    browser(),
    `${baseUrl}/?live=eager#year=2012&lang=en`,
    SIZE,
  );
  await waitForRendered(page);
  expect(await year(page)).toBe('2012');
  const px2012 = await mapPixels(page);
  if (process.env.SCREENSHOTS) {
    await page
      .locator('[data-corridor-map]')
      .screenshot({ path: 'tests/screenshots/timeline-2012.png' });
  }
  // Only the Chongqing–Duisburg line ran in 2012; no Laos railway, no Land–Sea Corridor.
  expect(px2012['china-laos']).toBeLessThan(10);
  expect(px2012['new-western-land-sea']).toBeLessThan(10);
  expect(px2012['china-europe']).toBeGreaterThan(100);

  // 2023 on the same live map, by its link (one live start, not two), drawn once the map has
  // caught up with the year.
  await page.evaluate(() => (location.hash = 'year=2023&lang=en'));
  await expect.poll(() => year(page)).toBe('2023');
  let px2023 = px2012;
  await expect
    .poll(async () => {
      px2023 = await mapPixels(page);
      return corridorPixels(px2023) > 2.5 * corridorPixels(px2012);
    })
    .toBe(true);
  expect(px2023['china-laos']).toBeGreaterThan(40);
  expect(errors).toEqual([]);
});

test('Space, arrows, Home and End work on the timeline and announce the year', async () => {
  const { page } = await openPage(browser(), `${baseUrl}/#year=2016&lang=en`, SIZE);
  await waitForLite(page);
  const slider = page.getByRole('slider', { name: 'Year' });
  await slider.focus();
  const live = page.locator('[aria-live="polite"]');

  await page.keyboard.press('ArrowRight');
  expect(await year(page)).toBe('2017');
  // 2017 has an event on the timeline (the first Land–Sea train): its caption follows the year.
  expect(await live.textContent()).toMatch(/^Year 2017\. 28 Apr 2017 — /);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await year(page)).toBe('2015');
  await page.keyboard.press('Home');
  expect(await year(page)).toBe('2011');
  // The slider ends at the newest year with data, 2025.
  await page.keyboard.press('End');
  expect(await year(page)).toBe('2025');
  expect(await slider.getAttribute('aria-valuetext')).toBe('Year 2025');

  const timeline = page.locator('.cm-timeline');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  expect(await timeline.getAttribute('data-playing')).toBe('true');
  await page.keyboard.press(' ');
  expect(await timeline.getAttribute('data-playing')).toBe('false');
});

test('a link with a hash reopens the view, and the hash follows the view', async () => {
  const { page, errors } = await openPage(
    browser(),
    `${baseUrl}/#hub=xian&year=2019&lang=en`,
    SIZE,
  );
  await waitForLite(page);
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
  await waitForLite(page);
  expect(await details.getAttribute('data-selected')).toBe('yiwu');
  expect(await page.evaluate(() => window.history.length)).toBe(entries);
  expect(errors).toEqual([]);
});

test('malformed hash values fall back to the defaults with one warning', async () => {
  const { page, errors, warnings } = await openPage(
    browser(),
    `${baseUrl}/#year=abc&hub=%3Cscript%3E&lang=en`,
    SIZE,
  );
  await waitForLite(page);
  expect(await year(page)).toBe('2025');
  expect(await page.locator('.cm-details').isVisible()).toBe(false);
  expect(warnings.filter((w) => w.includes('corridor-map: ignored'))).toHaveLength(1);
  expect(errors).toEqual([]);
});
