// Issue 22, the house style: the app built once with the demo house style
// (`CORRIDOR_MAP_STYLE=house/demo-gazette/house.css`, into a folder of its own), and golden images
// of its lite view (embed.html, as a frame shows it) and of the picture its download control
// exports (tests/golden/house/<case>/; `UPDATE=1` rewrites them). Beside the pictures: the house
// font is the shipped file (not a system font), the credit line is in the footer and the exported
// SVG, and the live map's deck.gl colours are read from the same values (a house corridor colour
// is not set in the demo: the default's must come through).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkGolden, goldenDir, listCases, type GoldenCase } from './golden.ts';
import { startStaticServer } from './globalSetup.ts';
import {
  countColors,
  openPage,
  stableScreenshot,
  waitForLite,
  waitForRendered,
  type RGB,
} from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { viteBuild } from './viteBuild.ts';

const HOUSE = 'house/demo-gazette/house.css';
const CREDIT = 'Graphic: The Demo Gazette';
const cases = new Map(listCases(join(goldenDir, 'house')).map((c) => [c.name, c]));
const golden = (name: string): GoldenCase => {
  const found = cases.get(name);
  if (!found) throw new Error(`no tests/golden/house/${name}/case.json`);
  return found;
};

const out = mkdtempSync(join(tmpdir(), 'corridor-house-'));
let server: { url: string; close: () => Promise<void> } | undefined;
let buildLog = '';
const browser = useBrowser();

beforeAll(async () => {
  buildLog = await viteBuild(out, { CORRIDOR_MAP_STYLE: HOUSE });
  server = await startStaticServer({ root: out });
}, 300_000);

afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

async function open(c: GoldenCase): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser(), `${server!.url}${c.url}`, {
    width: c.width,
    height: c.height,
  });
  await waitForLite(opened.page);
  await opened.page.evaluate(() => document.fonts.ready.then(() => undefined));
  return opened;
}

describe('the demo house style', () => {
  test('the build takes it without a warning and ships its font files', () => {
    expect(buildLog).not.toMatch(/house|corridor colours|Corridor Sans/i);
    const css = readFileSync(join(out, 'embed.html'), 'utf8');
    const sheets = [...css.matchAll(/href="\.\/(assets\/[^"]+\.css)"/g)].map((m) =>
      readFileSync(join(out, m[1]!), 'utf8'),
    );
    expect(sheets.join('\n')).toMatch(/url\(\.\/gazette-serif-[\w-]+\.woff2\)/);
  });

  test('lite view: its font, colours and credit line', { timeout: 120_000 }, async () => {
    const c = golden('lite-en');
    const { page, errors } = await open(c);
    const seen = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-corridor-map]')!;
      const style = getComputedStyle(root);
      return {
        font: style.fontFamily,
        background: style.backgroundColor,
        footer: root.querySelector('.cm-footer')?.textContent ?? '',
        // Loaded from the build's file: no system font is called "Gazette Serif".
        loaded: [...document.fonts].some(
          (f) => f.family.replace(/"/g, '') === 'Gazette Serif' && f.status === 'loaded',
        ),
      };
    });
    expect(seen).toMatchObject({
      font: expect.stringMatching(/^"Gazette Serif"/) as unknown,
      background: 'rgb(248, 241, 227)',
      footer: expect.stringMatching(new RegExp(`^${CREDIT} · `)) as unknown,
      loaded: true,
    });
    const result = await checkGolden(c, await stableScreenshot(page));
    console.log(`golden ${result.message}`);
    expect(result.pass, result.message).toBe(true);

    // The demo's colours keep axe's contrast (and every other serious rule) clean. axe is run
    // through the DevTools protocol: embed.html's CSP admits no script from elsewhere.
    await page.evaluate(
      readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    );
    const serious = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run(el: Element): Promise<{ violations: { id: string; impact?: string | null }[] }>;
        };
      };
      const { violations } = await axe.run(document.querySelector('[data-corridor-map]')!);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(serious).toEqual([]);

    // The live map takes the same sea from the page's computed values (not the default's).
    await page.evaluate(() =>
      (
        document.querySelector('[data-corridor-map]') as HTMLElement & {
          corridorMap: { goLive(): Promise<boolean> };
        }
      ).corridorMap.goLive(),
    );
    await waitForRendered(page);
    const box = (await page.locator('.cm-map').boundingBox())!;
    const sea: Record<string, RGB> = { house: [207, 220, 217], default: [223, 232, 239] };
    const { total, counts } = await countColors(page, box, sea, 4);
    expect(await page.locator('[data-corridor-map]').getAttribute('data-view')).toBe('live');
    expect(counts.house! / total).toBeGreaterThan(0.2);
    expect(counts.default! / total).toBeLessThan(0.01);
    expect(errors).toEqual([]);
  });

  test('exported picture: PNG and SVG in the house style', { timeout: 120_000 }, async () => {
    const c = golden('picture-en');
    const { page, errors } = await open(c);
    const control = page.locator('.cm-download');
    const download = async (item: string) => {
      if ((await control.locator('.cm-download-toggle').getAttribute('aria-expanded')) !== 'true')
        await control.locator('.cm-download-toggle').click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        control.locator(item).click(),
      ]);
      const bytes = readFileSync(await file.path());
      await expect.poll(() => control.getAttribute('data-state')).toBe('done');
      return bytes;
    };
    const svg = (await download('button[data-format="svg"]')).toString('utf8');
    expect(svg).toContain(`>${CREDIT}</text>`);
    expect(svg).toContain('<rect width="1200" height=');
    expect(svg).toMatch(/<rect width="1200" height="\d+" fill="#f8f1e3"/);
    expect(svg).toMatch(/font-family="[^"]*Gazette Serif/);
    const png = await download('button[data-width="1200"]');
    const result = await checkGolden(c, png);
    console.log(`golden ${result.message}`);
    expect(result.pass, result.message).toBe(true);
    expect(errors).toEqual([]);
  });

  test('publish.html downloads the picture in the house style', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser(), `${server!.url}/publish.html?lang=en`, {
      width: 1280,
      height: 900,
    });
    await page.locator('#publish[data-state="ready"]').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.pub-downloads [data-format="svg"]').click(),
    ]);
    const svg = readFileSync(await file.path(), 'utf8');
    expect(svg).toContain(`>${CREDIT}</text>`);
    expect(svg).toMatch(/<rect width="1200" height="\d+" fill="#f8f1e3"/);
    expect(svg).toMatch(/font-family="[^"]*Gazette Serif/);
    // The house rules reach only the map's root: the desk's own page keeps its look.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(
      /Gazette/,
    );
    expect(errors).toEqual([]);
  });
});
