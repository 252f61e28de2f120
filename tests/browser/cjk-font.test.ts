// Chinese labels render without any CJK font on the system: Chromium runs with a fontconfig that
// knows only DejaVu (Latin), the network is cut, and the app must bring its own font subset.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  closeOpenedContexts,
  chromiumArgs,
  openPage,
  saveArtifact,
  waitForRendered,
} from './harness.ts';

const baseUrl = inject('baseUrl');
const XIAN: [number, number] = [109.0604, 34.4129];
// Private-use characters: in no font here, so each is drawn as the missing-glyph box.
const MISSING = '\uE000\uE001';
let browser: Browser;
let fontDir: string;

beforeAll(async () => {
  fontDir = await mkdtemp(path.join(tmpdir(), 'cm-fonts-'));
  const conf = path.join(fontDir, 'fonts.conf');
  await writeFile(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>${path.join(fontDir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs],
    env: { ...process.env, FONTCONFIG_FILE: conf },
    timeout: 60_000,
  });
});
// Every context a test opened is closed after it, passed or failed.
afterEach(closeOpenedContexts);
afterAll(async () => {
  await browser?.close();
  if (fontDir) await rm(fontDir, { recursive: true, force: true });
});

/** The pixels of `text` drawn in `font` on a 2D canvas, as a string to compare. */
function drawn(page: Page, text: string, font: string): Promise<string> {
  return page.evaluate(
    async ({ text, font }) => {
      await document.fonts.load(font, text);
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 40;
      const ctx = canvas.getContext('2d')!;
      ctx.font = font;
      ctx.textBaseline = 'top';
      ctx.fillText(text, 4, 4);
      return canvas.toDataURL();
    },
    { text, font },
  );
}

describe('Chinese labels without a system CJK font', () => {
  test('this browser really has no CJK font', async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    const xian = await drawn(page, '西安', '28px sans-serif');
    expect(xian).toBe(await drawn(page, MISSING, '28px sans-serif'));
    await context.close();
  });

  test('the shipped subset draws 西安 in the page and on the map', async () => {
    const { page, context, blocked, errors } = await openPage(
      browser,
      `${baseUrl}/?live=eager&lang=zh`,
      {
        width: 480,
        height: 320,
        reducedMotion: 'reduce',
      },
    );
    await waitForRendered(page);
    expect(await page.evaluate(() => document.fonts.check('16px "Corridor Sans"', '西安'))).toBe(
      true,
    );
    const font = '28px "Corridor Sans", sans-serif';
    const xian = await drawn(page, '西安', font);
    expect(xian).not.toBe(await drawn(page, MISSING, font));
    expect(xian).not.toBe(await drawn(page, '西安', '28px sans-serif'));

    // deck.gl's label for Xi'an, drawn with the font, against the same map without it.
    const labelShot = async (p: Page) => {
      const point = await p.evaluate(
        ([lon, lat]) =>
          (
            document.querySelector('[data-corridor-map]') as HTMLElement & {
              corridorMap: { project(lon: number, lat: number): [number, number] };
            }
          ).corridorMap.project(lon, lat),
        XIAN,
      );
      const clip = { x: point[0] - 30, y: point[1] - 28, width: 60, height: 20 };
      const png = await p.screenshot({ clip, animations: 'disabled' });
      await saveArtifact(`label-xian-${p === page ? 'font' : 'no-font'}.png`, png);
      return png.toString('base64');
    };
    const withFont = await labelShot(page);

    const bare = await browser.newContext({
      viewport: { width: 480, height: 320 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    await bare.route('**/*', (route) =>
      /corridor-sans[^/]*\.woff2/.test(route.request().url())
        ? route.abort('blockedbyclient')
        : route.request().url().startsWith(baseUrl)
          ? route.continue()
          : route.abort('blockedbyclient'),
    );
    const barePage = await bare.newPage();
    await barePage.goto(`${baseUrl}/?live=eager&lang=zh`);
    await waitForRendered(barePage);
    expect(await labelShot(barePage)).not.toBe(withFont);
    await bare.close();

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
