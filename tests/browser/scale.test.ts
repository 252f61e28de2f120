// A newsroom's folder of many routes (issue 9: 10,000 in the bench's heavy part, 2,000 in
// `npm test` — still forty pages of the list and the table): the lite view draws every route
// (into a canvas past a thousand, issue 20), a click on one opens its card, the route list and
// the data table stay a bounded number of DOM nodes (a search and pages instead of a button and
// a row per route), and the keyboard still reaches any route by name. The live WebGL map is not started here: 10,000 routes in software WebGL is the bench's.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { writeSyntheticData } from '../bench/synthetic.ts';
import { bySize } from './full.ts';
import { openPage, waitForLite } from './harness.ts';
import { mapPixels } from './pixels.ts';
import { violations, withPolicy } from './policy.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const ROUTES = bySize(2_000, 10_000);
/** A route the keyboard test finds by name: one of four digits in either size. */
const PICKED = bySize(1234, 4321);

// Under dist/ (served at /, gitignored): `data=` must name a folder inside the page's own.
const folder = fileURLToPath(new URL(`../../dist/test-data/routes-${ROUTES}/`, import.meta.url));
beforeAll(() =>
  writeSyntheticData(fileURLToPath(new URL('../../geo/', import.meta.url)), folder, ROUTES),
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Loading, validating and drawing 10,000 routes on two shared cores in software: minutes, not 60 s.
const SLOW = 180_000;
const url = `${baseUrl}/embed.html?lang=en&controls=timeline,list,table&data=/test-data/routes-${ROUTES}/`;

/** `offscreen: false`: a browser without `transferControlToOffscreen` (the page paints). */
async function open({ offscreen = true } = {}) {
  const opened = await openPage(browser(), 'about:blank', { width: 960, height: 720 });
  if (!offscreen)
    await opened.page.addInitScript(() => {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    });
  // Under the strict policy the README names: the routes' worker is a script of the page's own.
  await withPolicy(opened.page);
  const start = Date.now();
  await opened.page.goto(url);
  await waitForLite(opened.page, '[data-corridor-map]', 120_000);
  console.log(`${ROUTES} routes: lite view ready ${Date.now() - start} ms after navigation`);
  // The panels (the search among them) follow the lite view; on a loaded machine, long after.
  await opened.page
    .locator('[data-corridor-map][data-state="ready"]')
    .waitFor({ state: 'attached', timeout: 120_000 });
  return opened;
}

/** Elements under each container: what a reader's browser has to lay out and keep. */
const nodeCounts = (page: Page) =>
  page.evaluate(() => {
    const count = (selector: string) =>
      document.querySelector(selector)?.querySelectorAll('*').length ?? -1;
    return {
      page: document.querySelectorAll('*').length,
      lists: count('.cm-lists'),
      table: count('.cm-table'),
      paths: document.querySelectorAll('.cm-lite-route').length,
      drawn: Number(document.querySelector<HTMLElement>('.cm-lite-canvas')?.dataset.routesDrawn),
    };
  });

/**
 * A point of the map on a drawn route, away from every route of another shape (the synthetic
 * routes repeat each shape every few hundred routes, in other corridors): where a reader's click
 * can only mean that route or its twins. The routes are a canvas painted by a worker, whose pixels
 * the page cannot read: its pixels come from a screenshot, and the corridor whose colour is
 * nearest there is the route drawn on top.
 */
async function routePoint(page: Page, folder: string, year: number) {
  const png = await page
    .locator('.cm-lite-canvas')
    .screenshot({ scale: 'css', animations: 'disabled' });
  return page.evaluate(
    async ({ folder, year, base64 }) => {
      type Mapped = HTMLElement & { corridorMap: { project(lon: number, lat: number): number[] } };
      const map = (document.querySelector('[data-corridor-map]') as Mapped).corridorMap;
      const canvas = document.querySelector<HTMLCanvasElement>('.cm-lite-canvas')!;
      const box = canvas.getBoundingClientRect();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const style = getComputedStyle(canvas);
      const corridors = ['china-europe', 'china-laos', 'new-western-land-sea'];
      const rgb = corridors.map((c) => {
        const hex = style.getPropertyValue(`--cm-corridor-${c}`).trim();
        return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      });
      const { features } = (await (await fetch(`${folder}routes.geojson`)).json()) as {
        features: {
          properties: { id: string; corridor: string; opened: string };
          geometry: { coordinates: [number, number][] };
        }[];
      };
      // Drawn in the first year: the routes opened in it.
      const lines = features
        .filter((f) => f.properties.opened.startsWith(`${year}-`))
        .map((f) => ({
          id: f.properties.id,
          corridor: f.properties.corridor,
          points: f.geometry.coordinates.map(([lon, lat]) => map.project(lon, lat)),
        }));
      const shape = (points: number[][]) =>
        points.map((p) => p.map(Math.round).join(',')).join(' ');
      const distance = (x: number, y: number, points: number[][]) => {
        let best = Infinity;
        for (let k = 0; k + 1 < points.length; k++) {
          const [ax, ay] = points[k]!;
          const [bx, by] = points[k + 1]!;
          const dx = bx! - ax!;
          const dy = by! - ay!;
          const t = Math.max(
            0,
            Math.min(1, ((x - ax!) * dx + (y - ay!) * dy) / (dx * dx + dy * dy)),
          );
          best = Math.min(best, Math.hypot(x - ax! - t * dx, y - ay! - t * dy));
        }
        return best;
      };
      // The synthetic routes repeat shapes (the same two stops, the same bend) in other corridors.
      // One candidate point per shape.
      const shapes = new Map<string, typeof lines>();
      for (const line of lines) {
        const key = shape(line.points);
        shapes.set(key, [...(shapes.get(key) ?? []), line]);
      }
      const distinct = [...shapes.values()].map((twins) => twins[0]!.points);
      for (const twins of shapes.values()) {
        const points = twins[0]!.points;
        for (const at of [0.9, 0.8, 0.7]) {
          const [ax, ay] = points[0]!;
          const [bx, by] = points[1]!;
          const x = ax! + (bx! - ax!) * at;
          const y = ay! + (by! - ay!) * at;
          if (x < box.left + 5 || y < box.top + 5 || x > box.right - 5 || y > box.bottom - 5)
            continue;
          if (document.elementFromPoint(x, y) !== document.querySelector('.cm-lite')) continue;
          // No line of another shape within reach of the click (half its width and 4 px).
          const near = distinct.some((other) => other !== points && distance(x, y, other) < 6);
          if (near) continue;
          // The pixel under the point, and the corridor whose colour is nearest to it (the line is
          // 1.5 px wide, drawn at 0.9 opacity over the land: near, not equal).
          const k = 4 * (Math.floor(y - box.top) * pixels.width + Math.floor(x - box.left));
          const pixel = [...pixels.data.slice(k, k + 3)];
          const best = rgb
            .map((c, j) => ({
              d: Math.max(...c.map((v, m) => Math.abs(v - pixel[m]!))),
              corridor: corridors[j]!,
              pixel,
            }))
            .sort((a, b) => a.d - b.d)[0]!;
          if (best.d > 80) continue; // not drawn there: another point
          return {
            x,
            y,
            twins: twins.map((t) => t.id),
            corridors: Object.fromEntries(twins.map((t) => [t.id, t.corridor])),
            onTop: best.corridor,
            pixel: best.pixel,
          };
        }
      }
      return null;
    },
    { folder, year, base64: png.toString('base64') },
  );
}

describe(`${ROUTES.toLocaleString('en')} routes`, () => {
  test(
    'the lite view draws them into its canvas, a click on one opens its card, lists and table stay bounded',
    async () => {
      const { page, errors } = await open();
      // The canvas says how many routes it holds once they are painted (by a worker, later).
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector<HTMLElement>('.cm-lite-canvas')?.dataset.routesDrawn) > n,
        0.9 * ROUTES,
      );
      const counts = await nodeCounts(page);
      console.log(`${ROUTES} routes: DOM elements`, counts);
      // Painted by the worker, not by the page itself (its fallback), and nothing refused.
      expect(await page.locator('.cm-lite-canvas').getAttribute('data-painter')).toBe('worker');
      expect(await violations(page)).toEqual([]);
      // A canvas, not an SVG path per route (src/lite/canvasRoutes.ts), and every route in it.
      expect(counts.paths).toBe(0);
      expect(counts.drawn).toBeGreaterThan(0.9 * ROUTES);
      expect(counts.lists).toBeGreaterThan(0);
      expect(counts.lists).toBeLessThan(500);
      expect(counts.table).toBeGreaterThan(0);
      expect(counts.table).toBeLessThan(1_000);
      expect(await page.locator('.cm-table tr[data-route]').count()).toBe(50);
      expect(await page.locator('.cm-lists button[data-kind="route"]').count()).toBe(50);
      // The routes are on screen: pixels of the corridors' colours, not only a count.
      const pixels = await mapPixels(page);
      const routePixels =
        pixels['china-europe']! + pixels['china-laos']! + pixels['new-western-land-sea']!;
      console.log(
        `${ROUTES} routes: ${routePixels} of ${pixels.total} map pixels in route colours`,
      );
      expect(routePixels).toBeGreaterThan(0.05 * pixels.total!);

      // The first year, a route in thirteen drawn (the synthetic routes open over 13 years): the
      // canvas follows the year, and routes of other shapes are far enough apart to click one.
      await page.locator('.cm-slider').focus();
      await page.keyboard.press('Home');
      const first = Number(await page.locator('.cm-slider').getAttribute('min'));
      await page.waitForFunction(
        (n) => document.querySelector<HTMLElement>('.cm-lite-canvas')?.dataset.routesDrawn === n,
        String(Math.ceil(ROUTES / 13)),
      );
      const target = await routePoint(page, `/test-data/routes-${ROUTES}/`, first);
      expect(target).not.toBeNull();
      const clicked = Date.now();
      await page.mouse.click(target!.x, target!.y);
      const card = page.locator('.cm-details:not([hidden])[data-selected^="synthetic-"]');
      await card.waitFor({ timeout: 30_000 });
      console.log(`${ROUTES} routes: card open ${Date.now() - clicked} ms after the click`);
      const id = (await card.getAttribute('data-selected'))!;
      // The route under the click: one of that shape, the one whose colour is on top there.
      expect(target!.twins).toContain(id);
      expect(target!.corridors[id], `pixel ${target!.pixel.join(',')}`).toBe(target!.onTop);
      const n = Number(id.replace('synthetic-', ''));
      expect(await card.locator('h3').innerText()).toBe(`Route ${n}`);
      // The others dimmed (the canvas), the route drawn again on top of them.
      expect(await page.locator('.cm-lite-canvas.cm-dimmed').count()).toBe(1);
      await page.locator(`.cm-lite-route-top[data-route="${id}"]`).waitFor({ state: 'attached' });
      // The table turned to the page that holds it, and marks its row.
      await page.locator(`.cm-table tr[data-route="${id}"][aria-current="true"]`).waitFor();
      expect((await nodeCounts(page)).table).toBeLessThan(1_000);
      expect(errors).toEqual([]);
    },
    SLOW,
  );

  test(
    'the keyboard reaches a route by name: type, Tab, Enter (a browser with no OffscreenCanvas)',
    async () => {
      const { page, errors } = await open({ offscreen: false });
      // Without a canvas to hand to a worker, the page paints the routes itself.
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector<HTMLElement>('.cm-lite-canvas')?.dataset.routesDrawn) > n,
        0.9 * ROUTES,
      );
      expect(await page.locator('.cm-lite-canvas').getAttribute('data-painter')).toBe('page');
      const pixels = await mapPixels(page);
      const routePixels =
        pixels['china-europe']! + pixels['china-laos']! + pixels['new-western-land-sea']!;
      expect(routePixels).toBeGreaterThan(0.05 * pixels.total!);
      const search = page.getByRole('searchbox', { name: 'Find a route' });
      await search.focus();
      await page.keyboard.type(`route ${PICKED}`);
      await page
        .locator('.cm-find[data-kind="route"] [role="status"]', {
          hasText: /^1 of [\d,]+ routes match\.$/,
        })
        .waitFor();
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id),
      ).toBe(`synthetic-${PICKED}`);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        `Route ${PICKED}`,
      );
      await page.keyboard.press('Enter');
      const card = page.locator(`.cm-details:not([hidden])[data-selected="synthetic-${PICKED}"]`);
      await card.waitFor({ timeout: 30_000 });
      // Opened from the keyboard: the reader continues in the card.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        `Route ${PICKED}`,
      );
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
      await page
        .locator(`.cm-lite-route-top[data-route="synthetic-${PICKED}"]`)
        .waitFor({ state: 'attached' });

      // The list and the table pass axe with their search and pager. Contrast (the slowest rule)
      // is a11y.test.ts's: the search and pager use the list buttons' colours.
      await page.addScriptTag({ url: `${baseUrl}/node_modules/axe-core/axe.min.js` });
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{ violations: { id: string; impact?: string | null }[] }>;
          };
        };
        const result = await axe.run(
          { include: [['.cm-lists'], ['.cm-table']] },
          { rules: { 'color-contrast': { enabled: false } } },
        );
        return result.violations.map((v) => `${v.impact ?? ''} ${v.id}`);
      });
      expect(violations.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);
      expect(errors).toEqual([]);
    },
    SLOW,
  );
});
