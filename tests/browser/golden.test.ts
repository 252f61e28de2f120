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
import { expect, inject, test } from 'vitest';
import { checkGolden, listCases } from './golden.ts';
import type { GoldenCase } from './golden.ts';
import { openPage, stableScreenshot, waitForLite, waitForRendered } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const cases = listCases();
const browser = useBrowser();

async function capture(golden: GoldenCase): Promise<Buffer> {
  const { page, errors } = await openPage(browser(), `${baseUrl}${golden.url}`, {
    width: golden.width,
    height: golden.height,
    ...(golden.colorScheme && { colorScheme: golden.colorScheme }),
  });
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
