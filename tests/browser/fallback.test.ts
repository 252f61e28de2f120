// Readers without WebGL, or without JavaScript, still get the map's story (DESIGN §4, issue 4):
// the static picture made at build time from geo/, the hub figures as text and the data table.
// And that picture itself: built from the data, one path per route.
import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Lang, Qualifier, Unit } from '../../src/data/types.ts';
import { formatFigure } from '../../src/i18n/format.ts';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { countColors, launchBrowser, openPage, saveArtifact } from './harness.ts';

const baseUrl = inject('baseUrl');
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Figure {
  value: number;
  unit: Unit;
  qualifier: Qualifier;
}
const hubs = JSON.parse(read('geo/hubs.geojson')) as {
  features: { properties: { id: string; name: Record<Lang, string>; figures: Figure[] } }[];
};
const routes = JSON.parse(read('geo/routes.geojson')) as {
  features: { properties: { id: string; name: Record<Lang, string> } }[];
};

describe('without WebGL', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ webgl: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function fallbackFrame(page: Page, selector: string): Promise<Frame> {
    const frame = await (await page.waitForSelector(`${selector} iframe`)).contentFrame();
    if (!frame) throw new Error(`no frame in ${selector}`);
    await expect
      .poll(() => frame.locator('[data-corridor-map]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('fallback');
    return frame;
  }

  test('the frame shows the static picture, the figures and the table, sized, with no error', async () => {
    const { page, context, errors, blocked } = await openPage(
      browser,
      `${baseUrl}/test/embed-host.html`,
      { width: 1000, height: 700 },
    );
    try {
      const frame = await fallbackFrame(page, '#a');
      const root = frame.locator('[data-corridor-map]');

      // The picture, loaded, in the map's box, in the frame's language.
      const poster = root.locator('.cm-map img.cm-poster');
      await expect
        .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(960);
      expect(await poster.getAttribute('src')).toMatch(/\/static\/corridors-en\.svg$/);
      expect(await poster.isVisible()).toBe(true);
      const mapBox = (await root.locator('.cm-map').boundingBox())!;
      expect(mapBox.width / mapBox.height).toBeCloseTo(16 / 9, 1);
      expect(await root.locator('.cm-no-webgl').innerText()).toContain(
        'cannot draw the interactive map',
      );

      // Its routes are on screen in the corridors' colours (a blank image would not pass).
      const frameBox = (await page.locator('#a iframe').boundingBox())!;
      const clip = {
        x: frameBox.x + mapBox.x,
        y: frameBox.y + mapBox.y,
        width: mapBox.width,
        height: mapBox.height,
      };
      const px = await countColors(page, clip, CORRIDOR_COLORS, 30);
      if (!(px.counts['china-europe']! > 200)) {
        await saveArtifact('fallback-frame.png', await page.screenshot());
      }
      expect(px.counts['china-europe']).toBeGreaterThan(200);
      expect(px.counts['new-western-land-sea']).toBeGreaterThan(50);

      // The hub figures as text: every figure of Xi'an (opened by data-hub) and the table.
      const xian = hubs.features.find((f) => f.properties.id === 'xian')!.properties;
      const details = root.locator('.cm-details');
      expect(await details.getAttribute('data-selected')).toBe('xian');
      const detailsText = await details.innerText();
      const table = root.locator('.cm-table');
      expect(await table.isVisible()).toBe(true);
      const tableText = await table.innerText();
      for (const f of xian.figures) {
        const text = formatFigure(f.value, f.unit, f.qualifier, 'en');
        expect(detailsText).toContain(text);
        expect(tableText).toContain(text);
      }
      expect(detailsText).toContain('20,045 trains');
      // Every hub and every route has its row.
      for (const hub of hubs.features) {
        expect(await table.locator(`tr[data-hub="${hub.properties.id}"]`).count()).toBeGreaterThan(
          0,
        );
      }
      for (const route of routes.features) {
        expect(await table.locator(`tr[data-route="${route.properties.id}"]`).count()).toBe(1);
        expect(tableText).toContain(route.properties.name.en);
      }
      // No canvas was ever made, and the frame still tells the host page its height.
      expect(await root.locator('canvas').count()).toBe(0);
      await expect
        .poll(async () => {
          const iframe = await page
            .locator('#a iframe')
            .evaluate((el) => Math.round(el.getBoundingClientRect().height));
          const content = await frame.evaluate(() =>
            Math.ceil(document.documentElement.getBoundingClientRect().height),
          );
          return iframe === content;
        })
        .toBe(true);

      // The reader switches language: the picture follows.
      await frame.evaluate(() =>
        (
          document.querySelector('[data-corridor-map]') as HTMLElement & {
            corridorMap?: { store: { getState(): { setLang(lang: string): void } } };
          }
        ).corridorMap?.store
          .getState()
          .setLang('zh'),
      );
      await expect.poll(() => poster.getAttribute('src')).toMatch(/corridors-zh\.svg$/);
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

      // The zh frame beside it: its own picture and language.
      const zh = await fallbackFrame(page, '#b');
      expect(await zh.locator('img.cm-poster').getAttribute('src')).toMatch(/corridors-zh\.svg$/);
      expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      expect(await zh.locator('.cm-table').innerText()).toContain('西安');

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript: the <noscript> picture and links to the data', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 480, height: 400 },
    });
    try {
      await context.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1'
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(`${baseUrl}/embed.html?lang=en`);
      const img = page.locator('noscript img, .cm-noscript img').first();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBe(960);
      expect(await img.isVisible()).toBe(true);
      const links = await page
        .locator('.cm-noscript a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const file of ['hubs.geojson', 'routes.geojson', 'places.geojson', 'metrics.json']) {
        const href = links.find((l) => l.endsWith(`/geo/${file}`));
        expect(href).toBeDefined();
        expect((await fetch(href!)).status).toBe(200);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the static picture, built from geo/', () => {
  test.each(['zh', 'en'] as const)('corridors-%s.svg has a path for each route', async (lang) => {
    const response = await fetch(`${baseUrl}/static/corridors-${lang}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await response.text();
    // The build's copy is the one served.
    expect(
      readFileSync(new URL(`../../dist/static/corridors-${lang}.svg`, import.meta.url), 'utf8'),
    ).toBe(svg);

    // 16:9, the map's own box: the live map replaces it without a jump.
    expect(svg).toMatch(/<svg[^>]* viewBox="0 0 960 540"/);
    const paths = [...svg.matchAll(/<path\b[^>]*\bdata-route="([^"]+)"[^>]*\bd="([^"]*)"/g)];
    expect(paths.map((m) => m[1]).sort()).toEqual(
      routes.features.map((f) => f.properties.id).sort(),
    );
    for (const [, id, d] of paths) {
      // A drawn line: a move and at least one segment, inside the picture.
      expect({ id, ok: /^M[\d.,-]+L[\d.,-]+/.test(d ?? '') }).toEqual({ id, ok: true });
    }
    // Titles in the picture's language: a screen reader hears the route names.
    for (const route of routes.features)
      expect(svg).toContain(route.properties.name[lang].replace(/'/g, '&apos;'));
    for (const hub of hubs.features) expect(svg).toContain(`data-hub="${hub.properties.id}"`);
  });
});
