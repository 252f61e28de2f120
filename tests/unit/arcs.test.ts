// The flat arcs between stops, drawn as paths (data/arcs.ts): the curve deck.gl's ArcLayer draws
// with getTilt 90, from data alone.
import { describe, expect, it } from 'vitest';
import { ARC_HEIGHT, ARC_VERTICES, arcPath, arcVertices } from '../../src/data/arcs.ts';
import { deriveData } from '../../src/data/derive.ts';
import { loadGeo } from './helpers.ts';
import { mercator } from '../../src/data/camera.ts';

describe('arcPath', () => {
  const xian = [108.94, 34.34];
  const duisburg = [6.77, 51.43];
  const path = arcPath(xian, duisburg, ARC_VERTICES);

  it('runs from the source to the target, exactly, in as many vertices as asked', () => {
    expect(path).toHaveLength(ARC_VERTICES);
    expect(path[0]).toEqual(xian);
    expect(path.at(-1)).toEqual(duisburg);
  });

  it('bulges to the left of source → target by half the height × chord at its middle', () => {
    const [sx, sy] = mercator(xian);
    const [tx, ty] = mercator(duisburg);
    const chord = Math.hypot(tx - sx, ty - sy);
    // Distance from the chord, positive to the left of travel with north up (y grows down here).
    const offsets = path.map((p) => {
      const [x, y] = mercator(p);
      return ((x - sx) * (ty - sy) - (y - sy) * (tx - sx)) / chord;
    });
    expect(Math.max(...offsets) / chord).toBeCloseTo(ARC_HEIGHT / 2, 2);
    expect(offsets.every((o) => o >= -1e-12)).toBe(true);
    // Going west from Xi'an, the left is south: the arc's middle lies south of the chord's.
    const [, middleY] = mercator(path[Math.floor(ARC_VERTICES / 2)]!);
    expect(middleY).toBeGreaterThan((sy + ty) / 2);
  });

  it('is a straight point for a leg that starts where it ends', () => {
    expect(arcPath(xian, xian, 4)).toEqual([xian, xian, xian, xian].map((p) => [...p]));
  });
});

describe('arcVertices', () => {
  const xian = [108.94, 34.34];
  it('gives a longer chord more vertices, from a line between neighbours to ARC_VERTICES', () => {
    const east = (degrees: number) => arcVertices(xian, [xian[0]! - degrees, xian[1]!]);
    expect(east(0)).toBe(0); // no arc between two stops at one place
    expect(east(0.3)).toBe(2);
    const counts = [1, 5, 10, 20, 40, 80, 100, 300].map(east);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(east(20)).toBeGreaterThan(east(5));
    expect(east(300)).toBe(ARC_VERTICES);
    expect(arcPath(xian, [90, 40])).toHaveLength(arcVertices(xian, [90, 40]));
    expect(arcPath(xian, xian)).toEqual([]);
  });

  it('stays within 1.7 px of the smooth curve at the map’s scale, 1 px clear of the stops', () => {
    // The map shows about 127° of longitude across 836 px (1280 px page).
    const px = (world: number) => world * 360 * (836 / 127);
    for (const chord of [1, 3, 10, 30, 60, 100]) {
      const target = [xian[0]! - chord, xian[1]!];
      const fine = arcPath(xian, target, 2_000).map(mercator);
      const coarse = arcPath(xian, target).map(mercator);
      const [s, t] = [mercator(xian), mercator(target)];
      let worst = 0;
      let clear = 0;
      for (let i = 1; i < coarse.length; i++) {
        for (const f of [0.1, 0.25, 0.5, 0.75, 0.9]) {
          const [ax, ay] = coarse[i - 1]!;
          const [bx, by] = coarse[i]!;
          const [x, y] = [ax + (bx - ax) * f, ay + (by - ay) * f];
          const off = px(Math.min(...fine.map(([fx, fy]) => Math.hypot(fx - x, fy - y))));
          worst = Math.max(worst, off);
          // Farther than a hub marker's radius from either stop.
          if (px(Math.min(Math.hypot(x - s[0], y - s[1]), Math.hypot(x - t[0], y - t[1]))) > 8)
            clear = Math.max(clear, off);
        }
      }
      expect({ chord, worst: worst < 1.7, clear: clear < 1.05 }).toEqual({
        chord,
        worst: true,
        clear: true,
      });
    }
  });

  it('draws the arcs of geo/ in at most 1.5× the segments of its routes', async () => {
    // Software WebGL pays per vertex of the routes layer (arcs.ts).
    const derived = deriveData((await loadGeo()).data);
    const segments = (lines: { path: unknown[] }[]) =>
      lines.reduce((sum, l) => sum + Math.max(0, l.path.length - 1), 0);
    const arcs = derived.lines.filter((l) => 'routeId' in l);
    expect(arcs.every((l) => l.path.length >= 2)).toBe(true);
    expect(arcs).toHaveLength(derived.legs.filter((l) => l.path.length).length);
    expect(segments(arcs)).toBeLessThanOrEqual(1.5 * segments(derived.paths));
  });
});
