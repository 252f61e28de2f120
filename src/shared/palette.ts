/**
 * The project's checks of a corridor palette (issue 5; issue 22: a house style may bring its own
 * corridor colours, and the build warns when they fail these). Pure: the unit tests and the build
 * call the same functions.
 *
 * - Apart for readers with colour-vision deficiencies: every pair of corridors differs by
 *   ΔE ≥ 20 (CIE76 in Lab, plainly different at a glance) as seen with normal vision and under
 *   simulated protanopia and deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1, in
 *   linear RGB). Tritanopia (about 1 in 10,000) is left out: there the default Laos blue and
 *   Land–Sea green come to ΔE 17, close but distinct, and the legend and panels name every
 *   corridor in words anyway.
 * - Seen on the map: every corridor colour has a contrast ratio (WCAG 2) of at least 2.5:1 against
 *   the land and the sea of each theme. WCAG 1.4.11 asks 3:1 of graphics that carry meaning on
 *   their own; a route's colour never does (the legend and panels name the corridor), and the
 *   default Okabe–Ito palette itself comes to 2.57 (Laos blue on the dark land) and 2.76 (Land–Sea
 *   green on the light sea). So a house palette is held to what the default gives, not to less.
 */
import type { RGB } from './colors.ts';

type M3 = [number, number, number, number, number, number, number, number, number];

export const SIMULATIONS = {
  normal: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
} as const satisfies Record<string, M3>;

export type Vision = keyof typeof SIMULATIONS;

/** ΔE every pair of corridors keeps, in every vision of SIMULATIONS. */
export const MIN_DELTA_E = 20;
/** Contrast ratio every corridor keeps against the land and the sea. */
export const MIN_CONTRAST = 2.5;

const toLinear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** `rgb` as seen with `vision`, in linear RGB (0…1). */
export function simulate(rgb: RGB, vision: Vision): RGB {
  const m = SIMULATIONS[vision];
  const [r, g, b] = rgb.map(toLinear) as RGB;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(m[0] * r + m[1] * g + m[2] * b),
    clamp(m[3] * r + m[4] * g + m[5] * b),
    clamp(m[6] * r + m[7] * g + m[8] * b),
  ];
}

/** CIE Lab (D65) of a linear RGB colour. */
function lab([r, g, b]: RGB): RGB {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two sRGB colours as seen with `vision`. */
export function deltaE(a: RGB, b: RGB, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = lab(simulate(a, vision));
  const [l2, a2, b2] = lab(simulate(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** WCAG 2 contrast ratio of two sRGB colours (1…21). */
export function contrastRatio(a: RGB, b: RGB): number {
  const luminance = (rgb: RGB) => {
    const [r, g, b2] = rgb.map(toLinear) as RGB;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A ground the routes are drawn on: the land or the sea of one theme. */
export interface Ground {
  name: string;
  color: RGB;
}

/**
 * Every way `palette` (a colour per corridor name) fails the checks above against `grounds`, as
 * sentences naming the corridors, the vision or ground, and the value; [] when it passes.
 */
export function checkPalette(
  palette: Readonly<Record<string, RGB>>,
  grounds: readonly Ground[],
): string[] {
  const failures: string[] = [];
  const names = Object.keys(palette);
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      for (const vision of Object.keys(SIMULATIONS) as Vision[]) {
        const d = deltaE(palette[a]!, palette[b]!, vision);
        if (d < MIN_DELTA_E) {
          failures.push(
            `${a} and ${b} are too close (${vision}: ΔE ${d.toFixed(1)}, at least ${MIN_DELTA_E})`,
          );
        }
      }
    }
  }
  for (const name of names) {
    for (const ground of grounds) {
      const ratio = contrastRatio(palette[name]!, ground.color);
      if (ratio < MIN_CONTRAST) {
        failures.push(
          `${name} has too little contrast against ${ground.name} (${ratio.toFixed(2)}:1, at least ${MIN_CONTRAST}:1)`,
        );
      }
    }
  }
  return failures;
}
