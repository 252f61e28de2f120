// One picture (issue 20 part 1): the lite view (SVG, before any reach) and the live map (maplibre +
// deck.gl, after the reader's reach) draw the same picture at the same state. Both views are
// photographed in the map box at three sizes and two years and compared pixel by pixel:
// - the share of pixels that differ clearly (|ΔR| + |ΔG| + |ΔB| > 60) stays within 2% (the issue's
//   bound; what two renderers drawing the same content still differ by is below 1.2% here,
//   docs/architecture.md "One picture");
// - no 12 × 12 tile differs densely: anti-aliasing differs along the edges of lines, a label, a
//   marker or a box missing in one view differs in a block (a whole label is a fraction of a
//   percent of the box, below any share bound, but not below this one). The "explore the map"
//   button, the one control only the lite view has, is left out of this measure.
// And in both views every route end is inside the box and no label or marker is under the
// controls.
//
// Each size is loaded once: the lite view is photographed for both years (the year set through the
// URL hash, as a shared link does), then the reader reaches for the map and the live map is
// photographed for both years the same way. On failure the pictures and a diff (red: pixels that
// differ clearly) are saved in tests/browser/__output__/ (PARITY_ARTIFACTS=1: always).
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  nextFrames,
  openPage,
  saveArtifact,
  stableScreenshot,
  waitForLite,
  type Clip,
} from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Sum of the three channel differences above which a pixel differs clearly. */
const CLEAR = 60;
/** The most of the map box that may differ clearly (issue 20). */
const MAX_SHARE = 0.02;
/** Tiles of TILE × TILE pixels, on a grid of half a tile. */
const TILE = 12;
/**
 * The most of any tile that may differ clearly. Measured here with both views drawing the same
 * content: at most 17% (a bend of a wide route, its edges anti-aliased apart). One place label
 * (Almaty, 11 px) hidden in the live map: 34–36%; maplibre's attribution over a label: about 99%
 * (docs/architecture.md, "One picture").
 */
const MAX_TILE = 0.25;
const SIZES = [
  [1280, 720],
  [768, 900],
  [375, 800],
] as const;
const YEARS = [2012, 2024] as const;

interface Comparison {
  share: number;
  /** The densest tile's share and where it is (its top left corner in the box). */
  tile: { share: number; x: number; y: number };
  diff: Buffer;
}

/** Compares two pictures of the box; `skip` (box pixels) is left out of the tile measure. */
function compare(a: Buffer, b: Buffer, skip: Clip): Comparison {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  const { width, height } = pa;
  if (width !== pb.width || height !== pb.height)
    throw new Error(`sizes differ: ${width}×${height} and ${pb.width}×${pb.height}`);
  const out = new PNG({ width, height });
  const clear = new Uint8Array(width * height);
  let differ = 0;
  for (let p = 0; p < width * height; p++) {
    const i = 4 * p;
    const d =
      Math.abs(pa.data[i]! - pb.data[i]!) +
      Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) +
      Math.abs(pa.data[i + 2]! - pb.data[i + 2]!);
    clear[p] = d > CLEAR ? 1 : 0;
    differ += clear[p]!;
    const grey = Math.round(
      (pa.data[i]! * 0.3 + pa.data[i + 1]! * 0.59 + pa.data[i + 2]! * 0.11) * 0.3 + 178,
    );
    out.data.set(clear[p] ? [255, 0, 0, 255] : [grey, grey, grey, 255], i);
  }
  const skipped = (x: number, y: number) =>
    x < skip.x + skip.width && skip.x < x + TILE && y < skip.y + skip.height && skip.y < y + TILE;
  const tile = { share: 0, x: 0, y: 0 };
  for (let y = 0; y + TILE <= height; y += TILE / 2) {
    for (let x = 0; x + TILE <= width; x += TILE / 2) {
      if (skipped(x, y)) continue;
      let n = 0;
      for (let dy = 0; dy < TILE; dy++)
        for (let dx = 0; dx < TILE; dx++) n += clear[(y + dy) * width + x + dx]!;
      if (n / TILE ** 2 > tile.share) Object.assign(tile, { share: n / TILE ** 2, x, y });
    }
  }
  return { share: differ / (width * height), tile, diff: PNG.sync.write(out) };
}

/**
 * What the reader would miss: route ends outside the box or under the controls, and labels, hubs
 * and places under the controls, in the view shown now (the live map's projection once live).
 */
function hidden(page: Page) {
  return page.evaluate(async () => {
    type Mapped = HTMLElement & {
      corridorMap: { project(lon: number, lat: number): [number, number] };
    };
    const root = document.querySelector<Mapped>('[data-corridor-map]')!;
    const box = root.querySelector('.cm-map')!.getBoundingClientRect();
    const controls = [
      ...root.querySelectorAll('.cm-lite-group, .maplibregl-ctrl, .maplibregl-ctrl-attrib'),
    ]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const under = (r: { left: number; right: number; top: number; bottom: number }) =>
      controls.some(
        (c) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom,
      );
    const routes = (await (
      await fetch(new URL('geo/routes.geojson', document.baseURI))
    ).json()) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number][] } }[];
    };
    const missing: string[] = [];
    for (const route of routes.features) {
      const ends = [route.geometry.coordinates[0]!, route.geometry.coordinates.at(-1)!];
      for (const [lon, lat] of ends) {
        const [x, y] = root.corridorMap.project(lon, lat);
        const end = { left: x - 2, right: x + 2, top: y - 2, bottom: y + 2 };
        if (x < box.left || x > box.right || y < box.top || y > box.bottom || under(end))
          missing.push(`route ${route.properties.id} end ${lon},${lat}`);
      }
    }
    for (const label of root.querySelectorAll<SVGTextElement>('.cm-lite-label')) {
      if (under(label.getBoundingClientRect())) missing.push(`label ${label.dataset.label}`);
    }
    for (const marker of root.querySelectorAll<SVGElement>('.cm-lite-hub, .cm-lite-place')) {
      const id = marker.dataset.hub ?? marker.dataset.place;
      if (under(marker.getBoundingClientRect())) missing.push(`marker ${id}`);
    }
    return missing;
  });
}

/** Both views of one size, both years: what was measured, and what failed. */
async function oneSize(width: number, height: number) {
  const measured: string[] = [];
  const failures: string[] = [];
  const started = Date.now();
  const { page, context, errors } = await openPage(
    browser(),
    `${baseUrl}/?lang=en#year=${YEARS[0]}`,
    { width, height },
  );
  await waitForLite(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const root = page.locator('[data-corridor-map]');
  const whole = (r: { x: number; y: number; width: number; height: number }): Clip => ({
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.round(r.width),
    height: Math.round(r.height),
  });
  const clip = whole((await page.locator('.cm-map').boundingBox())!);
  // The lite view's own control, with its shadow, in the box's pixels.
  const explore = whole((await page.locator('.cm-lite-explore').boundingBox())!);
  const skip = {
    x: explore.x - clip.x - 3,
    y: explore.y - clip.y - 3,
    width: explore.width + 6,
    height: explore.height + 6,
  };
  const setYear = async (year: number) => {
    await page.evaluate((y) => (location.hash = `#year=${y}&lang=en`), year);
    await expect
      .poll(async () => Math.floor(Number(await page.locator('.cm-slider').inputValue())))
      .toBe(year);
  };
  const shots: Record<string, Buffer> = {};
  for (const year of YEARS) {
    await setYear(year);
    // The SVG is redrawn in the store's update: the next frames show it (fonts are in).
    await nextFrames(page);
    shots[`lite-${year}`] = await page.screenshot({
      clip,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    });
    for (const what of await hidden(page)) failures.push(`lite ${width}×${height}: ${what}`);
  }
  expect(await root.getAttribute('data-view')).toBe('lite');
  const lite = Date.now();
  // The reader's reach; the state stays, and the hash goes on setting the year.
  await page.locator('.cm-lite-explore').click();
  await page.waitForSelector('[data-corridor-map][data-view="live"]', { timeout: 90_000 });
  const reached = Date.now();
  for (const year of [...YEARS].reverse()) {
    await setYear(year);
    shots[`live-${year}`] = await stableScreenshot(page, clip);
    for (const what of await hidden(page)) failures.push(`live ${width}×${height}: ${what}`);
  }
  // The same box: nothing moved the layout between the pictures.
  expect(whole((await page.locator('.cm-map').boundingBox())!)).toEqual(clip);
  // The README's pictures of the two views (SCREENSHOTS=1): the same state, side by side.
  if (process.env.SCREENSHOTS && width === 1280) {
    await writeFile('tests/screenshots/view-lite.png', shots['lite-2024']!);
    await writeFile('tests/screenshots/view-live.png', shots['live-2024']!);
  }
  for (const year of YEARS) {
    const name = `parity-${width}x${height}-${year}`;
    const { share, tile, diff } = compare(shots[`lite-${year}`]!, shots[`live-${year}`]!, skip);
    const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
    measured.push(
      `${width}×${height} ${year}: ${pct(share)} (densest tile ${pct(tile.share)} at ${tile.x},${tile.y})`,
    );
    const bad = share > MAX_SHARE || tile.share > MAX_TILE;
    if (bad || process.env.PARITY_ARTIFACTS) {
      await saveArtifact(`${name}-lite.png`, shots[`lite-${year}`]!);
      await saveArtifact(`${name}-live.png`, shots[`live-${year}`]!);
      await saveArtifact(`${name}-diff.png`, diff);
    }
    if (share > MAX_SHARE) failures.push(`${name}: ${pct(share)} of the box > ${pct(MAX_SHARE)}`);
    if (tile.share > MAX_TILE)
      failures.push(
        `${name}: ${pct(tile.share)} of the tile at ${tile.x},${tile.y} > ${pct(MAX_TILE)}`,
      );
  }
  const timing = [lite - started, reached - lite, Date.now() - reached];
  measured.push(`${width}×${height} took ${timing.join(' + ')} ms (lite, reach, live)`);
  expect(errors).toEqual([]);
  await context.close();
  return { measured, failures };
}

test(
  'the lite view and the live map draw the same picture at 3 sizes × 2 years',
  { timeout: 240_000 },
  async () => {
    // The sizes side by side: each mostly waits on its own page (loading, software WebGL), and
    // the pictures do not depend on timing.
    const results = await Promise.all(SIZES.map(([width, height]) => oneSize(width, height)));
    console.log(
      `parity, clearly different pixels in the map box: ${results.flatMap((r) => r.measured).join('; ')}`,
    );
    expect(results.flatMap((r) => r.failures)).toEqual([]);
  },
);
