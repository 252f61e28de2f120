// Events on the timeline (issue 12, item 1) in a real Chromium, on the lite view (no WebGL needed
// for what is tested here; the live map's highlight is covered by tests/unit/events.test.ts):
// twelve marks along the slider, reached with the keyboard and named for screen readers, and the
// caption with its source — and its route highlighted — as play passes an event.
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { openPage, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const SIZE = { width: 800, height: 720 };

/** Tabs (at most `max` times) until `test` holds for the focused element; its name if it does. */
async function tabUntil(page: Page, selector: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return true;
  }
  return false;
}

test('the slider shows 12 event marks, along its track, in date order', async () => {
  const { page, errors } = await openPage(browser(), `${baseUrl}/?live=never&lang=en`, SIZE);
  await waitForLite(page);
  const marks = page.locator('.cm-timeline .cm-event-mark');
  expect(await marks.count()).toBe(12);
  const slider = (await page.locator('.cm-slider').boundingBox())!;
  const boxes = await Promise.all((await marks.all()).map(async (m) => (await m.boundingBox())!));
  // Every mark is visible, under the slider and within its width; left to right by date.
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(8);
    expect(box.y).toBeGreaterThanOrEqual(slider.y + slider.height - 1);
    expect(box.x).toBeGreaterThanOrEqual(slider.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(slider.x + slider.width + 1);
  }
  const centres = boxes.map((b) => b.x + b.width / 2);
  expect(centres).toEqual([...centres].sort((a, b) => a - b));
  // The first and last marks sit under the slider's first and last steps (the thumb's centre).
  expect(Math.abs(centres[0]! - (slider.x + 8))).toBeLessThan(3);
  expect(Math.abs(centres.at(-1)! - (slider.x + slider.width - 8))).toBeLessThan(3);
  expect(errors).toEqual([]);
});

test('Tab reaches the marks, each named with its date and text; arrows and Enter work', async () => {
  const { page, errors } = await openPage(
    browser(),
    `${baseUrl}/?live=never&lang=en#year=2020`,
    SIZE,
  );
  await waitForLite(page);
  await page.locator('.cm-slider').focus();
  expect(await tabUntil(page, '.cm-event-mark', 3)).toBe(true);
  const focused = page.locator('.cm-event-mark:focus');
  expect(await focused.getAttribute('aria-label')).toBe(
    "19 Mar 2011: Chongqing's first train to Duisburg, Germany (Yuxin'ou)",
  );
  // The accessible name as the browser computes it (what a screen reader reads).
  const named = page.getByRole('button', { name: "28 Nov 2013: Chang'an's first train" });
  expect(await named.count()).toBe(1);
  expect(await page.getByRole('toolbar', { name: 'Events on the timeline' }).count()).toBe(1);

  await page.keyboard.press('ArrowRight');
  expect(await page.locator('.cm-event-mark:focus').getAttribute('data-event')).toBe(
    'changan-first-train',
  );
  // Moving between marks does not change the year; Enter does.
  expect(await page.locator('[data-corridor-map]').getAttribute('data-year')).toBe('2020');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('[data-corridor-map]').getAttribute('data-year'))
    .toBe('2013');
  const caption = page.locator('.cm-event-caption');
  expect(await caption.innerText()).toContain("28 Nov 2013 — Chang'an's first train leaves Xi'an");
  expect(await caption.innerText()).toContain('Source: Xinhua report, 28 November 2023');
  expect(await page.locator('[aria-live="polite"]').textContent()).toContain(
    "Chang'an's first train leaves Xi'an",
  );
  // Its route and hub are highlighted in the map.
  expect(await page.locator('.cm-lite-route.cm-event').getAttribute('data-route')).toBe('changan');
  expect(await page.locator('.cm-lite-hub.cm-event').getAttribute('data-hub')).toBe('xian');
  // One Tab stop for the toolbar: Shift+Tab leaves it, Tab comes back to the mark last reached.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await page.locator('.cm-event-mark:focus').getAttribute('data-event')).toBe(
    'changan-first-train',
  );
  expect(errors).toEqual([]);
});

test('playing from 2011 shows the 2013 caption with its source while 2013 passes', async () => {
  const { page, errors } = await openPage(
    browser(),
    `${baseUrl}/?live=never&lang=en#year=2011`,
    SIZE,
  );
  await waitForLite(page);
  // Every caption as it comes, with the store's time and the route highlighted then: recorded in
  // the page (a caption shows for about a second; polling from here could miss it).
  await page.evaluate(() => {
    const root = document.querySelector('[data-corridor-map]') as HTMLElement & {
      corridorMap: { store: { getState(): { time: number } } };
    };
    const caption = root.querySelector('.cm-event-caption') as HTMLElement;
    const seen: { event: string; time: number; text: string; route: string }[] = [];
    (window as unknown as { captions: typeof seen }).captions = seen;
    new MutationObserver(() =>
      seen.push({
        event: caption.dataset.event ?? '',
        time: root.corridorMap.store.getState().time,
        text: caption.textContent ?? '',
        route: root.querySelector('.cm-lite-route.cm-event')?.getAttribute('data-route') ?? '',
      }),
    ).observe(caption, { childList: true, subtree: true, attributes: true });
  });
  const captions = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            captions: { event: string; time: number; text: string; route: string }[];
          }
        ).captions,
    );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => (await captions()).some((c) => c.event === 'changan-first-train'), {
      timeout: 30_000,
    })
    .toBe(true);
  const changan = (await captions()).find((c) => c.event === 'changan-first-train')!;
  expect(Math.floor(changan.time)).toBe(2013);
  expect(changan.text).toBe(
    "28 Nov 2013 — Chang'an's first train leaves Xi'an · Source: Xinhua report, 28 November 2023",
  );
  expect(changan.route).toBe('changan');
  // Before it, only 2011's caption and the empty one: no other event passed.
  const told = [...new Set((await captions()).map((c) => c.event))];
  const before = told.slice(0, told.indexOf('changan-first-train'));
  expect(before.filter((id) => id !== '' && id !== 'yuxinou-first-train')).toEqual([]);
  expect(before).toContain('');
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(errors).toEqual([]);
});
