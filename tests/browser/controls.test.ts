// The visible controls (language switch, table toggle, sources list), keyboard reach of every
// hub, and the layout at 320 px wide.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const hubIds: string[] = (
  JSON.parse(readFileSync('geo/hubs.geojson', 'utf8')) as { features: { id: string }[] }
).features.map((f) => f.id);
const browser = useBrowser();

const root = '[data-corridor-map]';
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('controls', () => {
  test('the language switch changes every string and the lang attribute', async () => {
    const { page, context, errors } = await openPage(browser(), `${baseUrl}/?live=never&lang=zh`);
    await waitForLite(page);
    const zh = page.locator(`${root} .cm-lang button[data-lang="zh"]`);
    const en = page.locator(`${root} .cm-lang button[data-lang="en"]`);
    expect(await zh.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.cm-title').innerText()).toContain('一带一路');

    await en.click();
    await expect.poll(() => page.locator(root).getAttribute('lang')).toBe('en');
    expect(await en.getAttribute('aria-pressed')).toBe('true');
    expect(await zh.getAttribute('aria-pressed')).toBe('false');
    // The press answered first, the text a frame later (langSwitch.ts): no longer busy.
    expect(await page.locator(`${root} .cm-lang`).getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('.cm-title').innerText()).toBe('Belt and Road freight corridors');
    expect(await page.locator(`${root} .cm-sources summary`).innerText()).toMatch(/^Sources/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the table is always there for screen readers; the toggle shows it', async () => {
    const { page, context } = await openPage(browser(), `${baseUrl}/?live=never&lang=en`);
    await waitForLite(page);
    const table = page.locator(`${root} .cm-table`);
    const toggle = page.locator(`${root} .cm-table-toggle`);
    const inTree = () =>
      table.evaluate((el) => !el.closest('[hidden]') && getComputedStyle(el).display !== 'none');
    expect(await inTree()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await table.boundingBox())!.height).toBeLessThanOrEqual(1);
    expect(await page.getByRole('table').count()).toBeGreaterThan(0);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await table.boundingBox())!.height).toBeGreaterThan(100);
    await toggle.click();
    expect(await inTree()).toBe(true);
    expect((await table.boundingBox())!.height).toBeLessThanOrEqual(1);
    await context.close();
  });

  test('the sources list names each source once, with its publisher and date', async () => {
    const { page, context } = await openPage(browser(), `${baseUrl}/?live=never&lang=en`);
    await page.locator(`${root} .cm-sources li`).first().waitFor({ state: 'attached' });
    const items = await page
      .locator(`${root} .cm-sources li`)
      .evaluateAll((els) =>
        els.map((el) => ({ id: (el as HTMLElement).dataset.source, text: el.textContent })),
      );
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const xinhua = items.find((i) => i.id === 'xinhua-2019-01-19');
    expect(xinhua?.text).toContain('Xinhua');
    expect(xinhua?.text).toContain('19 Jan 2019');
    await context.close();
  });
});

describe('the side column', () => {
  test('opening another item from the lists scrolls the column to its panel, not the page', async () => {
    const { page, context, errors } = await openPage(
      browser(),
      `${baseUrl}/?live=never&lang=en#hub=xian`,
      { width: 1280, height: 720 },
    );
    await waitForLite(page);
    const side = page.locator(`${root} .cm-side`);
    const scrollTop = () => side.evaluate((el) => el.scrollTop);
    // Xi'an's panel is longer than the column beside the map: the lists are below it.
    await side.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await scrollTop()).toBeGreaterThan(100);
    const pageY = await page.evaluate(() => window.scrollY);
    await page.locator(`${root} .cm-nav button[data-kind="hub"][data-id="yiwu"]`).click();
    await expect.poll(() => page.locator('.cm-details').getAttribute('data-selected')).toBe('yiwu');
    expect(await scrollTop()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(pageY);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('keyboard and small screens', () => {
  test('Tab reaches every hub', async () => {
    const { page, context } = await openPage(browser(), `${baseUrl}/?live=never&lang=en`);
    await waitForLite(page);
    const reached = new Set<string>();
    for (let i = 0; i < 150 && reached.size < hubIds.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.kind === 'hub' ? el.dataset.id : undefined;
      });
      if (id) reached.add(id);
    }
    expect([...reached].sort()).toEqual([...hubIds].sort());
    await context.close();
  });

  test('nothing overflows horizontally at 320 px, with the table and sources open', async () => {
    const { page, context } = await openPage(browser(), `${baseUrl}/?live=never&lang=zh`, {
      width: 320,
      height: 568,
    });
    await waitForLite(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator(`${root} .cm-table-toggle`).click();
    await page.locator(`${root} .cm-sources summary`).click();
    await page.locator(`${root} [data-kind="hub"][data-id="xian"]`).click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
