// The cap on live maps (src/embed/liveSlots.ts): which maps give their WebGL context back.
import { describe, expect, test } from 'vitest';
import { LIVE_CAP, distanceFromView, toRelease } from '../../src/embed/liveSlots.ts';

const entry = (item: string, distance: number, since: number) => ({ item, distance, since });

describe('toRelease', () => {
  test('nothing while the page is within the cap', () => {
    const live = Array.from({ length: LIVE_CAP }, (_, i) => entry(`m${i}`, i * 100, i));
    expect(toRelease(live)).toEqual([]);
    expect(toRelease([])).toEqual([]);
  });

  test('past the cap, the maps furthest from view give way, as many as are over', () => {
    const live = [entry('near', 0, 5), entry('far', 3000, 9), entry('mid', 800, 1)];
    expect(toRelease(live, 2)).toEqual(['far']);
    expect(toRelease(live, 1)).toEqual(['far', 'mid']);
  });

  test('among maps equally far, the one live longest gives way first', () => {
    const live = [entry('new', 0, 30), entry('old', 0, 10), entry('mid', 0, 20)];
    expect(toRelease(live, 1)).toEqual(['old', 'mid']);
  });

  test('does not reorder its input', () => {
    const live = [entry('a', 0, 1), entry('b', 10, 2)];
    toRelease(live, 1);
    expect(live.map((e) => e.item)).toEqual(['a', 'b']);
  });
});

test('distanceFromView: 0 when any of the box is in view, else the gap in pixels', () => {
  expect(distanceFromView({ top: 100, bottom: 400 }, 700)).toBe(0);
  expect(distanceFromView({ top: -300, bottom: 10 }, 700)).toBe(0);
  expect(distanceFromView({ top: 900, bottom: 1200 }, 700)).toBe(200);
  expect(distanceFromView({ top: -900, bottom: -250 }, 700)).toBe(250);
});
