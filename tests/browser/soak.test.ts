// A long session of play (issue 10 item 6): a live map playing keeps its heap and its DOM. Ten
// seconds in `npm test`, two minutes in `npm run bench -- --only=heavy`, ten minutes in the bench's
// memory part.
import { expect, inject, test } from 'vitest';
import { bySize } from './full.ts';
import { openPage, trackWebGLContexts } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { soak } from './memory.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const SOAK_SECONDS = bySize(10, 120);

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
