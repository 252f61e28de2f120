// Pictures out and oEmbed (issue 12): the download control gives the view as shown as SVG and
// PNG, under the strict CSP, loading its code only on the click; the built pages name the social
// cards and link oembed.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, test } from 'vitest';
import { openPage, saveArtifact, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { violations, withPolicy } from './policy.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Opens the menu, picks `format` (and width), and returns the downloaded file. */
async function download(page: Page, format: 'svg' | 'png', width?: number) {
  const control = page.locator('.cm-download');
  if ((await control.locator('.cm-download-toggle').getAttribute('aria-expanded')) !== 'true') {
    await control.locator('.cm-download-toggle').click();
  }
  const item = control.locator(
    format === 'svg' ? 'button[data-format="svg"]' : `button[data-width="${width}"]`,
  );
  const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const path = await file.path();
  await expect.poll(() => control.getAttribute('data-state')).toBe('done');
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const setYear = (page: Page, year: number) =>
  page.evaluate((y) => {
    const el = document.querySelector('[data-corridor-map]') as HTMLElement & {
      corridorMap: { store: { getState(): { setYear(y: number): void } } };
    };
    el.corridorMap.store.getState().setYear(y);
  }, year);

describe('the download control', () => {
  test('SVG and PNG of the view as shown; 2012 differs from 2023', async () => {
    const { page, errors } = await openPage(browser(), 'about:blank', { width: 800, height: 700 });
    await withPolicy(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}/embed.html?lang=en&year=2012&hub=xian`);
    await waitForLite(page);
    const exportCode = () => requests.filter((u) => /exportPicture/.test(u));
    expect(exportCode()).toEqual([]); // nothing of the export before the reader asks

    const svg = await download(page, 'svg');
    expect(svg.name).toBe('corridor-map-2012-en-xian.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('>Belt and Road freight corridors</text>');
    expect(text).toContain('data-year="2012"');
    expect(exportCode()).toHaveLength(1);

    const png2012 = await download(page, 'png', 1200);
    expect(png2012.name).toBe('corridor-map-2012-en-xian-1200.png');
    const early = PNG.sync.read(png2012.bytes);
    expect(early.width).toBe(1200);
    // The PNG carries the shipped font, fetched once for it.
    expect(requests.filter((u) => /corridor-sans[^/]*\.woff2/.test(u)).length).toBeGreaterThan(0);

    await setYear(page, 2023);
    await expect
      .poll(() => page.locator('[data-corridor-map]').getAttribute('data-year'))
      .toBe('2023');
    const svg2023 = await download(page, 'svg');
    expect(svg2023.bytes.toString('utf8')).toContain('data-year="2023"');
    const png2023 = await download(page, 'png', 1200);
    const late = PNG.sync.read(png2023.bytes);
    expect(late.width).toBe(1200);
    let differing = 0;
    const rows = Math.min(early.height, late.height);
    for (let i = 0; i < 1200 * rows * 4; i += 4) {
      if (
        Math.abs(early.data[i]! - late.data[i]!) +
          Math.abs(early.data[i + 1]! - late.data[i + 1]!) >
        60
      )
        differing++;
    }
    await saveArtifact('export-2012.png', png2012.bytes);
    await saveArtifact('export-2023.png', png2023.bytes);
    expect(differing).toBeGreaterThan(2000); // the year, new routes and their widths

    // Text is drawn: the title band is not empty, and dark pixels are there as in print.
    let dark = 0;
    for (let y = 40; y < 90; y++) {
      for (let x = 40; x < 600; x++) {
        const i = (y * 1200 + x) * 4;
        if (late.data[i]! < 100) dark++;
      }
    }
    expect(dark).toBeGreaterThan(1000);

    const big = await download(page, 'png', 2400);
    expect(PNG.sync.read(big.bytes).width).toBe(2400);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('zh: the PNG renders Chinese with the shipped font, in the dark theme', async () => {
    const { page, errors } = await openPage(browser(), 'about:blank', { width: 800, height: 700 });
    await withPolicy(page);
    await page.goto(`${baseUrl}/embed.html?lang=zh&year=2019&theme=dark`);
    await waitForLite(page);
    const svg = await download(page, 'svg');
    expect(svg.bytes.toString('utf8')).toContain('“一带一路”物流通道');
    expect(svg.bytes.toString('utf8')).toContain('data-theme="dark"');
    const png = PNG.sync.read((await download(page, 'png', 1200)).bytes);
    // Dark background, light title letters.
    expect(png.data[0]).toBeLessThan(60);
    let light = 0;
    for (let y = 40; y < 95; y++) {
      for (let x = 40; x < 500; x++) if (png.data[(y * 1200 + x) * 4]! > 180) light++;
    }
    expect(light).toBeGreaterThan(1000);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('what the build tells other sites', () => {
  test('pages name og:image and twitter:card, link oembed.json; oembed.json is valid', () => {
    for (const page of ['index.html', 'embed.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html).toMatch(/<meta property="og:image" content="static\/card-zh\.png">/);
      expect(html).toMatch(/<meta property="og:image" content="static\/card-en\.png">/);
      expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image">/);
      expect(html).toMatch(
        /<link rel="alternate" type="application\/json\+oembed" href="oembed\.json" hreflang="zh"/,
      );
      // Issue 22: the English response, linked for English pages.
      expect(html).toMatch(
        /<link rel="alternate" type="application\/json\+oembed" href="oembed-en\.json" hreflang="en" title="Belt and Road freight corridors">/,
      );
    }
    // Issue 22: one response per language, each with its own snippet, title and card.
    for (const [file, lang, title] of [
      ['oembed.json', 'zh', '“一带一路”物流通道'],
      ['oembed-en.json', 'en', 'Belt and Road freight corridors'],
    ] as const) {
      const oembed = JSON.parse(readFileSync(join(dist, file), 'utf8')) as Record<string, unknown>;
      expect(oembed).toMatchObject({
        version: '1.0',
        type: 'rich',
        title,
        provider_name: 'corridor-map',
        thumbnail_url: `static/card-${lang}.png`,
        thumbnail_width: 1200,
        thumbnail_height: 630,
      });
      expect(oembed.html).toMatch(
        new RegExp(
          `^<div data-corridor-map data-lang="${lang}"><a href="index\\.html\\?lang=${lang}">${title}</a></div>.*embed\\.js" async></script>$`,
        ),
      );
      expect(typeof oembed.width).toBe('number');
      expect(typeof oembed.height).toBe('number');
    }
    for (const lang of ['zh', 'en']) {
      const file = join(dist, `static/card-${lang}.png`);
      expect(existsSync(file)).toBe(true);
      const card = PNG.sync.read(readFileSync(file));
      expect([card.width, card.height]).toEqual([1200, 630]);
    }
  });

  test('oembed.json and the cards are served beside the pages', async () => {
    for (const file of [
      'oembed.json',
      'oembed-en.json',
      'static/card-zh.png',
      'static/card-en.png',
    ]) {
      const response = await fetch(`${baseUrl}/${file}`);
      expect(response.status, file).toBe(200);
    }
  });

  test('a page shown in English names oembed-en.json first; in Chinese, oembed.json', async () => {
    const firstLink = (page: Page) =>
      page
        .locator('link[rel="alternate"][type="application/json+oembed"]')
        .first()
        .getAttribute('href');
    for (const [path, expected] of [
      ['embed.html?lang=en&live=never', 'oembed-en.json'],
      ['index.html?lang=en&live=never', 'oembed-en.json'],
      ['embed.html?live=never', 'oembed.json'],
    ] as const) {
      const { page, errors } = await openPage(browser(), `${baseUrl}/${path}`, {
        width: 480,
        height: 400,
      });
      await waitForLite(page);
      expect({ path, href: await firstLink(page) }).toEqual({ path, href: expected });
      expect(errors).toEqual([]);
    }
  });
});
