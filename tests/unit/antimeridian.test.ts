// Longitudes across ±180° (src/data/antimeridian.ts): where the circle is cut.
import { expect, test } from 'vitest';
import { antimeridianCut, continuousLongitudes } from '../../src/data/antimeridian.ts';
import { loadGeo } from './helpers.ts';

test('no cut when the widest empty stretch already lies across ±180°', () => {
  expect(antimeridianCut([-3.7, 6.8, 108.9, 120.1])).toBeNull();
  expect(antimeridianCut([])).toBeNull();
  expect(antimeridianCut([42])).toBeNull();
});

test('a cut through the widest empty stretch elsewhere', () => {
  // Yiwu 120°E and Anchorage 150°W: the gap from −150 to −3.7 is wider than 120 → 210.
  expect(antimeridianCut([-149.9, -3.7, 120.1])).toBe(-3.7);
  expect(antimeridianCut([170, -175, NaN])).toBe(170);
  // 20° apart across 180°, 340° the other way: −170 becomes 190.
  expect(antimeridianCut([-170, 170])).toBe(170);
});

test('the corridors themselves are left as they are (the same object)', async () => {
  const { data } = await loadGeo();
  expect(continuousLongitudes(data)).toBe(data);
  for (const route of data.routes)
    for (const [lon] of route.geometry.coordinates) expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
});
