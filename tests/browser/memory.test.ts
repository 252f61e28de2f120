// Long sessions (issue 10 item 6, issue 9 item 4): mounting and destroying maps on one page gives everything
// back — DOM nodes, event listeners, WebGL contexts and the objects on the JS heap. The page
// (tests/browser/pages/mount-loop.html) imports `mount` from the built library entry; each cycle
// mounts a map, waits for it to draw (lite, or live on every fifth cycle) and destroys it.
import { expect, inject, test } from 'vitest';
import { bySize } from './full.ts';
import { openPage, trackWebGLContexts } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { cycle, soak, usage } from './memory.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

// Short in `npm test`: a leak of one live map is 25 nodes and 47 listeners, which the equalities
// below catch after a single live cycle; two of them in four leave the heap bound room to see a
// leak of objects. Thirty cycles and a two-minute soak in `npm run bench -- --only=heavy` (the
// bench's memory part plays for ten minutes).
const CYCLES = bySize(4, 30);
const LIVE_EVERY = bySize(2, 5);
const SOAK_SECONDS = bySize(10, 120);

test(`${CYCLES} mounts and destroys give back nodes, listeners, contexts and heap`, async () => {
  const { page, context, errors } = await openPage(browser(), 'about:blank');
  await trackWebGLContexts(context);
  await page.goto(`${baseUrl}/test/mount-loop.html`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  // Once each way first: the code, the basemap and maplibre's worker load once per page.
  await cycle(page, true);
  await cycle(page, false);
  const start = await usage(page, cdp);
  let lives = 0;
  for (let i = 0; i < CYCLES; i++) {
    const live = i % LIVE_EVERY === 0;
    lives += Number(live);
    await cycle(page, live);
  }
  const end = await usage(page, cdp);

  expect(lives).toBe(CYCLES / LIVE_EVERY);
  expect(end.nodes, 'DOM nodes').toBe(start.nodes);
  expect(end.listeners, 'event listeners').toBe(start.listeners);
  expect(end.contexts, 'WebGL contexts not lost').toBe(0);
  expect(end.objects - start.objects, 'heap objects, bytes').toBeLessThan(1_000_000);
  expect(errors).toEqual([]);
}, 600_000);

test(`a live map playing for ${SOAK_SECONDS} s keeps its heap and DOM`, async () => {
  const { page, context, errors } = await openPage(browser(), 'about:blank', {
    width: 1000,
    height: 700,
  });
  await trackWebGLContexts(context);
  await page.goto(`${baseUrl}/embed.html?lang=en&live=eager`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { start, end, frames } = await soak(page, cdp, SOAK_SECONDS);
  expect(frames, 'frames drawn while playing').toBeGreaterThan(SOAK_SECONDS);
  expect(end.contexts).toBe(1);
  expect(Math.abs(end.nodes - start.nodes) / start.nodes, 'DOM nodes').toBeLessThanOrEqual(0.1);
  expect((end.objects - start.objects) / start.objects, 'heap objects').toBeLessThanOrEqual(0.1);
  expect(errors).toEqual([]);
}, 300_000);
