// Corridor colours must stay apart for readers with colour-vision deficiencies (issue 5), and be
// seen on the land and sea of both themes. The checks themselves live in src/shared/palette.ts
// (the build runs them on a house style's palette, issue 22); their unit tests are in
// tests/unit/houseStyle.test.ts. Here: the default palette passes them.
import { describe, expect, test } from 'vitest';
import { CORRIDORS } from '../../src/data/types.ts';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { NO_HOUSE_STYLE } from '../../src/shared/houseStyle.ts';
import { groundsOf } from '../../src/build/houseFile.ts';
import {
  checkPalette,
  deltaE,
  MIN_DELTA_E,
  SIMULATIONS,
  type Vision,
} from '../../src/shared/palette.ts';

describe('corridor colours under colour-vision deficiencies', () => {
  const pairs = CORRIDORS.flatMap((a, i) => CORRIDORS.slice(i + 1).map((b) => [a, b] as const));
  test.each(Object.keys(SIMULATIONS) as Vision[])(
    '%s: every pair of corridors differs by ΔE ≥ 20',
    (vision) => {
      for (const [a, b] of pairs) {
        const d = deltaE(CORRIDOR_COLORS[a], CORRIDOR_COLORS[b], vision);
        expect(d, `${a} vs ${b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      }
    },
  );

  test('the check can fail: red and green collapse for deuteranopes', () => {
    expect(deltaE([200, 60, 60], [60, 140, 60], 'deuteranopia')).toBeLessThan(MIN_DELTA_E);
  });

  test('the default palette passes every check against the default land and sea', () => {
    expect(checkPalette(CORRIDOR_COLORS, groundsOf(NO_HOUSE_STYLE))).toEqual([]);
  });
});
