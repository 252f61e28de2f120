// Input anyone can craft: a link's `data=` and a snippet's attribute. Nothing may leave the
// map's origin, and nothing may run in the host page.
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');

const browser = useBrowser();

describe('crafted data= links', () => {
  test.each([
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/%5Cevil.example/'],
    ['encoded tab', '/%09/evil.example/'],
    ['absolute', 'https://evil.example/'],
  ])(
    '%s: no request leaves the origin, the map shows its own data, one warning',
    async (_, value) => {
      const opened = await openPage(browser(), `${baseUrl}/embed.html?lang=en&data=${value}`);
      try {
        const { page, blocked, warnings } = opened;
        // The default data: the four hubs of geo/ are listed.
        await expect
          .poll(() => page.locator('button[data-kind="hub"]').count(), { timeout: 30_000 })
          .toBe(4);
        const dataRequests = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => /\.(geo)?json$/.test(n)),
        );
        expect(dataRequests.length).toBeGreaterThan(0);
        for (const url of dataRequests) expect(new URL(url).origin).toBe(baseUrl);
        expect(blocked).toEqual([]);
        expect(warnings.filter((w) => w.includes('data='))).toHaveLength(1);
      } finally {
        await opened.context.close();
      }
    },
  );
});

describe('snippet attributes', () => {
  test('a javascript: or data: page gets no frame and one warning each; a good snippet still loads', async () => {
    const opened = await openPage(browser(), `${baseUrl}/test/hostile-snippets.html`);
    try {
      const { page, warnings } = opened;
      await page.waitForSelector('#ok iframe', { timeout: 30_000 });
      await expect
        .poll(() => page.locator('#js').getAttribute('data-corridor-map-state'))
        .toBe('refused');
      expect(await page.locator('#data').getAttribute('data-corridor-map-state')).toBe('refused');
      expect(await page.locator('#js iframe, #data iframe').count()).toBe(0);
      expect(await page.title()).not.toBe('owned');
      expect(warnings.filter((w) => w.includes('only http(s) URLs'))).toHaveLength(2);
    } finally {
      await opened.context.close();
    }
  });
});
