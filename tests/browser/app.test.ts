// The app end to end in real Chromium: shipped data only (every off-machine request is refused),
// pixels of land and routes, a hub opened by mouse and by keyboard, two maps on one page, and a
// data folder with a broken feature. index.html is lite first (issue 20): tests about the live
// map ask for it with live=eager; the others work on the lite view, as a reader first does.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { openPage, saveArtifact, waitForLite, waitForRendered } from './harness.ts';
import type { OpenedPage } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { mapPixels } from './pixels.ts';

const baseUrl = inject('baseUrl');
const XIAN: [number, number] = [109.0604, 34.4129];
const browser = useBrowser();

// The three tests of the live map share one page (a live start is seconds of software WebGL):
// each starts from the page as it opened — nothing selected, the camera of the link.
let live: Promise<OpenedPage> | undefined;
async function livePage(): Promise<OpenedPage> {
  live ??= openPage(browser(), `${baseUrl}/?live=eager&lang=en`, {
    width: 960,
    height: 720,
    shared: true,
  });
  const opened = await live;
  await waitForRendered(opened.page);
  // What an earlier test selected goes, by the link as a reader would change it.
  await opened.page.evaluate(() => {
    const view = new URLSearchParams(location.hash.slice(1));
    view.delete('hub');
    view.delete('route');
    location.hash = view.toString();
  });
  await expect
    .poll(() => opened.page.locator('.cm-details').getAttribute('data-selected'))
    .toBeNull();
  return opened;
}
afterAll(async () => {
  await (await live)?.context.close();
});

describe('the map page', () => {
  test('draws land, sea and every corridor from shipped data, with the network cut', async () => {
    const { page, errors, blocked } = await livePage();
    const px = await mapPixels(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'tests/screenshots/map-en.png' });
    else await saveArtifact('map-en.png', await page.screenshot());

    expect(px.land! / px.total!).toBeGreaterThan(0.2);
    expect(px.sea! / px.total!).toBeGreaterThan(0.1);
    expect(px['china-europe']).toBeGreaterThan(400);
    expect(px['china-laos']).toBeGreaterThan(40);
    expect(px['new-western-land-sea']).toBeGreaterThan(150);
    // The canvas has a text alternative: a label, and a summary of what it draws.
    const canvas = page.locator('.cm-map canvas');
    expect(await canvas.getAttribute('aria-label')).toContain('freight corridors');
    const summaryId = await canvas.getAttribute('aria-describedby');
    expect(await page.locator(`#${summaryId}`).textContent()).toMatch(
      /^9 routes of 3 corridors and 4 hubs are drawn for 2025\./,
    );
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("a click on Xi'an's marker opens its figures with their source", async () => {
    const { page, errors } = await livePage();
    const details = page.locator('.cm-details');
    await expect.poll(() => details.isVisible()).toBe(false);

    const point = await page.evaluate(
      ([lon, lat]) =>
        (
          document.querySelector('[data-corridor-map]') as HTMLElement & {
            corridorMap?: { project(lon: number, lat: number): [number, number] | undefined };
          }
        ).corridorMap?.project(lon, lat),
      XIAN,
    );
    expect(point).toBeDefined();
    await page.mouse.click(point![0], point![1]);

    await expect
      .poll(() => details.getAttribute('data-selected'), { timeout: 15_000 })
      .toBe('xian');
    const text = await details.innerText();
    expect(text).toContain('20,045 trains');
    expect(text).toMatch(/Source: .*深化区域合作 促进互联互通/);
    expect(text).toContain('as of 30 Sept 2023');
    expect(errors).toEqual([]);
  });

  test('on the live map hubs stay buttons that follow the camera, and labels stay apart', async () => {
    const { page, errors } = await livePage();
    const xian = page.locator('.cm-lite-hub[data-hub="xian"]');
    // Where the hub is drawn against where the live map puts Xi'an, in pixels.
    const offset = () =>
      page.evaluate(([lon, lat]) => {
        const root = document.querySelector('[data-corridor-map]') as HTMLElement & {
          corridorMap: { project(lon: number, lat: number): [number, number] };
        };
        const [x, y] = root.corridorMap.project(lon, lat);
        const box = document.querySelector('[data-hub="xian"] circle')!.getBoundingClientRect();
        return Math.hypot(box.x + box.width / 2 - x, box.y + box.height / 2 - y);
      }, XIAN);
    expect(await offset()).toBeLessThan(1.5);
    const before = (await xian.boundingBox())!;
    // Ctrl + wheel beside the hubs zooms in about them (the zoom buttons zoom about the centre,
    // and on this page that leaves one labelled point in view).
    await page.mouse.move(before.x + before.width / 2 - 100, before.y + before.height / 2 + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -500);
    await page.keyboard.up('Control');
    // Labels that do not overlap, by their drawn boxes.
    const labelsApart = () =>
      page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.cm-lite-label')].map((t) =>
          t.getBoundingClientRect(),
        );
        return (
          boxes.length > 3 &&
          boxes.every((a, i) =>
            boxes
              .slice(i + 1)
              .every(
                (b) =>
                  a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
              ),
          )
        );
      });
    expect(await labelsApart()).toBe(true);
    // The camera zoomed: the marker moved far and sits where the live map puts Xi'an, and once
    // the camera has settled (the marker still between two looks) the labels are placed again,
    // apart (while it moves they only follow their points and may cross).
    let last = before;
    await expect
      .poll(
        async () => {
          const now = (await xian.boundingBox())!;
          const settled = now.x === last.x && now.y === last.y;
          last = now;
          return Math.hypot(now.x - before.x, now.y - before.y) > 20 && settled;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await offset()).toBeLessThan(1.5);
    await expect.poll(labelsApart, { timeout: 5_000 }).toBe(true);
    // A keyboard reader reaches the hub over the live map and opens it.
    await xian.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cm-details').getAttribute('data-selected')).toBe('xian');
    expect(errors).toEqual([]);
  });

  test('Tab reaches the hub list, Enter opens the panel, Escape closes it and returns focus', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/?lang=en`, { width: 960, height: 720 });
    await waitForLite(page);
    let focused: string | undefined;
    for (let i = 0; i < 25 && focused !== 'xian'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.id,
      );
    }
    expect(focused).toBe('xian');
    // Arrow keys move along the hub list, and back.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(
      'lanzhou',
    );
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const details = page.locator('.cm-details');
    await expect.poll(() => details.getAttribute('data-selected')).toBe('xian');
    expect(await details.innerText()).toContain('20,045 trains');
    expect(await page.locator('[aria-live="polite"]').textContent()).toBe(
      "Xi'an International Port Area selected, Year 2025",
    );
    // Focus moved into the panel, to its heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');

    await page.keyboard.press('Escape');
    await expect.poll(() => details.isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(
      'xian',
    );
  });
});

test('two maps on one page keep separate selections', async () => {
  const { page, errors } = await openPage(browser(), `${baseUrl}/test/two-maps.html`, {
    width: 900,
    height: 1400,
  });
  // Lite first (index.html's entry): the panels work on the lite view.
  await waitForLite(page, '#a');
  await waitForLite(page, '#b');
  await page.locator('#a button[data-id="xian"]').click();
  await page.locator('#b button[data-id="china-laos"]').click();

  await expect
    .poll(() => page.locator('#a .cm-details').getAttribute('data-selected'))
    .toBe('xian');
  await expect
    .poll(() => page.locator('#b .cm-details').getAttribute('data-selected'))
    .toBe('china-laos');
  if (process.env.SCREENSHOTS)
    await page.locator('#b').screenshot({ path: 'tests/screenshots/map-zh.png' });
  expect(await page.locator('#a button[data-id="china-laos"]').getAttribute('aria-pressed')).toBe(
    'false',
  );
  expect(await page.locator('#b button[data-id="xian"]').getAttribute('aria-pressed')).toBe(
    'false',
  );
  expect(await page.locator('#a').getAttribute('lang')).toBe('en');
  expect(await page.locator('#b').getAttribute('lang')).toBe('zh');

  // The host page's own CSS (`.gazette`, before the map's stylesheet) is #b's house style:
  // background, text, the lite view's sea and the credit line; #a keeps the defaults.
  const looks = await page.evaluate(() =>
    ['#a', '#b'].map((id) => {
      const root = document.querySelector(id)!;
      return {
        bg: getComputedStyle(root).backgroundColor,
        text: getComputedStyle(root).color,
        sea: getComputedStyle(root.querySelector('.cm-lite-sea')!).fill,
        footer: root.querySelector('.cm-footer')?.textContent ?? '',
      };
    }),
  );
  expect(looks[0]).toMatchObject({ bg: 'rgb(255, 255, 255)', sea: 'rgb(223, 232, 239)' });
  expect(looks[0]!.footer).not.toContain('Gazette');
  expect(looks[1]).toMatchObject({
    bg: 'rgb(248, 241, 227)',
    text: 'rgb(43, 33, 24)',
    sea: 'rgb(207, 220, 217)',
    footer: expect.stringMatching(/^Graphic: The Host Gazette · /) as unknown,
  });

  // Destroying one map leaves the other working.
  await page.evaluate(() =>
    (
      document.querySelector('#a') as HTMLElement & { corridorMap?: { destroy(): void } }
    ).corridorMap?.destroy(),
  );
  expect(await page.locator('#a').evaluate((el) => el.childElementCount)).toBe(0);
  await page.locator('#b button[data-id="yiwu"]').click();
  await expect
    .poll(() => page.locator('#b .cm-details').getAttribute('data-selected'))
    .toBe('yiwu');
  expect(errors).toEqual([]);
});

test('a data folder with one broken route shows the problem and draws the rest', async () => {
  const { page, errors, warnings } = await openPage(
    browser(),
    `${baseUrl}/?live=eager&lang=en&data=/fixtures/broken-feature/`,
    { width: 960, height: 720 },
  );
  await waitForRendered(page);
  const problems = page.locator('.cm-problems');
  expect(await problems.isVisible()).toBe(true);
  expect(await problems.innerText()).toContain('Some data could not be shown (2)');
  await problems.locator('summary').click();
  expect(await problems.innerText()).toContain(
    'routes.geojson › changan › to: unknown hub or place "nowhere"',
  );

  expect(await page.locator('button[data-id="changan"]').count()).toBe(0);
  expect(await page.locator('button[data-id="yixinou"]').count()).toBe(1);
  const px = await mapPixels(page);
  expect(px['china-europe']).toBeGreaterThan(300);
  expect(px['china-laos']).toBeGreaterThan(40);
  expect(warnings.join('\n')).toContain('2 data problem');
  expect(errors).toEqual([]);
});
