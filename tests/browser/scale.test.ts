// A newsroom's folder of many routes (issue 9: 10,000 in the bench's heavy part, 2,000 in
// `npm test` — still forty pages of the list and the table): the lite view draws every route, a click on one
// opens its card, the route list and the data table stay a bounded number of DOM nodes (a search
// and pages instead of a button and a row per route), and the keyboard still reaches any route
// by name. The live WebGL map is not started here: 10,000 routes in software WebGL is the bench's.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { writeSyntheticData } from '../bench/synthetic.ts';
import { bySize } from './full.ts';
import { openPage, waitForLite } from './harness.ts';
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

async function open() {
  const opened = await openPage(browser(), 'about:blank', { width: 960, height: 720 });
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
      routes: document.querySelectorAll('.cm-lite-route').length,
    };
  });

describe(`${ROUTES.toLocaleString('en')} routes`, () => {
  test(
    'the lite view draws them, a click on one opens its card, lists and table stay bounded',
    async () => {
      const { page, errors } = await open();
      const counts = await nodeCounts(page);
      console.log(`${ROUTES} routes: DOM elements`, counts);
      expect(counts.routes).toBeGreaterThan(0.9 * ROUTES);
      expect(counts.lists).toBeGreaterThan(0);
      expect(counts.lists).toBeLessThan(500);
      expect(counts.table).toBeGreaterThan(0);
      expect(counts.table).toBeLessThan(1_000);
      expect(await page.locator('.cm-table tr[data-route]').count()).toBe(50);
      expect(await page.locator('.cm-lists button[data-kind="route"]').count()).toBe(50);

      // A point on a drawn route that is the topmost thing there, in client pixels.
      const target = await page.evaluate(() => {
        const paths = [
          ...document.querySelectorAll<SVGPathElement>('.cm-lite-route:not(.cm-hidden)'),
        ];
        for (let i = 0; i < paths.length; i += 97) {
          const path = paths[i]!;
          const length = path.getTotalLength();
          const matrix = path.getScreenCTM();
          if (!matrix || length < 20) continue;
          for (const at of [0.3, 0.5, 0.7]) {
            const p = path.getPointAtLength(length * at).matrixTransform(matrix);
            if (p.x < 0 || p.y < 0 || p.x > innerWidth || p.y > innerHeight) continue;
            const top = document.elementFromPoint(p.x, p.y);
            if (top instanceof SVGPathElement && top.classList.contains('cm-lite-route'))
              return { x: p.x, y: p.y, id: top.dataset.route! };
          }
        }
        return null;
      });
      expect(target).not.toBeNull();
      const clicked = Date.now();
      await page.mouse.click(target!.x, target!.y);
      const card = page.locator(`.cm-details:not([hidden])[data-selected="${target!.id}"]`);
      await card.waitFor({ timeout: 30_000 });
      console.log(`${ROUTES} routes: card open ${Date.now() - clicked} ms after the click`);
      const n = Number(target!.id.replace('synthetic-', ''));
      expect(await card.locator('h3').innerText()).toBe(`Route ${n}`);
      // The table turned to the page that holds it, and marks its row.
      await page.locator(`.cm-table tr[data-route="${target!.id}"][aria-current="true"]`).waitFor();
      expect((await nodeCounts(page)).table).toBeLessThan(1_000);
      expect(errors).toEqual([]);
    },
    SLOW,
  );

  test(
    'the keyboard reaches a route by name: type, Tab, Enter',
    async () => {
      const { page, errors } = await open();
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
        .locator(`.cm-lite-route.cm-selected[data-route="synthetic-${PICKED}"]`)
        .waitFor({ state: 'attached' });

      // The list and the table pass axe with their search and pager. axe walks the whole document
      // whatever it is asked to check (half a minute over 20,000 SVG nodes here), so the routes'
      // paths go first: they are the lite test's business, and every check above is done. Contrast
      // (the slowest rule) is a11y.test.ts's: the search and pager use the list buttons' colours.
      await page.evaluate(() => document.querySelector('.cm-lite-routes')?.replaceChildren());
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
