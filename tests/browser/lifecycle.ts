// One Chromium per test file (or describe block), and no page left open behind a test: apart from
// harness.ts so that scripts outside vitest (the bench) can use the harness without vitest.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeOpenedContexts, launchBrowser } from './harness.ts';
import type { LaunchOptions } from './harness.ts';

/**
 * Launches Chromium before the tests of the current file or describe block and closes it after
 * them; after each test, closes every context openPage opened in it, passed or failed. Returns
 * the browser (call it inside a test or hook).
 *
 * @example
 * const browser = useBrowser();
 * test('…', async () => {
 *   const { page } = await openPage(browser(), url);
 * });
 */
export function useBrowser(options: LaunchOptions = {}): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options);
  });
  afterEach(closeOpenedContexts);
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is not launched (call it in a test)');
    return browser;
  };
}
