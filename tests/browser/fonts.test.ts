// The page's fonts are opened by a worker, not by the panels' first layout (src/embed/warmFonts.ts,
// issue 20): on this Chromium a system font file is copied whole into shared memory the first
// time a thread asks for it, 90–130 ms for each weight of Debian's 20 MB Noto Sans CJK, and the
// first Chinese text of an English page (its source titles) used to pay that in a layout task.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './harness.ts';

const baseUrl = inject('baseUrl');
/** A font request the main thread waits on longer than this opened a file itself. */
const OPENED_MS = 30;

interface FontOpen {
  thread: string;
  family: string;
  ms: number;
}

/**
 * Loads `url` while tracing, until the map is ready; every font request of its threads. In a
 * browser of its own: the browser keeps a font file it has read for every later page.
 */
async function fontRequests(url: string, keepWorkerOut = false): Promise<FontOpen[]> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    // Offline, as every test; and, to check the measure itself, without the font worker.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      const refused =
        !url.startsWith(baseUrl) || (keepWorkerOut && /fontWorker[^/]*\.js/.test(url));
      return refused ? route.abort('blockedbyclient') : route.continue();
    });
    const page: Page = await context.newPage();
    await browser.startTracing(page, { categories: ['fonts', 'disabled-by-default-fonts'] });
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelector('[data-corridor-map]')?.getAttribute('data-state') === 'ready',
      null,
      { timeout: 60_000 },
    );
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as {
      name: string;
      pid: number;
      tid: number;
      dur?: number;
      args?: { name?: string; family_name?: string };
    }[];
    const threads = new Map(
      events
        .filter((e) => e.name === 'thread_name')
        .map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
    );
    return events
      .filter((e) => e.name === 'FontDataManager::onMatchFamilyStyle')
      .map((e) => ({
        thread: threads.get(`${e.pid}:${e.tid}`) ?? '?',
        family: e.args?.family_name ?? '',
        ms: (e.dur ?? 0) / 1000,
      }));
  } finally {
    await browser.close();
  }
}

const cjkOpens = (requests: FontOpen[], thread: RegExp) =>
  requests.filter((r) => /CJK/.test(r.family) && thread.test(r.thread) && r.ms > OPENED_MS);

describe('fonts open off the main thread', () => {
  test('an English page: the worker opens the CJK font, the main thread never waits on it', async () => {
    const url = `${baseUrl}/embed.html?lang=en`;
    const requests = await fontRequests(url);
    // The premise: this Chromium reports its font requests (else the test measures nothing).
    expect(requests.length).toBeGreaterThan(0);
    expect(cjkOpens(requests, /CrRendererMain/)).toEqual([]);
    expect(cjkOpens(requests, /Worker/).length).toBeGreaterThan(0);

    // And the measure sees the cost where there is no worker: the main thread opens the file.
    const without = await fontRequests(url, true);
    expect(cjkOpens(without, /CrRendererMain/).length).toBeGreaterThan(0);
  }, 120_000);
});
