// Issue 20 item 4: every control answers within 100 ms at 4× CPU slowdown on a 412 px viewport
// with the real data. Held here at 2× that budget (two cores shared with other work make single
// durations noisy); the bench's inp part holds the budget itself, worst of several loads.
import { describe, expect, inject, test } from 'vitest';
import { CONTROLS, INTERACTION_BROWSER_ARGS, measureInteractions } from '../bench/interactions.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
// CPU raster, as the bench's inp part: INTERACTION_BROWSER_ARGS says why.
const browser = useBrowser({ extraArgs: [...INTERACTION_BROWSER_ARGS] });
const LIMIT_MS = 200;
/**
 * Not held here yet (issue 20 part 4 stays open for it; its duration is printed below and the
 * bench's inp part fails on it): the language switch lays out every text of the frame again in
 * the other language (160–176 ms at 4× on a quiet machine in December 2026, once its fonts are
 * opened in idle time: too near this test's bound to hold without flaking). The table toggle
 * left this list when it stopped laying the table out in its click (40–48 ms, was 136–576).
 * Remove the language switch once it answers within the budget.
 */
const NOT_YET: readonly string[] = ['language switch'];

describe('interaction to next paint', () => {
  test(`every control but ${NOT_YET.join(', ')} paints within ${LIMIT_MS} ms at 4× CPU, 412 px, real data`, async () => {
    const { durations } = await measureInteractions(browser(), `${baseUrl}/embed.html?lang=en`);
    console.log(
      `controls at 4× CPU (ms): ${CONTROLS.map((c) => `${c} ${durations[c]}`).join(', ')}`,
    );
    const over = CONTROLS.filter((c) => !NOT_YET.includes(c) && durations[c] > LIMIT_MS).map(
      (c) => `${c} ${durations[c]} ms`,
    );
    expect(over).toEqual([]);
  }, 180_000);
});
