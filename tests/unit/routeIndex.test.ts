// The hit index of the lite view's canvas routes (src/lite/routeIndex.ts): a click takes the
// route whose drawn line is under it or nearest within the slop, the one on top of two alike,
// and only what has grown.
import { describe, expect, test } from 'vitest';
import {
  buildRouteIndex,
  distanceToSegment,
  type RouteGeometry,
} from '../../src/lite/routeIndex.ts';

/** Routes as lists of [x, y] points, their fractions by length. */
function geometry(routes: [number, number][][]): RouteGeometry {
  const start = new Uint32Array(routes.length + 1);
  routes.forEach((r, i) => (start[i + 1] = start[i]! + r.length));
  const xy = new Float32Array(2 * start[routes.length]!);
  const fraction = new Float32Array(start[routes.length]!);
  routes.forEach((route, i) => {
    const lengths = route.map((p, k) =>
      k === 0 ? 0 : Math.hypot(p[0] - route[k - 1]![0], p[1] - route[k - 1]![1]),
    );
    const total = lengths.reduce((a, b) => a + b, 0);
    let along = 0;
    route.forEach((p, k) => {
      along += lengths[k]!;
      xy[2 * (start[i]! + k)] = p[0];
      xy[2 * (start[i]! + k) + 1] = p[1];
      fraction[start[i]! + k] = along / total;
    });
  });
  return { xy, start, fraction };
}

const BOX = { width: 400, height: 300, maxWidth: 9, slop: 4 };
/** Every route drawn whole, 2 px wide, in data order. */
const whole = (n: number) => ({
  progress: new Float32Array(n).fill(1),
  width: new Float32Array(n).fill(2),
  order: Float64Array.from({ length: n }, (_, i) => i),
});

describe('the route under a click', () => {
  // 0: a horizontal line; 1: a diagonal with a bend; 2: a vertical line crossing 0 at (200, 100).
  const routes = geometry([
    [
      [20, 100],
      [380, 100],
    ],
    [
      [20, 280],
      [200, 200],
      [380, 280],
    ],
    [
      [200, 10],
      [200, 190],
    ],
  ]);
  const index = buildRouteIndex(routes, BOX);

  test('on a line, near it within the slop, and nothing farther', () => {
    const state = whole(3);
    expect(index.hit(60, 100, state)).toBe(0);
    expect(index.hit(60, 104.9, state)).toBe(0); // 1 px half width + 4 px slop
    expect(index.hit(60, 105.1, state)).toBe(-1);
    expect(index.hit(290, 240, state)).toBe(1); // on the second leg of the bent route
    expect(index.hit(110, 240, state)).toBe(1); // on its first leg
    expect(index.hit(200, 150, state)).toBe(2);
    expect(index.hit(300, 20, state)).toBe(-1);
  });

  test('a wider line takes a click farther from its middle', () => {
    const state = whole(3);
    state.width[0] = 9;
    expect(index.hit(60, 108, state)).toBe(0);
    expect(index.hit(60, 108.6, state)).toBe(-1);
  });

  test('the nearest of two lines; where both are under the pointer, the one drawn on top', () => {
    const state = whole(3);
    expect(index.hit(202, 103, state)).toBe(2); // 2 px from route 2, 3 px from route 0
    expect(index.hit(203, 102, state)).toBe(0);
    // At the crossing both lines cover the point: the higher order wins, whichever it is.
    expect(index.hit(200, 100, state)).toBe(2);
    state.order[0] = 10;
    expect(index.hit(200, 100, state)).toBe(0);
  });

  test('only the drawn part of a growing route, nothing of one not yet open', () => {
    const state = whole(3);
    state.progress[0] = 0.25; // from x = 20 to x = 110
    expect(index.hit(100, 100, state)).toBe(0);
    expect(index.hit(150, 100, state)).toBe(-1);
    expect(index.hit(200, 100, state)).toBe(2);
    state.progress[2] = 0;
    expect(index.hit(200, 100, state)).toBe(-1);
    expect(index.hit(200, 150, state)).toBe(-1);
  });

  test('outside the box, or in a box with no routes: none', () => {
    expect(index.hit(-1, 100, whole(3))).toBe(-1);
    expect(index.hit(401, 100, whole(3))).toBe(-1);
    expect(index.hit(NaN, 100, whole(3))).toBe(-1);
    expect(buildRouteIndex(geometry([]), BOX).hit(10, 10, whole(0))).toBe(-1);
  });

  test('routes that leave the box are indexed where they are inside it', () => {
    const long = geometry([
      [
        [-500, -200],
        [900, 500],
      ],
    ]);
    const state = whole(1);
    expect(buildRouteIndex(long, BOX).hit(100, 100, state)).toBe(0);
    expect(buildRouteIndex(long, BOX).hit(100, 130, state)).toBe(-1);
  });

  test('the same answer as testing every segment, on many routes at every grid size', () => {
    // A few hundred random routes of three points; points on a grid over the box.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1.2 - 0.1;
    const many = Array.from({ length: 300 }, () =>
      Array.from({ length: 3 }, (): [number, number] => [random() * 400, random() * 300]),
    );
    const g = geometry(many);
    const state = whole(many.length);
    for (let i = 0; i < many.length; i++) {
      state.width[i] = 1.5 + (i % 7);
      state.progress[i] = i % 5 === 0 ? 0.5 : 1;
    }
    const brute = (x: number, y: number) => {
      let best = -1;
      let bestGap = Infinity;
      many.forEach((route, r) => {
        const p = state.progress[r]!;
        for (let k = 0; k + 1 < route.length; k++) {
          const f0 = g.fraction[g.start[r]! + k]!;
          const f1 = g.fraction[g.start[r]! + k + 1]!;
          if (p <= f0) continue;
          const u = p >= f1 ? 1 : (p - f0) / (f1 - f0);
          // The index's own (single-precision) coordinates, so that both compute alike.
          const v = g.start[r]! + k;
          const [ax, ay, bx, by] = [
            g.xy[2 * v]!,
            g.xy[2 * v + 1]!,
            g.xy[2 * v + 2]!,
            g.xy[2 * v + 3]!,
          ];
          const d = distanceToSegment(x, y, ax, ay, ax + (bx - ax) * u, ay + (by - ay) * u);
          const gap = Math.max(0, d - state.width[r]! / 2);
          if (gap > BOX.slop) continue;
          if (gap < bestGap || (gap === bestGap && state.order[r]! > state.order[best]!)) {
            best = r;
            bestGap = gap;
          }
        }
      });
      return best;
    };
    for (const cell of [8, 24, 100, 1000]) {
      const index = buildRouteIndex(g, { ...BOX, cell });
      let hits = 0;
      for (let x = 0.5; x < 400; x += 7) {
        for (let y = 0.5; y < 300; y += 7) {
          const expected = brute(x, y);
          if (expected >= 0) hits++;
          expect(index.hit(x, y, state), `${x},${y} cell ${cell}`).toBe(expected);
        }
      }
      expect(hits).toBeGreaterThan(100);
    }
  });
});

test('distance to a segment: to its inside, to an end, to a point', () => {
  expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
  expect(distanceToSegment(13, 4, 0, 0, 10, 0)).toBe(5);
  expect(distanceToSegment(3, 4, 0, 0, 0, 0)).toBe(5);
});
