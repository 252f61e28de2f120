/**
 * `npm run bench`: the app against a bare maplibre + deck.gl page (tests/bench/bare.html) in the
 * same run, in headless Chromium at 1280×720. Prints a table and checks the budgets as ratios,
 * since absolute numbers on software WebGL mean little. Exit 1 when a budget is exceeded.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startStaticServer } from '../browser/globalSetup.ts';
import { writeSyntheticData } from './synthetic.ts';
import { launchBrowser, openPage } from '../browser/harness.ts';

// Set from measurements here (see README). The first frame allows 2.5×: the app compiles the
// programs of five layer types (paths, arcs, markers, labels with a CJK glyph atlas) where the
// bare page compiles one, and software WebGL compiles slowly; runs measured 1.8–2.2×.
const BUDGETS = { jsGzip: 1.4, firstFrame: 2.5, fps: 0.5 };
const SECONDS = 5;
/** The app's own signal that play has started. */
const APP_PLAYING = `document.querySelector('.cm-timeline')?.getAttribute('data-playing') === 'true'`;

function gzipSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const file of readdirSync(dir)) {
    if (/\.(m?js|css)$/.test(file))
      sizes.set(file, gzipSync(readFileSync(join(dir, file)), { level: 9 }).length);
  }
  return sizes;
}
const sum = (m: Map<string, number>, re = /\.m?js$/) =>
  [...m].filter(([f]) => re.test(f)).reduce((a, [, v]) => a + v, 0);

/** Frames drawn after play starts and before counting: the first ones compile shaders. */
const WARM_UP_FRAMES = 5;

/**
 * `ready`: an expression true once the first frame is drawn; `play` starts playing; `playing`:
 * an expression true once the page says it plays (the signal, not a guess of how long it takes).
 */
async function measure(page: Page, url: string, ready: string, play: string, playing: string) {
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { timeout: 120_000, polling: 50 });
  // Both pages mark their first drawn frame; its time counts from navigation start.
  const firstFrame = await page.evaluate<number>(
    `performance.getEntriesByName('corridor:first-frame')[0].startTime`,
  );
  await page.evaluate(play);
  await page.waitForFunction(playing, undefined, { timeout: 30_000, polling: 'raf' });
  await page.evaluate(`new Promise((resolve) => {
    const tick = (left) => (left ? requestAnimationFrame(() => tick(left - 1)) : resolve());
    tick(${WARM_UP_FRAMES});
  })`);
  // A string, not a function: tsx's transform would wrap a function with helpers the page lacks.
  const frames = await page.evaluate<number>(`new Promise((resolve) => {
    let n = 0;
    const end = performance.now() + ${SECONDS * 1000};
    const tick = (now) => (now < end ? (n++, requestAnimationFrame(tick)) : resolve(n));
    requestAnimationFrame(tick);
  })`);
  return { firstFrame, fps: frames / SECONDS };
}

execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], {
  stdio: 'inherit',
});
writeSyntheticData('geo', 'dist/bench/synthetic', 10_000);
const app = gzipSizes('dist/assets');
const bare = gzipSizes('dist/bench/assets');
const server = await startStaticServer();
const browser = await launchBrowser();
const size = { width: 1280, height: 720 };
try {
  const a = await openPage(browser, 'about:blank', size);
  const appRun = await measure(
    a.page,
    `${server.url}/#year=2011&lang=en`,
    `document.querySelector('[data-corridor-map]')?.getAttribute('data-rendered') === 'true'`,
    `document.querySelector('[data-corridor-map]').corridorMap.store.getState().play()`,
    APP_PLAYING,
  );
  // Each page is closed once measured: one still playing would slow the next one's numbers.
  await a.context.close();
  const b = await openPage(browser, 'about:blank', size);
  const bareRun = await measure(
    b.page,
    `${server.url}/bench/bare.html`,
    'window.__rendered === true',
    'window.__play()',
    'window.__playing === true',
  );
  await b.context.close();
  const d = await openPage(browser, 'about:blank', size);
  const app10k = await measure(
    d.page,
    `${server.url}/?data=/bench/synthetic/&lang=en#year=2011`,
    `document.querySelector('[data-corridor-map]')?.getAttribute('data-rendered') === 'true'`,
    `document.querySelector('[data-corridor-map]').corridorMap.store.getState().play()`,
    APP_PLAYING,
  );
  await d.context.close();
  const c = await openPage(browser, 'about:blank', size);
  const bare10k = await measure(
    c.page,
    `${server.url}/bench/bare.html?n=10000`,
    'window.__rendered === true',
    'window.__play()',
    'window.__playing === true',
  );
  await c.context.close();

  console.log('\nchunks (gzip, bytes):');
  for (const [file, bytes] of [...app].sort((x, y) => y[1] - x[1]))
    console.log(`  ${String(bytes).padStart(8)}  ${file}`);
  const rows = [
    [
      'JS gzip (KB)',
      sum(app) / 1024,
      sum(bare) / 1024,
      sum(app) / sum(bare),
      `≤ ${BUDGETS.jsGzip}`,
    ],
    [
      'first frame (ms)',
      appRun.firstFrame,
      bareRun.firstFrame,
      appRun.firstFrame / bareRun.firstFrame,
      `≤ ${BUDGETS.firstFrame}`,
    ],
    ['fps while playing', appRun.fps, bareRun.fps, appRun.fps / bareRun.fps, `≥ ${BUDGETS.fps}`],
    ['fps, 10,000 routes', app10k.fps, bare10k.fps, app10k.fps / bare10k.fps, ''],
  ] as const;
  console.log('\n| measure | app | bare | ratio | budget |\n|---|---|---|---|---|');
  const f = (v: number | string) => (typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 0) : v);
  for (const r of rows) console.log(`| ${r.map(f).join(' | ')} |`);
  const over = [
    sum(app) / sum(bare) > BUDGETS.jsGzip && 'JS size',
    appRun.firstFrame / bareRun.firstFrame > BUDGETS.firstFrame && 'first frame',
    appRun.fps / bareRun.fps < BUDGETS.fps && 'frames per second',
  ].filter(Boolean);
  if (over.length) {
    console.error(`\nover budget: ${over.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
