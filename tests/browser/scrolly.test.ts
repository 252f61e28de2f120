// Scrollytelling without code (issue 12, item 2), in real Chromium: the second demo article
// (public/demo/scrolly.html) has no script of its own, only `data-corridor-step` sections and
// embed.js. Scrolling a step to the middle of the viewport puts the map in that step's view
// (year, selection, play); scrolling back up gives the earlier view back. The page runs under
// the strict CSP the README names. Waits are on the frame's own DOM and on the events the frame
// posts to the article, never on fixed sleeps.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { violations, withPolicy } from './policy.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface Recorded {
  /** In the article: the frame's events, as embed.js dispatches them on the snippet. */
  events?: { type: string; year?: number; id?: string | null }[];
  /** In the frame: the commands it received from the article. */
  commands?: { type: string; year?: number; id?: string | null }[];
}

/**
 * Opens the demo under the CSP (recording violations), recording in the article the frame's
 * events, and in the frame the commands it receives.
 */
async function openDemo(width: number, height: number, reducedMotion?: 'reduce') {
  const opened = await openPage(browser(), 'about:blank', {
    width,
    height,
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  const { page } = opened;
  await withPolicy(page);
  await page.addInitScript(() => {
    const w = window as unknown as Recorded;
    if (window.parent === window) {
      w.events = [];
      for (const type of ['corridor:ready', 'corridor:year', 'corridor:select'])
        document.addEventListener(type, (e) => w.events!.push((e as CustomEvent).detail));
    } else {
      w.commands = [];
      window.addEventListener('message', (e) => {
        if (typeof e.data?.type === 'string' && e.data.type.startsWith('corridor:'))
          w.commands!.push(e.data);
      });
    }
  });
  await page.goto(`${baseUrl}/demo/scrolly.html`);
  const iframe = await page.waitForSelector('#story-map iframe', { timeout: 30_000 });
  const frame = (await iframe.contentFrame())!;
  await expect.poll(() => frame.url(), { timeout: 30_000 }).toMatch(/\/embed\.html\?/);
  await waitForLite(frame);
  return { ...opened, frame };
}

/** The map's view, read from the frame's DOM: year, open item (or null), playing. */
const view = (frame: Frame) =>
  frame.evaluate(() => {
    const details = document.querySelector<HTMLElement>('.cm-details');
    return {
      year: Number(document.querySelector('[data-corridor-map]')?.getAttribute('data-year')),
      selected: details && !details.hidden ? (details.dataset.selected ?? null) : null,
      playing: document.querySelector<HTMLElement>('.cm-timeline')?.dataset.playing === 'true',
    };
  });

/** Scrolls step `n` (0-based) of the story to the middle of the viewport. */
async function scrollToStep(page: Page, n: number): Promise<void> {
  await page
    .locator('[data-corridor-step]')
    .nth(n)
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** The steps of public/demo/scrolly.html, in order. */
const STEPS = {
  y2011: 0,
  xian: 1,
  y2016: 3,
  y2017: 4,
  y2021: 5,
  y2024: 7,
  play: 8,
};

/** What the init script recorded in the article or the frame. */
const recorded = (target: Page | Frame): Promise<Recorded> =>
  target.evaluate(() => {
    const { events, commands } = window as unknown as Recorded;
    return { events, commands } as Recorded;
  });

describe('the scrollytelling demo', () => {
  test('steps reach 2011, 2017 and 2021 with their routes, play, and go back when scrolled up', async () => {
    const { page, frame, errors, warnings, blocked } = await openDemo(1000, 800);
    expect(await page.locator('[data-corridor-step]').count()).toBe(9);
    const reach = async (step: number, expected: Awaited<ReturnType<typeof view>>) => {
      await scrollToStep(page, step);
      await expect.poll(() => view(frame), { timeout: 15_000 }).toEqual(expected);
    };

    await reach(STEPS.y2011, { year: 2011, selected: 'yuxinou', playing: false });
    await reach(STEPS.xian, { year: 2013, selected: 'xian', playing: false });
    // A step without a hub or route closes the panel.
    await reach(STEPS.y2016, { year: 2016, selected: null, playing: false });
    await reach(STEPS.y2017, { year: 2017, selected: 'land-sea', playing: false });
    await reach(STEPS.y2021, { year: 2021, selected: 'china-laos', playing: false });

    // The article heard each change from the frame, in order.
    const events = ((await recorded(page)).events ?? []).filter((e) => e.type === 'corridor:year');
    expect(events.map((e) => e.year)).toEqual([2011, 2013, 2016, 2017, 2021]);

    // data-play: from 2011 the timeline plays on through the years.
    await scrollToStep(page, STEPS.play);
    await expect
      .poll(
        async () => {
          const v = await view(frame);
          return v.playing && v.year > 2011 && v.selected === null;
        },
        { timeout: 15_000 },
      ) // a year of play takes 1.25 s at speed 1
      .toBe(true);

    // Back up: each step's view again, and play stops.
    await reach(STEPS.y2024, { year: 2024, selected: null, playing: false });
    await reach(STEPS.y2021, { year: 2021, selected: 'china-laos', playing: false });
    await reach(STEPS.y2017, { year: 2017, selected: 'land-sea', playing: false });
    await reach(STEPS.y2011, { year: 2011, selected: 'yuxinou', playing: false });

    // Back to the top of the page, above every step: the map keeps the first step's view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(await view(frame)).toEqual({ year: 2011, selected: 'yuxinou', playing: false });

    // Every command went in after the frame said it was ready (the frame recorded all it got).
    const commands = (await recorded(frame)).commands ?? [];
    expect(commands.filter((c) => c.type === 'corridor:setYear').map((c) => c.year)).toEqual([
      2011, 2013, 2016, 2017, 2021, 2011, 2024, 2021, 2017, 2011,
    ]);

    expect(await violations(page)).toEqual([]);
    expect(await violations(frame)).toEqual([]);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes('corridor-map'))).toEqual([]);
    expect(blocked).toEqual([]);
  });

  test('reduced motion, narrow screen: a data-play step goes to its year and does not play', async () => {
    const { page, frame, errors } = await openDemo(420, 800, 'reduce');
    await scrollToStep(page, STEPS.y2024);
    await expect.poll(() => view(frame), { timeout: 15_000 }).toMatchObject({ year: 2024 });
    await scrollToStep(page, STEPS.play);
    // The step's commands have all arrived — its setYear(2011), then pause, not play — and the
    // map is at 2011, still.
    await expect
      .poll(
        async () => {
          const commands = (await recorded(frame)).commands ?? [];
          const last = commands.at(-1)?.type;
          const year = commands.filter((c) => c.type === 'corridor:setYear').at(-1)?.year;
          return `${year} ${last}`;
        },
        { timeout: 15_000 },
      )
      .toBe('2011 corridor:pause');
    expect(await view(frame)).toEqual({ year: 2011, selected: null, playing: false });
    const types = ((await recorded(frame)).commands ?? []).map((c) => c.type);
    expect(types).not.toContain('corridor:play');
    expect(errors).toEqual([]);
  });
});
