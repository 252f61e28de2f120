// publish.html, the publishing desk (issue 22), on one page under the strict CSP with the network
// cut: a bad hub in its address gets the map's warning and default; changing hub, language and
// controls changes the snippet and the real embed in both previews (375 px and the column's
// width), with their reserved and real heights; Copy puts the snippet on the clipboard, and the
// snippet pasted into a blank page draws the same view; the picture downloads; axe finds nothing.
import { writeFile } from 'node:fs/promises';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { openPage, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { violations, withPolicy } from './policy.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The map's frame inside the n-th preview (0: 375 px, 1: the column's width). */
const previewMap = (page: Page, n: number): FrameLocator =>
  page.locator('.pub-preview-frame').nth(n).contentFrame().locator('iframe').contentFrame();

const snippet = (page: Page) => page.locator('#pub-out-snippet').inputValue();

/**
 * Both previews show the snippet now in the text box (the page marks the figure with the snippet
 * it shows and, once that map is ready, its real height), with `hub`'s panel and its figures in
 * (`data-selected`). Returns the wide preview's heading.
 */
async function previewsShow(page: Page, hub: string): Promise<string> {
  const current = await snippet(page);
  for (const n of [0, 1]) {
    const figure = page.locator('.pub-preview').nth(n);
    await expect.poll(() => figure.getAttribute('data-snippet')).toBe(current);
    await expect.poll(() => figure.getAttribute('data-real')).toMatch(/^\d+$/);
    await expect
      .poll(() => previewMap(page, n).locator('.cm-details').getAttribute('data-selected'))
      .toBe(hub);
  }
  return (await previewMap(page, 1).locator('.cm-details h3').textContent()) ?? '';
}

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core on the desk's page itself (the map inside the previews has its own a11y test). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: `${baseUrl}/node_modules/axe-core/axe.min.js` });
  const found = await page.evaluate(async () => {
    const { run } = (
      window as unknown as {
        axe: { run(el: Document, o: object): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const { violations } = await run(document, { iframes: false });
    return violations.map(({ id, impact, nodes }) => ({ id, impact: impact ?? null, nodes }));
  });
  return found.map(
    (v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('publish.html: form, previews, snippet, copy, paste, picture; axe and CSP clean', async () => {
  const { page, context, errors, warnings, blocked } = await openPage(browser(), 'about:blank', {
    width: 1440,
    height: 1000,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await withPolicy(page);
  await page.goto(`${baseUrl}/publish.html?lang=en&hub=nowhere`);
  await page.locator('#publish[data-state="ready"]').waitFor();

  // A hub the data lacks: the map's own warning, and its default (no hub).
  await expect.poll(() => page.locator('.pub-warnings').textContent()).toContain('hub=nowhere');
  expect(warnings.join('\n')).toContain('corridor-map: ignored "hub=nowhere"; using the defaults');
  expect(await page.locator('#pub-hub').inputValue()).toBe('');
  expect(await snippet(page)).not.toContain('data-hub');

  // Hub: the snippet, then the real embed in both previews.
  await page.locator('#pub-hub').selectOption('lanzhou');
  await expect.poll(() => snippet(page)).toContain('data-hub="lanzhou"');
  expect(await snippet(page)).toContain('data-lang="en"');
  expect(await previewsShow(page, 'lanzhou')).toMatch(/^Lanzhou/);

  // Each preview keeps the snippet's reserved place, then takes the map's own height.
  for (const n of [0, 1]) {
    const figure = page.locator('.pub-preview').nth(n);
    expect(Number(await figure.getAttribute('data-reserved'))).toBeGreaterThan(300);
    expect(await page.locator('.pub-preview-frame').nth(n).getAttribute('style')).toContain(
      n === 0 ? 'width: 375px' : 'width: 640px',
    );
  }

  // Language: Chinese is the default, so the snippet no longer names it; the frame is in Chinese.
  await page.locator('#pub-lang').selectOption('zh');
  await expect.poll(() => snippet(page)).not.toContain('data-lang');
  expect(await previewsShow(page, 'lanzhou')).toMatch(/^兰州/);
  await expect.poll(() => previewMap(page, 1).locator('html').getAttribute('lang')).toBe('zh-Hans');

  // Controls: without the legend, the snippet says so and the frame has none.
  expect(await previewMap(page, 1).locator('.cm-legend').count()).toBe(1);
  await page.locator('#pub-controls-legend').uncheck();
  await expect.poll(() => snippet(page)).toContain('data-controls="timeline,list"');
  await previewsShow(page, 'lanzhou');
  expect(await previewMap(page, 1).locator('.cm-legend').count()).toBe(0);
  const heading = await previewMap(page, 1).locator('.cm-details h3').textContent();

  // Copy: the snippet on the clipboard, and the page says so.
  const pasted = await snippet(page);
  // By keyboard: the Copy button takes the focus and Enter presses it.
  await page.locator('[data-copy="snippet"]').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.pub-status').first().textContent()).toContain('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pasted);

  // The copied snippet in a blank page of the same site draws the same view.
  const blank = await context.newPage();
  await blank.route(`${baseUrl}/pasted.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Pasted</title></head><body>${pasted}</body></html>`,
    }),
  );
  await blank.goto(`${baseUrl}/pasted.html`);
  const frame = (await (await blank.waitForSelector('[data-corridor-map] iframe')).contentFrame())!;
  await waitForLite(frame as Frame);
  await expect
    .poll(() => frame.locator('.cm-details').getAttribute('data-selected'))
    .toBe('lanzhou');
  expect(await frame.locator('.cm-details h3').textContent()).toBe(heading);
  expect(await frame.locator('.cm-legend').count()).toBe(0);
  await blank.close();

  // The picture of the view, from the map's own export code.
  const download = page.waitForEvent('download');
  await page.locator('.pub-downloads [data-format="svg"]').click();
  expect((await download).suggestedFilename()).toMatch(/^corridor-map-\d{4}-zh-lanzhou\.svg$/);

  // The page's own language switch.
  await page.locator('.pub-lang [data-lang="zh"]').click();
  expect(await page.locator('h1').textContent()).toBe('发布地图');
  await page.locator('.pub-lang [data-lang="en"]').click();
  expect(await page.locator('h1').textContent()).toBe('Publish the map');

  if (process.env.SCREENSHOTS) {
    // The desk itself (the form, the previews), without the warning the bad hub above left.
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await page.locator('.pub-layout').boundingBox())!.y;
    const clip = { x: 0, y: top - 8, width: 1440, height: 900 };
    await writeFile('tests/screenshots/publish.png', await page.screenshot({ clip }));
  }
  expect(await axe(page)).toEqual([]);
  const seen = [];
  for (const f of page.frames()) seen.push(...((await violations(f).catch(() => [])) ?? []));
  expect(seen).toEqual([]);
  expect(blocked).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);
