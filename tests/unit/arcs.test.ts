// The flat arcs between stops, drawn as paths (data/arcs.ts): the curve deck.gl's ArcLayer draws
// with getTilt 90, from data alone.
import { describe, expect, it } from 'vitest';
import { ARC_HEIGHT, ARC_VERTICES, arcPath } from '../../src/data/arcs.ts';
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
