// The lite view (issue 8): the whole story as SVG before any WebGL code loads — hubs by click and
// keyboard, routes that open and grow with the timeline, labels that never overlap, the figures
// a reader is owed for a year — and no maplibre-gl or deck.gl until the reader reaches for them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, waitForLite } from './harness.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let noWebgl: Browser;
beforeAll(async () => {
  [browser, noWebgl] = await Promise.all([launchBrowser(), launchBrowser({ webgl: false })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), noWebgl?.close()]);
});

const LIVE_CODE = /createMap|maplibre|corridor-basemap|deck|luma/i;
const drawnRoutes = (page: Page) => page.locator('.cm-lite-route:not(.cm-hidden)').count();

async function open(url: string, options: Parameters<typeof openPage>[2] = {}, b = browser) {
  const opened = await openPage(b, 'about:blank', { width: 800, height: 700, ...options });
  const requests: string[] = [];
  opened.page.on('request', (r) => requests.push(r.url()));
  await opened.page.goto(`${baseUrl}/${url}`);
  await waitForLite(opened.page);
  return { ...opened, requests, liveCode: () => requests.filter((u) => LIVE_CODE.test(u)) };
}

describe('the lite view', () => {
  test("click and Tab + Enter on Xi'an open its panel with 20,045 and its source", async () => {
    const { page, context, errors, liveCode } = await open('embed.html?lang=en');
    try {
      await page.locator('.cm-lite-hub[data-hub="xian"]').click();
      const panel = page.locator('.cm-details[data-selected="xian"]');
      await panel.waitFor();
      expect(await panel.innerText()).toMatch(/20,045 trains/);
      expect(await panel.innerText()).toMatch(/Source: /);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.cm-details').isVisible()).toBe(false);

      // Keyboard: the hubs are in the tab order of the map itself.
      await page.locator('.cm-lite').focus();
      let found = false;
      for (let i = 0; i < 8 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.dataset?.hub === 'xian',
        );
      }
      expect(found).toBe(true);
      // Focus shows the tooltip: the hub's name and its headline figure.
      const tooltip = page.locator('.cm-tooltip');
      expect(await tooltip.isVisible()).toBe(true);
      expect(await tooltip.innerText()).toMatch(/Xi'an International Port Area/);
      await page.keyboard.press('Enter');
      await page.locator('.cm-details[data-selected="xian"]').waitFor();
      expect(liveCode()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('2012 draws only Chongqing–Duisburg, 2023 more; play grows a route frame by frame', async () => {
    const { page, context, liveCode } = await open('embed.html?lang=en&year=2012');
    try {
      expect(await drawnRoutes(page)).toBe(1);
      expect(await page.locator('.cm-lite-route:not(.cm-hidden)').getAttribute('data-route')).toBe(
        'yuxinou',
      );
      await page.locator('.cm-slider').fill('2023');
      await expect.poll(() => drawnRoutes(page)).toBeGreaterThan(5);

      // From the end of 2016, play: the Land–Sea Corridor (first train 28 April 2017) grows.
      await page.locator('.cm-slider').fill('2016');
      await expect.poll(() => drawnRoutes(page)).toBeLessThan(7);
      const lengths = await page.evaluate(async () => {
        const samples: number[] = [];
        (document.querySelector('.cm-play') as HTMLButtonElement).click();
        const path = document.querySelector<SVGPathElement>(
          '.cm-lite-route[data-route="land-sea"]',
        )!;
        const until = performance.now() + 8000;
        while (performance.now() < until) {
          await new Promise((r) => requestAnimationFrame(r));
          const d = path.getAttribute('d');
          samples.push(d ? path.getTotalLength() : 0);
          if (samples.length > 3 && samples.at(-1)! > 0 && samples.at(-1) === samples.at(-4)) break;
        }
        (document.querySelector('.cm-play') as HTMLButtonElement).click();
        return samples;
      });
      const growing = [...new Set(lengths.filter((l) => l > 0))];
      // At least three different partial lengths, each longer than the one before.
      expect(growing.length).toBeGreaterThanOrEqual(3);
      expect(growing).toEqual([...growing].sort((a, b) => a - b));
      expect(liveCode()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each([320, 375, 768, 1280])(
    'at %i px no two labels overlap (zh and en) and every route end is inside the map',
    async (width) => {
      for (const lang of ['zh', 'en']) {
        const { page, context } = await open(`embed.html?lang=${lang}`, { width, height: 900 });
        try {
          const result = await page.evaluate(() => {
            const map = document.querySelector('.cm-map')!.getBoundingClientRect();
            const boxes = [...document.querySelectorAll('.cm-lite-label')].map((t) =>
              t.getBoundingClientRect(),
            );
            const overlapping: string[] = [];
            boxes.forEach((a, i) =>
              boxes.slice(i + 1).forEach((b, j) => {
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
                  overlapping.push(`${i}×${i + 1 + j}`);
              }),
            );
            const outside: string[] = [];
            // Drawn routes: one not yet open in the year shown has no path (and is hidden).
            const drawn = [
              ...document.querySelectorAll<SVGPathElement>('.cm-lite-route:not(.cm-hidden)'),
            ].filter((path) => path.getAttribute('d'));
            for (const path of drawn) {
              const total = path.getTotalLength();
              const ctm = path.getScreenCTM()!;
              for (const at of [0, total]) {
                const p = path.getPointAtLength(at).matrixTransform(ctm);
                if (p.x < map.left || p.x > map.right || p.y < map.top || p.y > map.bottom)
                  outside.push(path.dataset.route!);
              }
            }
            return {
              labels: boxes.length,
              routes: drawn.length,
              overlapping,
              outside,
              ratio: map.height / map.width,
            };
          });
          if (process.env.SCREENSHOTS && width === 375 && lang === 'en')
            await page.screenshot({ path: 'tests/screenshots/lite-375.png' });
          expect(result.labels).toBeGreaterThanOrEqual(4);
          expect(result.routes, 'routes drawn').toBeGreaterThanOrEqual(3);
          expect(result.overlapping).toEqual([]);
          expect(result.outside).toEqual([]);
          // Taller on narrow screens.
          if (width <= 375) expect(result.ratio).toBeGreaterThan(0.7);
        } finally {
          await context.close();
        }
      }
    },
  );

  test('opens on 2025: Xi’an’s 2025 figure names its outlet and date; the Q1 2024 China–Laos figure says its quarter; data as of', async () => {
    const { page, context } = await open('embed.html?lang=en&hub=xian&controls=timeline,table');
    try {
      const slider = page.locator('.cm-timeline input[type="range"]');
      expect(await slider.getAttribute('max')).toBe('2025');
      expect(await slider.inputValue()).toBe('2025');
      const row = page.locator('.cm-details li[data-series="changan-trains"]');
      const figure = await row.innerText();
      expect(figure).toMatch(/6,037 trains/);
      expect(figure).toContain("People's Daily Online, Shaanxi channel, 2 March 2026");
      expect(figure).toContain('as of 31 Dec 2025');
      expect(await page.locator('.cm-data-as-of').innerText()).toBe('Data as of 11 Mar 2026');
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      const header = page.locator('.cm-table table').nth(1).locator('thead th').last();
      await expect.poll(() => header.innerText()).toBe('Yearly figure, 2024');
      const laos = page.locator('.cm-table tr[data-route="china-laos"] td').last();
      const text = await laos.innerText();
      expect(text).toMatch(/Jan–Mar 2024: 1\.38 million tonnes/);
      expect(text).toContain('(first quarter only)');
      expect(text).not.toMatch(/trains/i);
    } finally {
      await context.close();
    }
  });
});

describe('the live map on demand', () => {
  test('live=never loads no WebGL code; the lite view keeps working', async () => {
    const { page, context, liveCode } = await open('embed.html?lang=en&live=never');
    try {
      expect(await page.locator('.cm-lite-explore').count()).toBe(0);
      const box = (await page.locator('.cm-lite').boundingBox())!;
      await page.mouse.move(box.x + 200, box.y + 100);
      await page.mouse.down();
      await page.mouse.move(box.x + 260, box.y + 120, { steps: 4 });
      await page.mouse.up();
      await page.locator('.cm-lite-hub[data-hub="yiwu"]').click();
      await page.locator('.cm-details[data-selected="yiwu"]').waitFor();
      // A route selected: the others dimmed as one group, the route drawn again on top of them
      // (issue 20: no style on each of 10,000 paths); none selected, nothing dimmed or on top.
      const drawnSelection = () =>
        page.evaluate(() => ({
          dimmed: document.querySelector('.cm-lite-routes')!.classList.contains('cm-dimmed'),
          top: [...document.querySelectorAll('.cm-lite-routes-top path')].map((p) =>
            p.getAttribute('d'),
          ),
          // Drawn in their corridor's colour (they once had none, and the route stayed dimmed).
          strokes: [...document.querySelectorAll('.cm-lite-routes-top path')].map(
            (p) => getComputedStyle(p).stroke,
          ),
          selected: document.querySelector('.cm-lite-route.cm-selected')?.getAttribute('d'),
        }));
      const select = (id: string | null) =>
        page.evaluate((id) => {
          const root = document.querySelector('[data-corridor-map]') as HTMLElement & {
            corridorMap: { store: { getState(): { select(s: unknown): void } } };
          };
          root.corridorMap.store.getState().select(id ? { kind: 'route', id } : null);
        }, id);
      await select('yuxinou');
      const shown = await drawnSelection();
      expect(shown.dimmed).toBe(true);
      expect(shown.selected).toBeTruthy();
      // First the selected route, then the event's (told in this year) if it is another.
      expect(shown.top[0]).toBe(shown.selected);
      expect(shown.strokes[0]).toBe('rgb(213, 94, 0)'); // China–Europe's --cm-corridor-*
      expect(shown.strokes).not.toContain('none');
      await select(null);
      expect(await drawnSelection()).toEqual({
        dimmed: false,
        top: [],
        strokes: [],
        selected: undefined,
      });
      expect(liveCode()).toEqual([]);
      expect(await page.locator('canvas').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('without WebGL, reaching for the map says why once and loads nothing', async () => {
    const { page, context, liveCode, errors } = await open('embed.html?lang=en', {}, noWebgl);
    try {
      await page.locator('.cm-lite-explore').click();
      await page.locator('.cm-view-note[data-note="noWebgl"]').waitFor();
      await page.locator('.cm-lite-zoom[data-zoom="in"]').click();
      expect(await page.locator('.cm-view-note').count()).toBe(1);
      await page.locator('.cm-lite-hub[data-hub="lanzhou"]').click();
      await page.locator('.cm-details[data-selected="lanzhou"]').waitFor();
      expect(liveCode()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
