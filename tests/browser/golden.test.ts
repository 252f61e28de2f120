// Golden images (maplibre-style render tests): each folder tests/golden/<case>/ has a case.json
// (what to open, the viewport, what to photograph, the tolerance) and expected.png.
//
//   npm run build && npx vitest run --project browser tests/browser/golden.test.ts
//   UPDATE=1 npx vitest run --project browser tests/browser/golden.test.ts   # rewrites expected.png
//   UPDATE=1 npx vitest run --project browser tests/browser/golden.test.ts -t live-hub-xian   # one case
//
// On failure the case folder gets actual.png and diff.png (gitignored) beside expected.png.
// Rewrite expected.png (UPDATE=1) only when a change of picture is intended, and look at it.
// A new case is a new folder with a case.json: run with UPDATE=1 once to write its expected.png.
//
// The tolerance was chosen from measurements on these machines (software WebGL, SwiftShader):
// see tests/golden/README.md. It must stay tight enough that a changed corridor colour or
// a label moved by a few pixels fails.
import type { Page } from 'playwright-core';
import { afterAll, expect, inject, test } from 'vitest';
import { checkGolden, listCases } from './golden.ts';
import type { GoldenCase } from './golden.ts';
import { openPage, stableScreenshot, waitForLite, waitForRendered } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const cases = listCases();
const browser = useBrowser();

/**
 * Live cases that differ only in their hash share one page: the app follows a changed hash as it
 * follows a shared link (src/embed/syncHash.ts), so one live-map start — seconds of software
 * WebGL each — serves them all. The first case of a page opens it; the next ones change its hash
 * and wait until the root says the hash's year and language, and the panel its selection.
 */
const pages = new Map<string, { page: Page; errors: string[] }>();
afterAll(() => Promise.all([...pages.values()].map(({ page }) => page.context().close())));
const pageKey = (golden: GoldenCase) =>
  golden.kind === 'page'
    ? JSON.stringify([golden.url.split('#')[0], golden.width, golden.height, golden.colorScheme])
    : undefined;

async function open(golden: GoldenCase): Promise<{ page: Page; errors: string[] }> {
  const key = pageKey(golden);
  const shared = key === undefined ? undefined : pages.get(key);
  if (shared) {
    const hash = new URLSearchParams(golden.url.split('#')[1] ?? '');
    await shared.page.evaluate((h) => (location.hash = h), hash.toString());
    const root = shared.page.locator('[data-corridor-map]');
    if (hash.has('year'))
      await expect.poll(() => root.getAttribute('data-year')).toBe(hash.get('year'));
    if (hash.has('lang')) await expect.poll(() => root.getAttribute('lang')).toBe(hash.get('lang'));
    await expect
      .poll(() => shared.page.locator('.cm-details').getAttribute('data-selected'))
      .toBe(hash.get('hub'));
    return shared;
  }
  const { page, errors } = await openPage(browser(), `${baseUrl}${golden.url}`, {
    width: golden.width,
    height: golden.height,
    ...(golden.colorScheme && { colorScheme: golden.colorScheme }),
    shared: key !== undefined,
  });
  if (key !== undefined) pages.set(key, { page, errors });
  return { page, errors };
}

async function capture(golden: GoldenCase): Promise<Buffer> {
  const { page, errors } = await open(golden);
  if (golden.kind === 'page') await waitForRendered(page);
  if (golden.kind === 'lite') {
    await waitForLite(page);
    expect(await page.locator('[data-corridor-map]').getAttribute('data-view')).toBe('lite');
  }
  // Web fonts (the CJK subset of the map labels) must be in before the picture is taken.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  let clip;
  if (golden.selector) {
    const box = await page.locator(golden.selector).first().boundingBox();
    if (!box) throw new Error(`${golden.name}: nothing visible matches ${golden.selector}`);
    // Whole pixels, so that the same layout always gives the same image size.
    clip = {
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
    };
  }
  const png = await stableScreenshot(page, clip);
  expect(errors).toEqual([]);
  return png;
}

test('there are golden cases', () => {
  expect(cases.map((c) => c.name).length).toBeGreaterThanOrEqual(7);
});

for (const golden of cases) {
  test(golden.name, { timeout: 180_000 }, async () => {
    const result = await checkGolden(golden, await capture(golden));
    console.log(`golden ${result.message}`);
    expect(result.pass, result.message).toBe(true);
  });
}
