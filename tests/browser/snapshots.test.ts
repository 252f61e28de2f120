// Issue 22, "published stays published", on two real builds: a snippet pinned to a data snapshot
// (`data-data="2026-12-04"`) keeps its figures after the data changes and the app is rebuilt,
// while an unpinned snippet shows the new figure; the rebuild keeps the earlier snapshot in its
// output although vite empties it; and an embed.html of the first build still loads its own hashed
// chunks once the second build is copied over the deployed folder.
//
// The first build is the one `npm test` made, dist/ (this repository's data, today's snapshot),
// copied into a temporary folder; the second runs vite on a changed copy of the data
// (CORRIDOR_MAP_GEO_DIR) into that folder (--outDir, with --emptyOutDir as vite does for dist/),
// served by a server of its own. Neither dist/ (the other files serve it) nor geo/ is touched.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentHash } from '../../src/build/geoDataPlugin.ts';
import type { SnapshotManifest } from '../../src/data/snapshots.ts';
import { DATA_FILES } from '../../src/data/types.ts';
import { startStaticServer } from './globalSetup.ts';
import { openPage, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';
import { repo, viteBuild } from './viteBuild.ts';

const dist = join(repo, 'dist');
/** The first build's snapshot dates (dist/: one, or more where earlier builds left theirs). */
let firstDates: string[] = [];
/** The first build's own snapshot, and the second build's: the day after the latest. */
let A = '';
let B = '';
const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
// Xi'an's "Enterprises served" (geo/hubs.geojson): 16500 in the first build's data, 17500 after.
const OLD_FIGURE = '16,500';
const NEW_FIGURE = '17,500';

const work = mkdtempSync(join(tmpdir(), 'corridor-pin-'));
const geo = join(work, 'geo');
const out = join(work, 'out');
const deployed = join(work, 'deployed');
const servers: { url: string; close: () => Promise<void> }[] = [];
let outUrl = '';
let deployedUrl = '';
let secondBuildLog = '';

/** `vite build` of the repository with `date` as snapshot date and the data copy in `geo`. */
function build(date: string): Promise<string> {
  return viteBuild(out, { CORRIDOR_MAP_GEO_DIR: geo, CORRIDOR_MAP_SNAPSHOT_DATE: date });
}

/** A host page with one snippet per `data-data` value (none: the current data). */
function hostPage(pins: readonly (string | null)[]): string {
  const snippets = pins
    .map(
      (pin, i) =>
        `<div id="m${i}" data-corridor-map data-hub="xian" data-lang="en" data-live="never" data-controls="none"${
          pin === null ? '' : ` data-data="${pin}"`
        }></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pins</title></head>
<body>${snippets}<script src="embed.js" async></script></body></html>\n`;
}

const browser = useBrowser();

beforeAll(async () => {
  for (const file of DATA_FILES) cpSync(join(repo, 'geo', file), join(geo, file));
  cpSync(dist, out, { recursive: true });
  const first = JSON.parse(
    readFileSync(join(out, 'geo/snapshots.json'), 'utf8'),
  ) as SnapshotManifest;
  A = first.current ?? ''; // dist/ always has one: npm test builds it
  expect(A).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  firstDates = first.snapshots.map((s) => s.date);
  B = dayAfter(firstDates.at(-1)!);
  cpSync(out, deployed, { recursive: true });
  // An embed.html of the first build, as a reader's cache or a CDN may still hold it.
  cpSync(join(out, 'embed.html'), join(deployed, 'embed-first-build.html'));
  const hubs = readFileSync(join(geo, 'hubs.geojson'), 'utf8');
  expect(hubs.match(/16500/g)).toHaveLength(2);
  // A new figure, and a character no string had (鑫): the font subset, hence the hashed
  // chunks that name it, change with the second build.
  writeFileSync(
    join(geo, 'hubs.geojson'),
    hubs.replaceAll('16500', '17500').replace('"zh": "西安国际港务区"', '"zh": "西安国际港务区鑫"'),
  );
  secondBuildLog = await build(B);
  // The deploy of docs/embedding.md: copy the new build over the folder, deleting nothing.
  cpSync(out, deployed, { recursive: true, force: true });
  const page = hostPage([A, null, '2020-01-01', '2026-12-5']);
  writeFileSync(join(out, 'pins.html'), page);
  for (const root of [out, deployed]) servers.push(await startStaticServer({ root }));
  [outUrl, deployedUrl] = servers.map((s) => s.url) as [string, string];
}, 400_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(work, { recursive: true, force: true });
});

/** The frame inside the host element `selector`, once its map is in place. */
async function mapFrame(page: Page, selector: string): Promise<Frame> {
  const iframe = await page.waitForSelector(`${selector} iframe`, { timeout: 30_000 });
  const frame = await iframe.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  await expect.poll(() => frame.url(), { timeout: 30_000 }).toMatch(/embed\.html/);
  await waitForLite(frame);
  return frame;
}

/** Xi'an's "Enterprises served" as the open hub panel says it (`16,500`), or what it says. */
const enterprises = async (frame: Frame) => {
  const text = (await frame.locator('.cm-details').first().textContent()) ?? '';
  return /Enterprises served: ([\d,]+) enterprises/.exec(text)?.[1] ?? text.slice(0, 200);
};

describe('a data snapshot survives a data change and a rebuild', () => {
  test('the rebuild keeps the first snapshot, adds its own and lists both with hashes', () => {
    const manifest = JSON.parse(
      readFileSync(join(out, 'geo/snapshots.json'), 'utf8'),
    ) as SnapshotManifest;
    expect(manifest.current).toBe(B);
    expect(manifest.snapshots.map((s) => s.date)).toEqual([...firstDates, B]);
    for (const { date, files } of manifest.snapshots) {
      expect(Object.keys(files).sort()).toEqual([...DATA_FILES].sort());
      for (const [file, hash] of Object.entries(files)) {
        expect({ date, file, hash }).toEqual({
          date,
          file,
          hash: contentHash(readFileSync(join(out, 'geo', date, file))),
        });
      }
    }
    const hubs = (folder: string) => readFileSync(join(out, folder, 'hubs.geojson'), 'utf8');
    expect(hubs(`geo/${A}`)).toContain('"value": 16500');
    expect(hubs(`geo/${B}`)).toContain('"value": 17500');
    expect(hubs('geo')).toContain('"value": 17500');
    // Two dates, two snapshots: no "already exists with other data" warning.
    expect(secondBuildLog).not.toContain('already exists with other data');
  });

  test('a pinned snippet keeps the old figure; unpinned, unknown and malformed dates show the new', async () => {
    const { page, warnings, blocked, errors } = await openPage(browser(), `${outUrl}/pins.html`, {
      width: 700,
      height: 900,
    });
    const [pinned, current, unknown, malformed] = await Promise.all(
      ['#m0', '#m1', '#m2', '#m3'].map((id) => mapFrame(page, id)),
    );
    expect(new URL(pinned!.url()).searchParams.get('data')).toBe(A);
    expect(await enterprises(pinned!)).toBe(OLD_FIGURE);
    for (const frame of [current!, unknown!, malformed!]) {
      expect({ url: frame.url(), shows: await enterprises(frame) }).toEqual({
        url: frame.url(),
        shows: NEW_FIGURE,
      });
    }
    // Each fallback says why, once; nothing left 127.0.0.1.
    expect(warnings.filter((w) => w.includes('no data snapshot "2020-01-01"'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('"data=2026-12-5"'))).toHaveLength(1);
    expect(blocked).toEqual([]);
    // The unknown snapshot's four 404s are the only errors.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  test('an embed.html of the first build still loads its own chunks after the deploy', async () => {
    const entry = (file: string) =>
      /src="\.\/(assets\/embed-[^"]+\.js)"/.exec(readFileSync(join(deployed, file), 'utf8'))?.[1];
    const first = entry('embed-first-build.html');
    // The second build's font (one more character) and so its chunks have other names.
    expect(first).toMatch(/^assets\/embed-/);
    expect(entry('embed.html')).not.toBe(first);
    const assets: { url: string; status: number }[] = [];
    const { page, context, errors, blocked } = await openPage(browser(), 'about:blank', {
      width: 640,
      height: 700,
    });
    context.on('response', (response) => {
      if (response.url().includes('/assets/')) {
        assets.push({ url: response.url(), status: response.status() });
      }
    });
    await page.goto(`${deployedUrl}/embed-first-build.html?hub=xian&lang=en&data=${A}`);
    await waitForLite(page);
    expect(await enterprises(page.mainFrame())).toBe(OLD_FIGURE);
    expect(assets.map((a) => a.url)).toContain(`${deployedUrl}/${first}`);
    expect(assets.filter((a) => a.status !== 200)).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
