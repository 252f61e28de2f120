// Memory of a page over a long session, for tests/browser/memory.test.ts (short) and the
// bench (long): heap objects after GC, DOM nodes, listeners and live WebGL contexts, read through
// the DevTools protocol; a mount/destroy cycle; a soak of play.
import type { CDPSession, Page } from 'playwright-core';
import { liveWebGLContexts, waitForRendered } from './harness.ts';

export interface Usage {
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
export async function usage(page: Page, cdp: CDPSession): Promise<Usage> {
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

/** One cycle of tests/browser/pages/mount-loop.html: mount, draw (live or lite), destroy. */
export function cycle(page: Page, live: boolean): Promise<void> {
  return page.evaluate(
    (l) => (window as unknown as { cycle: (l: boolean) => Promise<void> }).cycle(l),
    live,
  );
}

/**
 * Plays the map of `page` (drawn live first) for `seconds`, starting over whenever play reaches
 * the last year, and measures after the first pass of warm-up and at the end. `frames`: the
 * animation frames the page drew meanwhile (a soak that stalls would count few).
 */
export async function soak(
  page: Page,
  cdp: CDPSession,
  seconds: number,
): Promise<{ start: Usage; end: Usage; frames: number }> {
  await waitForRendered(page);
  // Every panel in (the table and sources come after the first frames): a start measured
  // before them would count them as growth.
  await page
    .locator('[data-corridor-map][data-state="ready"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  // A string, not a function: tsx (the bench) would wrap the function's inner helpers in a
  // `__name` call that the page does not have.
  await page.evaluate(`(() => {
    const store = document.querySelector('[data-corridor-map]').corridorMap.store;
    window.soakFrames = 0;
    const count = () => {
      window.soakFrames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    let holding = false;
    setInterval(() => {
      if (!holding && !store.getState().playing) store.getState().play();
    }, 250);
    // Measurements are taken at one and the same state (paused on the last year): the panels'
    // nodes change with the year and its events, and a start and an end taken at different
    // years would differ by that, not by a leak.
    window.soakHold = (hold) => {
      holding = hold;
      if (hold) {
        store.getState().pause();
        store.getState().setYear(store.getState().range[1]);
      } else store.getState().play();
    };
  })()`);
  const hold = async (on: boolean) => {
    await page.evaluate(`window.soakHold(${on})`);
    // Two frames: the panels and the map have followed the store.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  };
  const framesNow = () =>
    page.evaluate(() => (window as unknown as { soakFrames: number }).soakFrames);
  // Warm-up: one year's frames compile the layers' programs and fill the glyph atlas.
  await page.waitForFunction(() => (window as unknown as { soakFrames: number }).soakFrames > 10);
  await hold(true);
  const start = await usage(page, cdp);
  await hold(false);
  const before = await framesNow();
  const until = Date.now() + seconds * 1000;
  // Waiting on the wall clock is the point here: the soak is a length of time.
  while (Date.now() < until) await page.waitForTimeout(Math.min(5_000, until - Date.now()));
  const frames = (await framesNow()) - before;
  await hold(true);
  return { start, end: await usage(page, cdp), frames };
}
