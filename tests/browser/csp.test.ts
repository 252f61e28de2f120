// The built pages under a strict Content-Security-Policy (issue 10): no violation, and the map
// drawn — lite and live. And a lost GPU context: the lite view stands in, and the live map comes
// back drawn when the context returns.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { countColors, openPage, waitForLite, waitForRendered } from './harness.ts';
import type { OpenedPage } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { violations, withPolicy } from './policy.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('under a strict CSP', () => {
  test('embed.html: the lite view, then the live map, with zero violations', async () => {
    const { page, errors } = await openPage(browser(), 'about:blank', { width: 640, height: 600 });
    await withPolicy(page);
    await page.goto(`${baseUrl}/embed.html?lang=en&hub=xian`);
    await waitForLite(page);
    // The legend's swatches keep their colours (classes, not style attributes).
    const swatch = await page
      .locator('.cm-legend .cm-swatch[data-corridor="china-laos"]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).toBe('rgb(0, 114, 178)');
    await page.locator('.cm-lite-explore').click();
    await waitForRendered(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('index.html: the lite view, then the live map on a reach, with zero violations', async () => {
    const { page, errors } = await indexPage();
    await waitForLite(page);
    expect(await violations(page)).toEqual([]);
    await page.locator('.cm-lite-explore').click();
    await waitForRendered(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// index.html under the policy, shared by the test above and the next (live by then, if the test
// above passed): a live start is seconds of software WebGL, and the context's loss and return
// are worth seeing under the policy too.
let index: Promise<OpenedPage> | undefined;
const indexPage = () =>
  (index ??= (async () => {
    const opened = await openPage(browser(), 'about:blank', {
      width: 640,
      height: 600,
      shared: true,
    });
    await withPolicy(opened.page);
    await opened.page.goto(`${baseUrl}/index.html?lang=en`);
    return opened;
  })());
afterAll(async () => {
  await (await index)?.context.close();
});

test('context lost: the lite view stands in; restored: the live map draws its routes again', async () => {
  const { page, errors } = await indexPage();
  if ((await page.locator('[data-corridor-map]').getAttribute('data-view')) !== 'live') {
    await waitForLite(page);
    await page.locator('.cm-lite-explore').click();
  }
  await waitForRendered(page);
  const root = page.locator('[data-corridor-map]');
  const box = (await page.locator('.cm-live canvas').boundingBox())!;
  const routePixels = async () => {
    const { counts } = await countColors(page, box, CORRIDOR_COLORS, 30);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  };
  const before = await routePixels();
  expect(before).toBeGreaterThan(300);

  // Keep the extension's handle: a lost context gives no extension back.
  await page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('.cm-live canvas')!.getContext('webgl2')!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { restore: () => void }).restore = () => ext.restoreContext();
    ext.loseContext();
  });
  await expect.poll(() => root.getAttribute('data-view')).toBe('lite');
  expect(await page.locator('.cm-lite').isVisible()).toBe(true);
  expect(await page.locator('.cm-view-note[data-note="liveLost"]').count()).toBe(1);

  await page.evaluate(() => (window as unknown as { restore: () => void }).restore());
  await waitForRendered(page);
  expect(await root.getAttribute('data-view')).toBe('live');
  const after = await routePixels();
  expect(after).toBeGreaterThan(before * 0.8);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('no eval or new Function in any shipped chunk (script-src without unsafe-eval)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../../dist/assets/', import.meta.url);
  const offenders = readdirSync(dir)
    .filter((f) => /\.m?js$/.test(f))
    .filter((f) =>
      /\bnew Function\(|(^|[^\w.$])eval\(/.test(readFileSync(new URL(f, dir), 'utf8')),
    );
  expect(offenders).toEqual([]);
});
