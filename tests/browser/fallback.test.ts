// Readers without WebGL, or without JavaScript, still get the map's story (DESIGN §4, issue 4):
// the static picture made at build time from geo/, the hub figures as text and the data table.
// And that picture itself: built from the data, one path per route.
import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Lang, Qualifier, Unit } from '../../src/data/types.ts';
import { formatFigure } from '../../src/i18n/format.ts';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { countColors, launchBrowser, openPage, saveArtifact, waitForLite } from './harness.ts';

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

  async function liteFrame(page: Page, selector: string): Promise<Frame> {
    const frame = await (await page.waitForSelector(`${selector} iframe`)).contentFrame();
    if (!frame) throw new Error(`no frame in ${selector}`);
    await expect.poll(() => frame.url(), { timeout: 30_000 }).toMatch(/^https?:/);
    await waitForLite(frame);
    return frame;
  }

  test('the frame shows the lite map, the figures and the table, sized, with no error', async () => {
    const { page, context, errors, blocked } = await openPage(
      browser,
      `${baseUrl}/test/embed-host.html`,
      { width: 1000, height: 700 },
    );
    try {
      const frame = await liteFrame(page, '#a');
      const root = frame.locator('[data-corridor-map]');
      const mapBox = (await root.locator('.cm-map').boundingBox())!;

      // Its routes are on screen in the corridors' colours (a blank map would not pass).
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

      // The hub figures as text: every figure of Xi'an (opened by data-hub), and the table.
      const xian = hubs.features.find((f) => f.properties.id === 'xian')!.properties;
      const details = root.locator('.cm-details');
      expect(await details.getAttribute('data-selected')).toBe('xian');
      const detailsText = await details.innerText();
      await root.locator('.cm-table-toggle').click();
      const table = root.locator('.cm-table');
      await expect.poll(() => table.isVisible()).toBe(true);
      const tableText = await table.innerText();
      for (const f of xian.figures) {
        const text = formatFigure(f.value, f.unit, f.qualifier, 'en');
        expect(detailsText).toContain(text);
        expect(tableText).toContain(text);
      }
      expect(detailsText).toContain('20,045 trains');
      for (const hub of hubs.features) {
        expect(await table.locator(`tr[data-hub="${hub.properties.id}"]`).count()).toBeGreaterThan(
          0,
        );
      }
      for (const route of routes.features) {
        expect(await table.locator(`tr[data-route="${route.properties.id}"]`).count()).toBe(1);
        expect(tableText).toContain(route.properties.name.en);
      }
      // Reaching for the map: one note saying why, and still no canvas.
      await root.locator('.cm-lite-explore').click();
      expect(await root.locator('.cm-view-note').innerText()).toContain(
        'cannot draw the interactive map',
      );
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

      // The reader switches language: the map's labels and the document follow.
      await root.locator('.cm-lang button[data-lang="zh"]').click();
      await expect
        .poll(() => root.locator('.cm-lite-label[data-label="xian"]').textContent())
        .toBe('西安国际港务区');
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

      const zh = await liteFrame(page, '#b');
      expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      expect(await zh.locator('.cm-table').innerText()).toContain('西安');

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('index.html with live=eager gets the same lite view and one note', async () => {
    const url = `${baseUrl}/index.html?live=eager&lang=en`;
    const { page, context, errors } = await openPage(browser, url, {
      width: 1000,
      height: 800,
    });
    try {
      await waitForLite(page);
      const root = page.locator('[data-corridor-map]');
      await expect.poll(() => root.locator('.cm-view-note').count()).toBe(1);
      expect(await root.locator('.cm-view-note').innerText()).toContain(
        'cannot draw the interactive map',
      );
      expect(await root.locator('canvas').count()).toBe(0);
      expect(await root.locator('.cm-lite-route').count()).toBeGreaterThan(0);
      await root.locator('.cm-lite-hub[data-hub="xian"]').click();
      await expect.poll(() => root.locator('.cm-details').innerText()).toContain('20,045');
      expect(errors).toEqual([]);
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
