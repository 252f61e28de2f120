// Long sessions (issue 10 item 6): mounting and destroying maps on one page gives everything
// back — DOM nodes, event listeners, WebGL contexts and the objects on the JS heap. The page
// (tests/browser/pages/mount-loop.html) imports `mount` from the built library entry; each cycle
// mounts a map, waits for it to draw (lite, or live on every fifth cycle) and destroys it.
import type { CDPSession, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { liveWebGLContexts, openPage, trackWebGLContexts } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const CYCLES = 30;
const LIVE_EVERY = 5;

interface Usage {
  /** Bytes of JS objects on the heap after GC: compiled code is left out (see below). */
  objects: number;
  nodes: number;
  listeners: number;
  contexts: number;
}

/**
 * The heap's objects, from a heap snapshot after a full GC. V8's compiled code (bytecode,
 * optimised code, feedback) is left out: it grows while the JIT warms up over the first cycles
 * and is V8's cache, flushed under pressure, not something a map holds on to.
 */
async function usage(page: Page, cdp: CDPSession): Promise<Usage> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let objects = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (typeNames[nodes[i + type]!] !== 'code') objects += nodes[i + size]!;
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    objects,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    contexts: await liveWebGLContexts(page),
  };
}

test(`${CYCLES} mounts and destroys give back nodes, listeners, contexts and heap`, async () => {
  const { page, context, errors } = await openPage(browser(), 'about:blank');
  await trackWebGLContexts(context);
  await page.goto(`${baseUrl}/test/mount-loop.html`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const cycle = (live: boolean) =>
    page.evaluate(
      (l) => (window as unknown as { cycle: (l: boolean) => Promise<void> }).cycle(l),
      live,
    );

  // Once each way first: the code, the basemap and maplibre's worker load once per page.
  await cycle(true);
  await cycle(false);
  const start = await usage(page, cdp);
  let lives = 0;
  for (let i = 0; i < CYCLES; i++) {
    const live = i % LIVE_EVERY === 0;
    lives += Number(live);
    await cycle(live);
  }
  const end = await usage(page, cdp);

  expect(lives).toBe(CYCLES / LIVE_EVERY);
  expect(end.nodes, 'DOM nodes').toBe(start.nodes);
  expect(end.listeners, 'event listeners').toBe(start.listeners);
  expect(end.contexts, 'WebGL contexts not lost').toBe(0);
  expect(end.objects - start.objects, 'heap objects, bytes').toBeLessThan(1_000_000);
  expect(errors).toEqual([]);
}, 600_000);
