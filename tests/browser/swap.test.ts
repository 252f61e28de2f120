// The swap from the lite view to the live map (issue 20 part 2): invisible. From the reader's reach
// until the map says it is live (`data-view="live"`), the box is photographed again and again; no
// picture may show clearly fewer route pixels or less sea than the lite view did before the reach
// (a half-drawn live map: routes missing, a land rectangle without coastline), and no picture may
// show two sets of map controls (the lite view's "+"/"−" and "Explore" beside maplibre's).
import { expect, inject, test } from 'vitest';
import { CORRIDOR_COLORS, LAND_COLORS } from '../../src/shared/colors.ts';
import { PNG } from 'pngjs';
import { openPage, waitForLite, type RGB } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const hex = (css: string): RGB => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as RGB;

test('from the reach to "live" every picture has the lite view’s routes and one set of controls', async () => {
  const { page, errors } = await openPage(browser(), `${baseUrl}/?lang=en#year=2024`, {
    width: 800,
    height: 600,
  });
  await waitForLite(page);
  const root = page.locator('[data-corridor-map]');
  const clip = (await page.locator('.cm-map').boundingBox())!;
  const palette = { sea: hex(LAND_COLORS.light.sea), ...CORRIDOR_COLORS };
  // One screenshot a sample, its pixels counted here (not in the page, whose main thread is busy
  // enough making the live map): route pixels within 40 of a corridor colour, sea within 6.
  const sample = async () => {
    const png = PNG.sync.read(await page.screenshot({ clip, scale: 'css' }));
    let routes = 0;
    let sea = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      for (const [name, c] of Object.entries(palette)) {
        const d = Math.max(...c.map((v, k) => Math.abs(v - rgb[k]!)));
        if (name === 'sea' ? d <= 6 : d <= 40) {
          if (name === 'sea') sea++;
          else routes++;
          break;
        }
      }
    }
    // A control set shows when one of its buttons is visible and not under the other view.
    const controls = await page.evaluate(() => {
      const shown = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].some((el) => {
          const box = el.getBoundingClientRect();
          if (box.width < 1 || box.height < 1 || !el.checkVisibility({ visibilityProperty: true }))
            return false;
          const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          return top === el || el.contains(top);
        });
      return { lite: shown('.cm-lite-controls button'), live: shown('.maplibregl-ctrl button') };
    });
    return { routes, sea, controls, view: await root.getAttribute('data-view') };
  };
  const lite = await sample();
  expect(lite.routes).toBeGreaterThan(500);
  expect(lite.controls).toEqual({ lite: true, live: false });

  // The reach; then pictures until the map says it is live, and two more after.
  await page.locator('.cm-lite-explore').click();
  const samples: (Awaited<ReturnType<typeof sample>> & { at: number })[] = [];
  const start = Date.now();
  let after = 0;
  while (after < 2) {
    const s = await sample();
    samples.push({ ...s, at: Date.now() - start });
    if (s.view === 'live') after++;
    if (Date.now() - start > 90_000) throw new Error('the live map did not take the box in 90 s');
  }
  const gaps = samples.slice(1).map((s, i) => s.at - samples[i]!.at);
  console.log(
    `swap: lite ${lite.routes} route px, ${lite.sea} sea px; ${samples.length} samples, ` +
      `gaps ${Math.min(...gaps)}–${Math.max(...gaps)} ms: ` +
      samples.map((s) => `${s.at}ms ${s.view} ${s.routes}/${s.sea}`).join(', '),
  );
  for (const s of samples) {
    expect(s.routes, `route pixels at ${s.at} ms (${s.view})`).toBeGreaterThan(0.7 * lite.routes);
    // Less sea: land drawn where there is none; more: land missing.
    expect(s.sea, `sea pixels at ${s.at} ms (${s.view})`).toBeGreaterThan(0.7 * lite.sea);
    expect(s.sea, `sea pixels at ${s.at} ms (${s.view})`).toBeLessThan(1.3 * lite.sea);
    expect(s.controls.lite && s.controls.live, `two control sets at ${s.at} ms`).toBe(false);
    expect(s.controls.lite || s.controls.live, `no controls at ${s.at} ms`).toBe(true);
  }
  // Live at the end, with maplibre's controls only.
  expect(samples.at(-1)!.controls).toEqual({ lite: false, live: true });
  expect(errors).toEqual([]);
});
