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
 * The language switch answers in its own frame and draws the text in the new language in the
 * next (src/panels/langSwitch.ts; 150 ms at 4× on a quiet machine in December 2026, bench budget
 * 200 ms): held here at twice that, so that a switch which stops drawing its text, or draws it
 * only after seconds, fails as one that holds its press's paint back does.
 */
const TEXT_LIMIT_MS = 400;

describe('interaction to next paint', () => {
  test(`every control paints within ${LIMIT_MS} ms at 4× CPU, 412 px, real data`, async () => {
    const { durations, textDrawn } = await measureInteractions(
      browser(),
      `${baseUrl}/embed.html?lang=en`,
    );
    console.log(
      `controls at 4× CPU (ms): ${CONTROLS.map((c) => `${c} ${durations[c]}`).join(', ')}; ` +
        `new language drawn ${textDrawn.toFixed(0)}`,
    );
    const over = CONTROLS.filter((c) => durations[c] > LIMIT_MS).map(
      (c) => `${c} ${durations[c]} ms`,
    );
    expect(over).toEqual([]);
    expect(textDrawn).toBeGreaterThan(0);
    expect(textDrawn).toBeLessThanOrEqual(TEXT_LIMIT_MS);
  }, 180_000);
});
