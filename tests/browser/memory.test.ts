// Long sessions (issue 10 item 6, issue 9 item 4): mounting and destroying maps on one page gives everything
// back — DOM nodes, event listeners, WebGL contexts and the objects on the JS heap. The page
// (tests/browser/pages/mount-loop.html) imports `mount` from the built library entry; each cycle
// mounts a map, waits for it to draw (lite, or live on every fifth cycle) and destroys it.
import { expect, inject, test } from 'vitest';
import { bySize } from './full.ts';
import { openPage, trackWebGLContexts } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { cycle, usage } from './memory.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

// Short in `npm test`: a leak of one live map is 25 nodes and 47 listeners, which the equalities
// below catch after a single live cycle; two of them in four leave the heap bound room to see a
// leak of objects. Thirty cycles in `npm run bench -- --only=heavy`. The soak is soak.test.ts
// (a file of its own, so that it runs beside this one).
const CYCLES = bySize(4, 30);
const LIVE_EVERY = bySize(2, 5);

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
