// The size budget of embed.html (DESIGN §4, issue 8): everything a host page pays before the
// reader touches the map, ≤ 150 KB gzip. The first test is deterministic (from the build alone);
// the second checks in Chromium that the page fetches nothing the first one did not count —
// a dynamic import fired at start-up is not in the static graph, but it is on the wire.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import {
  EMBED_BUDGET_BYTES,
  LOADER_BUDGET_BYTES,
  embedFirstLoad,
  formatBreakdown,
  gzipSize,
  totalGzip,
} from '../bench/embedSize.ts';
import { fetchedBeforeInteraction } from '../bench/transfer.ts';
import { launchBrowser } from './harness.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const baseUrl = inject('baseUrl');

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('embed.html before interaction, from the build: ≤ 150 KB gzip -9', () => {
  const files = embedFirstLoad(dist);
  const report = formatBreakdown(files);
  if (totalGzip(files) > EMBED_BUDGET_BYTES) console.error(`embed.html first load:\n${report}`);
  expect(totalGzip(files), `embed.html first load:\n${report}`).toBeLessThanOrEqual(
    EMBED_BUDGET_BYTES,
  );
});

test('embed.js, loaded by every article: within its own budget, gzip -9', () => {
  const { gzip } = gzipSize(dist, 'embed.js');
  expect(gzip, `embed.js is ${gzip} B gzip -9`).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);
});

test(
  'embed.html fetches nothing before interaction that the size budget does not count',
  {
    // Until the lite view lands the page loads the whole live map (software WebGL, slow here).
    timeout: 180_000,
  },
  async () => {
    const counted = new Set(embedFirstLoad(dist).map((f) => f.file));
    const fetched = await fetchedBeforeInteraction(browser!, `${baseUrl}/embed.html`);
    const paths = [...new Set(fetched.map((f) => new URL(f.url).pathname.replace(/^\//, '')))];
    const uncounted = paths
      .filter((p) => !counted.has(p))
      .map((p) => ({ p, ...gzipSize(dist, p) }))
      .sort((a, b) => b.gzip - a.gzip);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const list = uncounted.map((u) => `  ${kb(u.gzip).padStart(9)}  ${u.p}`).join('\n');
    const sum = uncounted.reduce((s, u) => s + u.gzip, 0);
    expect(
      uncounted.map((u) => u.p),
      `fetched before any interaction but not counted by the size budget (${kb(sum)} gzip -9 more;` +
        ` add lite-view assets to LITE_VIEW_ASSETS in tests/bench/embedSize.ts, and load the` +
        ` live map only on interaction):\n${list}`,
    ).toEqual([]);
  },
);
