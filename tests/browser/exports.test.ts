// embed.js's public surface, pinned: host pages and CMS scripts may call the loader's global, so
// a key added to or dropped from it, or a second global, must show up here. The built embed.js
// is loaded into an empty page (no snippet, so no frame and no WebGL). mount.ts's exports are
// pinned by tests/unit/exports.test.ts.
import { expect, inject, test } from 'vitest';
import { openPage } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

test('embed.js adds one global, __corridorMapLoader, with exactly scan and destroy', async () => {
  const { page, errors } = await openPage(browser(), `${baseUrl}/test/blank.html`);
  const before = await page.evaluate(() => Object.keys(window));
  await page.addScriptTag({ url: `${baseUrl}/embed.js` });
  await page.waitForFunction(() => '__corridorMapLoader' in window);
  const after = await page.evaluate(() => Object.keys(window));
  expect(after.filter((key) => !before.includes(key))).toEqual(['__corridorMapLoader']);

  const loader = await page.evaluate(() => {
    const value = (window as unknown as { __corridorMapLoader: Record<string, unknown> })
      .__corridorMapLoader;
    return Object.keys(value)
      .sort()
      .map((key) => [key, typeof value[key]]);
  });
  expect(loader).toEqual([
    ['destroy', 'function'],
    ['scan', 'function'],
  ]);
  expect(errors).toEqual([]);
});
