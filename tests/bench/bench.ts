/**
 * `npm run bench`: the app against a bare maplibre + deck.gl page (tests/bench/bare.html) in the
 * same run, in headless Chromium. Prints a table and checks the budgets, as ratios where absolute
 * numbers on software WebGL mean little and absolutely where a reader's phone sets them (DESIGN
 * §6, issues 8 and 9). Exit 1 when a budget is exceeded.
 *
 * Parts (each prints its rows; all run by default, in this order):
 * - size:       gzip -9 of every built chunk; JS of the app vs the bare page; embed.html's first
 *               load from the build (the same sum as tests/browser/size.test.ts).
 * - validate:   a synthetic folder of 10,000 and of 100,000 routes read, parsed and validated in
 *               Node by the app's own loader (src/data/loadDir.ts, what `npm run validate` runs),
 *               median of 3 runs each; 100,000 within a few seconds (issue 9).
 * - picture:    where a reader feels the first frame (issue 20 part 5), index.html as a shared
 *               link opens it, alternating with the bare page, medians of --runs: the first map
 *               picture of any kind from navigation (far below the bare page's first frame), and
 *               from a drag on the lite view to the live map's first frame (≤ 1.1× the bare
 *               page's first frame from navigation).
 * - frames:     first frame and frames per second while playing, 1280×720, real data, 10,000 and
 *               100,000 routes (app and bare page alike); 100,000 is a row of its own whose budget
 *               is that both load and play (a first frame, then frames counted while playing).
 * - bytes:      embed.html?lang=en loaded to network idle without interaction, every response's
 *               encoded (gzip) body summed; then a drag on the map and what the live map loads
 *               until it has rendered, against all the bare page's JS.
 * - memory:     30 mounts and destroys of a live map on one page (heap objects after GC, DOM
 *               nodes, listeners, live WebGL contexts: back where they started), then a live map
 *               playing for --soak seconds (default 600): heap and DOM within 10% of the start;
 *               and the browser's memory after scrolling through 20 snippets against 8.
 * - heavy:      the heavy browser tests at full size (CORRIDOR_TEST_FULL=1; tests/browser/full.ts):
 *               scale.test.ts with 10,000 routes, many.test.ts scrolling all 20 snippets,
 *               memory.test.ts with 30 mount cycles and a two-minute soak. `npm test` runs their
 *               short forms; this row fails when a full form does.
 * - lighthouse: Lighthouse 12.2.3 mobile (simulated slow 4G, 4× CPU) of index.html?lang=en (where
 *               shared links land), embed.html?lang=en, the demo article with its embeds and the
 *               bare page, alternating, median of --runs; budgets per page (LIGHTHOUSE_PAGES).
 * - inp:        every control of embed.html?lang=en (a hub, a route, play, pause, a slider step,
 *               an event mark, the table toggle, the download menu, the language switch) used by
 *               real input at 412 px with 4× CPU slowdown, each interaction's Event Timing
 *               duration (the INP measure, tests/bench/interactions.ts); the worst of --runs page
 *               loads per control, with the real data (≤ 100 ms) and 10,000 routes (≤ 200 ms);
 *               in a Chromium with CPU raster (INTERACTION_BROWSER_ARGS says why).
 *
 * Flags (`npm run bench -- --only=bytes`, or after `npm run build`,
 * `npx tsx tests/bench/bench.ts --only=lighthouse --runs=1`):
 *   --only=LIST  comma-separated parts to run: size,validate,picture,frames,bytes,memory,heavy,
 *                lighthouse,inp
 *                (default: all)
 *   --soak=S     seconds of play in the memory part (default 600)
 *   --runs=N     Lighthouse runs per page, and frame runs per page (default 3; medians reported);
 *                page loads per data set in the inp part (the worst reported)
 *   --huge=no    leave out the 100,000-route frames case (minutes per page in software WebGL)
 *   --index-live=MODE  Lighthouse of index.html with `live=MODE` (to compare with its default)
 *   --inp-data=LIST  data sets of the inp part: real,10k (default both)
 * Heavy on two shared cores: a full run takes 15–25 minutes (each Lighthouse run 1–2 minutes).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../browser/globalSetup.ts';
import { writeSyntheticData } from './synthetic.ts';
import { launchBrowser, openPage, trackWebGLContexts } from '../browser/harness.ts';
import { cycle, soak, usage } from '../browser/memory.ts';
import { EMBED_BUDGET_BYTES, embedFirstLoad, formatBreakdown, totalGzip } from './embedSize.ts';
import {
  CONTROLS,
  INTERACTION_BROWSER_ARGS,
  measureInteractions,
  worst,
  type Durations,
} from './interactions.ts';
import { medianRun, runLighthouse } from './lighthouse.ts';
import type { LighthouseRun } from './lighthouse.ts';
import { byKind, measureBare, measureEmbed, sumBytes } from './transfer.ts';
import { appFirstPicture, bareFirstPicture } from './firstPicture.ts';

// Issue 9: once the reader reaches for it, the live map costs what maplibre + deck.gl cost — it
// draws with one deck.gl program before its first frame, as the bare page does (markers and
// labels are the lite view's SVG) — and keeps most of the bare page's pace with 10,000 routes.
const BUDGETS = { jsGzip: 1.4, firstFrame: 1.1, fps: 0.9, fps10k: 0.8, firstPicture: 0.5 };
const SECONDS = 5;
// Issue 8: what a reader's phone deserves, absolute. Issue 9: the live map's JS ≤ the bare page's.
const PHONE = { score: 0.95, tbtMs: 200, lcpMs: 2000, articleCls: 0.02 };
const LIVE_JS_RATIO = 1;
// Issue 20 item 4 (DESIGN §6): every control paints within 100 ms at 4× CPU slowdown with the
// real data, 200 ms with 10,000 routes.
const INP_MS = { real: 100, synthetic: 200 };
/**
 * The language switch answers in its own frame and draws the map's text in the new language in
 * the next (src/panels/langSwitch.ts): that second frame, from the press, within the time of two
 * controls' answers.
 */
const TEXT_DRAWN_MS = { real: 200, synthetic: 400 };

const PARTS = [
  'size',
  'validate',
  'picture',
  'frames',
  'bytes',
  'memory',
  'heavy',
  'lighthouse',
  'inp',
] as const;
type Part = (typeof PARTS)[number];
const flag = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = flag('only')?.split(',') ?? [...PARTS];
for (const part of only) {
  if (!PARTS.includes(part as Part)) throw new Error(`--only: unknown part "${part}" (${PARTS})`);
}
const runs = Number(flag('runs') ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: not a positive integer`);
const enabled = (part: Part) => only.includes(part);
const soakSeconds = Number(flag('soak') ?? 600);
// --huge=no leaves out the 100,000-route case (minutes per page in software WebGL).
const huge100k = flag('huge') !== 'no';
// --index-live=visible measures index.html with another `live` mode than its default.
const liveFlag = flag('index-live');
const inpData = flag('inp-data')?.split(',') ?? ['real', '10k'];
if (!(soakSeconds > 0)) throw new Error(`--soak: not a positive number of seconds`);

/** A row of the table: `app` and `bare` in the row's unit; `ok` null where there is no budget. */
interface Row {
  measure: string;
  app: number;
  bare: number | null;
  budget: string;
  ok: boolean | null;
  digits?: number;
  /** false: no ratio column (CLS near zero on both pages makes one meaningless). */
  ratio?: false;
}
const rows: Row[] = [];
const notes: string[] = [];
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

/** The browser tests whose full forms are the bench's (their short forms run in `npm test`). */
const HEAVY_TESTS = [
  'tests/browser/scale.test.ts',
  'tests/browser/many.test.ts',
  'tests/browser/memory.test.ts',
  'tests/browser/soak.test.ts',
];

function heavyRows(): void {
  const start = Date.now();
  let ok = true;
  try {
    // The tests' own runner and checks, one file at a time, their output shown as it comes.
    execFileSync('npx', ['vitest', 'run', '--project', 'browser*', ...HEAVY_TESTS], {
      stdio: 'inherit',
      env: { ...process.env, CORRIDOR_TEST_FULL: '1' },
    });
  } catch {
    ok = false;
  }
  rows.push({
    measure: 'heavy tests at full size: 10,000 routes, 20 snippets, 30 mounts (s)',
    app: (Date.now() - start) / 1000,
    bare: null,
    budget: 'all pass',
    ok,
    digits: 0,
  });
}

// Issue 9: a newsroom's folder of 100,000 routes parsed and validated "in under a few seconds".
const VALIDATE_SECONDS = 3;
const VALIDATE_RUNS = 3;
/** The synthetic folders (under dist/, served at /bench/…), by number of routes. */
const SYNTHETIC = { 10_000: 'dist/bench/synthetic', 100_000: 'dist/bench/synthetic-100k' };
/** Waits of the 100,000-route case: software WebGL draws it in minutes, not seconds. */
const HUGE_TIMEOUT = 900_000;

/** Frames drawn after play starts and before counting: the first ones compile shaders. */
const WARM_UP_FRAMES = 5;

/**
 * `ready`: an expression true once the first frame is drawn; `play` starts playing; `playing`:
 * an expression true once the page says it plays (the signal, not a guess of how long it takes).
 */
async function measure(
  page: Page,
  url: string,
  ready: string,
  play: string,
  playing: string,
  { timeout = 120_000, seconds = SECONDS, warmUp = WARM_UP_FRAMES, minFrames = 0 } = {},
) {
  page.setDefaultTimeout(timeout);
  await page.goto(url, { timeout });
  await page.waitForFunction(ready, undefined, { timeout, polling: 50 });
  // Both pages mark their first drawn frame; its time counts from navigation start.
  const firstFrame = await page.evaluate<number>(
    `performance.getEntriesByName('corridor:first-frame')[0].startTime`,
  );
  await page.evaluate(play);
  await page.waitForFunction(playing, undefined, {
    timeout: Math.max(30_000, timeout / 4),
    polling: 'raf',
  });
  await page.evaluate(`new Promise((resolve) => {
    const tick = (left) => (left ? requestAnimationFrame(() => tick(left - 1)) : resolve());
    tick(${warmUp});
  })`);
  // A string, not a function: tsx's transform would wrap a function with helpers the page lacks.
  // Counts for `seconds`, and on until `minFrames` are drawn (a frame of 100,000 routes in
  // software WebGL can take longer than the whole count), at most until `timeout`.
  const [frames, elapsed] = await page.evaluate<[number, number]>(`new Promise((resolve) => {
    let n = 0;
    const start = performance.now();
    const end = start + ${seconds * 1000};
    const done = () => resolve([n, (performance.now() - start) / 1000]);
    setTimeout(done, ${timeout});
    const tick = (now) =>
      now < end || n < ${minFrames} ? (n++, requestAnimationFrame(tick)) : done();
    requestAnimationFrame(tick);
  })`);
  // Over the nominal count as before; over the time it took where frames were waited for.
  const fps = frames / (minFrames ? Math.max(seconds, elapsed) : seconds);
  return { firstFrame, fps, frames, seconds: elapsed };
}

execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], {
  stdio: 'inherit',
});
writeSyntheticData('geo', SYNTHETIC[10_000], 10_000);
if (enabled('validate') || enabled('frames'))
  writeSyntheticData('geo', SYNTHETIC[100_000], 100_000);
const app = gzipSizes('dist/assets');
const bare = gzipSizes('dist/bench/assets');
// gzip like a real host: Lighthouse's simulated network and the bytes rows see encoded sizes.
const server = await startStaticServer({ gzip: true });
const appRoot = `document.querySelector('[data-corridor-map]')?.getAttribute('data-rendered') === 'true'`;
const appPlay = `document.querySelector('[data-corridor-map]').corridorMap.store.getState().play()`;
const KB = 1024;

async function pictureRows(browser: Browser): Promise<void> {
  const app = () => appFirstPicture(browser, `${server.url}/?lang=en`);
  const bare = () => bareFirstPicture(browser, `${server.url}/bench/bare.html`);
  // As the frame rows: one discarded run (the GPU process, the shader compiler), then alternating.
  await bare();
  const appRuns: Awaited<ReturnType<typeof app>>[] = [];
  const bareRuns: typeof appRuns = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      appRuns.push(await app());
      bareRuns.push(await bare());
    } else {
      bareRuns.push(await bare());
      appRuns.push(await app());
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const picture = median(appRuns.map((r) => r.firstPicture));
  const reach = median(appRuns.map((r) => r.reachToLive!));
  const bareFrame = median(bareRuns.map((r) => r.firstPicture));
  notes.push(
    `first picture (${runs} runs each, alternating): app ${appRuns.map((r) => r.firstPicture.toFixed(0)).join('/')} ms, ` +
      `reach to live ${appRuns.map((r) => r.reachToLive!.toFixed(0)).join('/')} ms; ` +
      `bare first frame ${bareRuns.map((r) => r.firstPicture.toFixed(0)).join('/')} ms`,
  );
  /** A row whose budget is a multiple of the bare page's first frame. */
  const againstBare = (measure: string, app: number, times: number): Row => ({
    measure,
    app,
    bare: bareFrame,
    budget: `≤ ${times}× bare first frame`,
    ok: app <= times * bareFrame,
    digits: 0,
  });
  rows.push(
    againstBare(
      'first map picture from navigation, index.html (ms)',
      picture,
      BUDGETS.firstPicture,
    ),
    againstBare('reach (a drag) to the live first frame (ms)', reach, BUDGETS.firstFrame),
  );
}

async function frameRows(browser: Browser): Promise<void> {
  const size = { width: 1280, height: 720 };
  // Each page is closed once measured: one still playing would slow the next one's numbers.
  const run = async (
    url: string,
    ready: string,
    play: string,
    playing: string,
    options?: Parameters<typeof measure>[5],
  ) => {
    const { page, context } = await openPage(browser, 'about:blank', size);
    try {
      return await measure(page, url, ready, play, playing, options);
    } finally {
      await context.close();
    }
  };
  const bare = (n: number) =>
    [
      `${server.url}/bench/bare.html${n ? `?n=${n}` : ''}`,
      'window.__rendered === true',
      'window.__play()',
      'window.__playing === true',
    ] as const;
  // live=eager: these rows measure the live map (index.html is lite first by default).
  const app = (data: string) =>
    [`${server.url}/?live=eager${data}#year=2011&lang=en`, appRoot, appPlay, APP_PLAYING] as const;
  // The first page a browser opens pays for starting its GPU process and shader compiler: one
  // discarded run first, then app and bare alternating (app first, then bare first), medians of
  // --runs each. One run after the other in a fixed order made the app look 1.9× slower.
  const pair = async (
    appArgs: ReturnType<typeof app>,
    bareArgs: ReturnType<typeof bare>,
    options?: Parameters<typeof measure>[5],
  ) => {
    await run(...bareArgs, options);
    const apps: Awaited<ReturnType<typeof run>>[] = [];
    const bares: typeof apps = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        apps.push(await run(...appArgs, options));
        bares.push(await run(...bareArgs, options));
      } else {
        bares.push(await run(...bareArgs, options));
        apps.push(await run(...appArgs, options));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const summary = (xs: typeof apps) => ({
      firstFrame: median(xs.map((r) => r.firstFrame)),
      fps: median(xs.map((r) => r.fps)),
    });
    notes.push(
      `frames, ${appArgs[0].includes('synthetic') ? '10,000 routes' : 'real data'} (${runs} runs each, alternating): ` +
        `app first frames ${apps.map((r) => r.firstFrame.toFixed(0)).join('/')} ms, fps ${apps.map((r) => r.fps.toFixed(2)).join('/')}; ` +
        `bare ${bares.map((r) => r.firstFrame.toFixed(0)).join('/')} ms, fps ${bares.map((r) => r.fps.toFixed(2)).join('/')}`,
    );
    return [summary(apps), summary(bares)] as const;
  };
  const [appRun, bareRun] = await pair(app(''), bare(0));
  // Under a frame a second: counted for longer, or one frame more or less is a third of the rate.
  const [app10k, bare10k] = await pair(app('&data=/bench/synthetic/'), bare(10_000), {
    seconds: 15,
  });
  // 100,000 routes (issue 9): whether each page loads and plays at all, and at what rate. Minutes
  // each in software WebGL, so one warm-up frame and a longer count; a page that never draws or
  // never plays makes a failed row and a note, not a crashed bench.
  const huge = { timeout: HUGE_TIMEOUT, seconds: 20, warmUp: 1, minFrames: 2 };
  const attempt = async (name: string, measured: Promise<Awaited<ReturnType<typeof run>>>) => {
    try {
      return await measured;
    } catch (error) {
      notes.push(`100,000 routes, ${name}: ${String(error).split('\n')[0]}`);
      return undefined;
    }
  };
  const app100k = !huge100k
    ? undefined
    : await attempt(
        'app',
        run(
          `${server.url}/?live=eager&data=/bench/synthetic-100k/&lang=en#year=2011`,
          appRoot,
          appPlay,
          APP_PLAYING,
          huge,
        ),
      );
  const bare100k = !huge100k ? undefined : await attempt('bare page', run(...bare(100_000), huge));
  const seconds = (ms: number | undefined) =>
    ms === undefined ? 'none' : `${(ms / 1000).toFixed(1)} s`;
  const counted = (r: typeof app100k) =>
    r ? `${r.frames} frames in ${r.seconds.toFixed(1)} s` : 'none';
  if (huge100k)
    notes.push(
      `100,000 routes: first frame app ${seconds(app100k?.firstFrame)}, bare ${seconds(bare100k?.firstFrame)}; playing: app ${counted(app100k)}, bare ${counted(bare100k)} (1 run each)`,
    );
  rows.push(
    {
      measure: 'first frame (ms)',
      app: appRun.firstFrame,
      bare: bareRun.firstFrame,
      budget: `≤ ${BUDGETS.firstFrame}× bare`,
      ok: appRun.firstFrame / bareRun.firstFrame <= BUDGETS.firstFrame,
    },
    {
      measure: 'fps while playing',
      app: appRun.fps,
      bare: bareRun.fps,
      budget: `≥ ${BUDGETS.fps}× bare`,
      ok: appRun.fps / bareRun.fps >= BUDGETS.fps,
    },
    {
      measure: 'fps, 10,000 routes',
      app: app10k.fps,
      bare: bare10k.fps,
      budget: `≥ ${BUDGETS.fps10k}× bare`,
      ok: bare10k.fps > 0 && app10k.fps / bare10k.fps >= BUDGETS.fps10k,
    },
  );
  if (huge100k)
    rows.push({
      measure: 'fps, 100,000 routes',
      app: app100k?.fps ?? NaN,
      bare: bare100k?.fps ?? NaN,
      budget: 'loads and plays',
      // Loaded: a first frame drawn; played: at least one frame counted while playing.
      ok: app100k !== undefined && app100k.firstFrame > 0 && app100k.frames > 0,
    });
}

/**
 * Issue 9: the app's own loader (what `npm run validate` and the build run) on synthetic folders
 * of 10,000 and 100,000 routes: read, decode, parse and validate, timed in this process. Median of
 * VALIDATE_RUNS; the folder is valid, so every route must load and no problem be found.
 */
async function validateRows(): Promise<void> {
  for (const count of [10_000, 100_000] as const) {
    const times: number[] = [];
    let complete = true;
    for (let i = 0; i < VALIDATE_RUNS; i++) {
      const start = performance.now();
      const { data, problems } = await loadDataDir(SYNTHETIC[count]);
      times.push((performance.now() - start) / 1000);
      if (data.routes.length !== count || problems.length > 0) {
        complete = false;
        notes.push(
          `validate ${count}: ${data.routes.length} routes loaded, ${problems.length} problems`,
        );
      }
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(VALIDATE_RUNS / 2)]!;
    notes.push(
      `validate ${count.toLocaleString('en')} routes: ${times.map((t) => t.toFixed(2)).join(', ')} s`,
    );
    rows.push({
      measure: `parse + validate ${count.toLocaleString('en')} routes in Node (s, median of ${VALIDATE_RUNS})`,
      app: median,
      bare: null,
      digits: 2,
      budget: count === 100_000 ? `≤ ${VALIDATE_SECONDS} s` : '',
      ok: count === 100_000 ? complete && median <= VALIDATE_SECONDS : complete ? null : false,
    });
  }
}

async function byteRows(browser: Browser): Promise<void> {
  const embed = await measureEmbed(browser, `${server.url}/embed.html?lang=en`);
  const bareFetched = await measureBare(browser, `${server.url}/bench/bare.html`);
  const before = sumBytes(embed.before);
  const kinds = Object.entries(byKind(embed.before)).filter(([, v]) => v > 0);
  notes.push(
    `embed.html before interaction (KB gzip): ${kinds.map(([k, v]) => `${k} ${(v / KB).toFixed(1)}`).join(', ')}`,
  );
  if (embed.liveBeforeInteraction) {
    notes.push(
      'embed.html started the live map before any interaction: "live-map JS" counts all its JS',
    );
  }
  if (!embed.liveRendered) notes.push('embed.html: no live map rendered after a drag on the map');
  const bareJs = sumBytes(bareFetched, 'js');
  rows.push(
    {
      measure: 'before interaction, embed.html (KB gzip)',
      app: before / KB,
      bare: sumBytes(bareFetched) / KB,
      budget: `≤ ${EMBED_BUDGET_BYTES / KB} KB`,
      ok: before <= EMBED_BUDGET_BYTES,
    },
    {
      measure: 'live-map JS, after a drag (KB gzip)',
      app: embed.liveJs / KB,
      bare: bareJs / KB,
      budget: `≤ ${LIVE_JS_RATIO}× bare`,
      ok: embed.liveRendered && embed.liveJs <= LIVE_JS_RATIO * bareJs,
    },
  );
}

async function memoryRows(browser: Browser): Promise<void> {
  const MB = 1e6;
  {
    const { page, context } = await openPage(browser, 'about:blank');
    await trackWebGLContexts(context);
    await page.goto(`${server.url}/test/mount-loop.html`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cycle(page, true);
    const start = await usage(page, cdp);
    for (let i = 0; i < 30; i++) await cycle(page, true);
    const end = await usage(page, cdp);
    await context.close();
    rows.push(
      {
        measure: '30 live mounts/destroys: heap objects growth (MB)',
        app: (end.objects - start.objects) / MB,
        bare: null,
        budget: '≤ 1 MB',
        ok: end.objects - start.objects <= MB,
      },
      {
        measure: '30 live mounts/destroys: DOM nodes, listeners, contexts after − before',
        app: end.nodes - start.nodes + (end.listeners - start.listeners) + end.contexts,
        bare: null,
        budget: '= 0',
        ok: end.nodes === start.nodes && end.listeners === start.listeners && end.contexts === 0,
        digits: 0,
      },
    );
  }
  const { page, context } = await openPage(browser, 'about:blank', { width: 1280, height: 720 });
  await trackWebGLContexts(context);
  await page.goto(`${server.url}/embed.html?lang=en&live=eager`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { start, end, frames } = await soak(page, cdp, soakSeconds);
  await context.close();
  const grew = (a: number, b: number) => (b - a) / a;
  rows.push(
    {
      measure: `${soakSeconds} s of play: heap objects, end / start`,
      app: end.objects / start.objects,
      bare: null,
      budget: '≤ 1.1',
      ok: grew(start.objects, end.objects) <= 0.1,
    },
    {
      measure: `${soakSeconds} s of play: DOM nodes, end / start`,
      app: end.nodes / start.nodes,
      bare: null,
      budget: '0.9–1.1',
      ok: Math.abs(grew(start.nodes, end.nodes)) <= 0.1,
    },
  );
  notes.push(
    `soak: ${frames} frames in ${soakSeconds} s (${(frames / soakSeconds).toFixed(1)} fps)`,
  );

  // Many snippets (issue 10 item 7): the whole browser's memory (resident set of every Chromium
  // process) after scrolling through 20 snippets that go live when in view, against 8.
  const rss = () => {
    const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return out.split('\n').reduce((a, line) => a + (Number(line.trim()) || 0), 0) / 1024;
  };
  const manyPage = async (count: number) => {
    const snippets = Array.from(
      { length: count },
      (_, i) =>
        `<p style="height:400px;margin:0">${i + 1}</p><div id="m${i}" data-corridor-map data-lang="en" data-live="visible" data-controls="none"></div>`,
    ).join('');
    const { page, context } = await openPage(browser, 'about:blank', { width: 480, height: 700 });
    await page.route('**/bench-many.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body style="margin:0;width:480px">${snippets}<script src="/embed.js"></script></body>`,
      }),
    );
    await page.goto(`${server.url}/bench-many.html`);
    for (let i = 0; i < count; i++) {
      await page.locator(`#m${i}`).scrollIntoViewIfNeeded();
      const frame = await (await page.waitForSelector(`#m${i} iframe`)).contentFrame();
      await frame!.waitForFunction(
        "document.querySelector('[data-corridor-map]')?.getAttribute('data-rendered') === 'true'",
        undefined,
        { timeout: 120_000, polling: 200 },
      );
    }
    const mb = rss();
    await context.close();
    return mb;
  };
  const eight = await manyPage(8);
  const twenty = await manyPage(20);
  rows.push({
    measure: 'browser memory, 20 snippets (bare column: 8), MB of all Chromium processes',
    app: twenty,
    bare: eight,
    budget: '≤ 2× the 8',
    ok: twenty <= 2 * eight,
    digits: 0,
  });
}

/** Lighthouse budgets of each page a reader opens (issue 20): null where a figure has none. */
interface PageBudget {
  score: number;
  tbtMs: number | null;
  lcpMs: number | null;
  cls: number | null;
}
const LIGHTHOUSE_PAGES: Record<
  'index' | 'embed' | 'article',
  { name: string; budget: PageBudget }
> = {
  // Where every shared link lands (index.html#hub=xian&year=2019), mostly on phones.
  index: {
    name: 'index.html',
    budget: { score: PHONE.score, tbtMs: PHONE.tbtMs, lcpMs: PHONE.lcpMs, cls: null },
  },
  embed: {
    name: 'embed.html',
    budget: { score: 0.98, tbtMs: PHONE.tbtMs, lcpMs: PHONE.lcpMs, cls: null },
  },
  article: {
    name: 'demo article',
    budget: { score: 0.97, tbtMs: null, lcpMs: PHONE.lcpMs, cls: PHONE.articleCls },
  },
};
/**
 * Issue 20 item 4: each control's Event Timing duration at 412 px and 4× CPU, real data and
 * 10,000 routes, the worst of --runs page loads (each load uses every control once, in order).
 */
async function interactionRows(browser: Browser): Promise<void> {
  const cases = [
    {
      key: 'real',
      name: 'real data',
      url: `${server.url}/embed.html?lang=en`,
      budget: INP_MS.real,
      textBudget: TEXT_DRAWN_MS.real,
    },
    {
      key: '10k',
      name: '10,000 routes',
      url: `${server.url}/embed.html?lang=en&data=/bench/synthetic/`,
      budget: INP_MS.synthetic,
      textBudget: TEXT_DRAWN_MS.synthetic,
    },
  ].filter((c) => inpData.includes(c.key));
  for (const { name, url, budget, textBudget } of cases) {
    const loads: Durations[] = [];
    const texts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { durations, textDrawn } = await measureInteractions(browser, url, {
        timeout: 300_000,
      });
      loads.push(durations);
      texts.push(textDrawn);
      console.log(
        `inp ${name} ${i + 1}/${runs}: ${CONTROLS.map((c) => `${c} ${durations[c].toFixed(0)}`).join(', ')}; ` +
          `new language drawn ${textDrawn.toFixed(0)}`,
      );
    }
    const worstOf = worst(loads);
    for (const control of CONTROLS) {
      rows.push({
        measure: `INP, ${control}, ${name} (ms, worst of ${runs})`,
        app: worstOf[control],
        bare: null,
        digits: 0,
        budget: `≤ ${budget}`,
        ok: worstOf[control] <= budget,
      });
    }
    const slowestText = Math.max(...texts);
    rows.push({
      measure: `language switch to its text drawn, ${name} (ms, worst of ${runs})`,
      app: slowestText,
      bare: null,
      digits: 0,
      budget: `≤ ${textBudget}`,
      ok: slowestText <= textBudget,
    });
    notes.push(
      `inp, ${name}, per load (ms; 0: under Event Timing's 16 ms threshold): ` +
        CONTROLS.map((c) => `${c} ${loads.map((l) => l[c].toFixed(0)).join('/')}`).join('; '),
    );
  }
}

async function lighthouseRows(): Promise<void> {
  const pages = {
    index: `${server.url}/index.html?lang=en${liveFlag ? `&live=${liveFlag}` : ''}`,
    embed: `${server.url}/embed.html?lang=en`,
    article: `${server.url}/demo/article.html`,
    bare: `${server.url}/bench/bare.html`,
  };
  type Key = keyof typeof pages;
  const results: Record<Key, LighthouseRun[]> = { index: [], embed: [], article: [], bare: [] };
  // Alternating app and bare pages, so that a slow minute on the machine hits them alike.
  for (let i = 1; i <= runs; i++) {
    for (const [key, url] of Object.entries(pages) as [Key, string][]) {
      const result = await runLighthouse(url);
      const { score, tbt, lcp, cls } = result;
      console.log(
        `lighthouse ${i}/${runs} ${key}: ${score} (TBT ${tbt.toFixed(0)} ms, LCP ${lcp.toFixed(0)} ms, CLS ${cls.toFixed(3)})`,
      );
      results[key].push(result);
    }
  }
  const b = medianRun(results.bare);
  const medians = Object.fromEntries(
    Object.entries(results).map(([key, r]) => [key, medianRun(r)]),
  ) as Record<Key, LighthouseRun>;
  for (const [key, r] of Object.entries(medians) as [Key, LighthouseRun][]) {
    const name = key === 'bare' ? 'bare page' : LIGHTHOUSE_PAGES[key].name;
    if (r.offHost.length) notes.push(`${name}: requests off 127.0.0.1: ${r.offHost.join(' ')}`);
    for (const w of r.warnings) notes.push(`${name}: lighthouse: ${w}`);
    notes.push(
      `lighthouse ${name} runs: ${results[key].map((x) => `${x.score} (TBT ${x.tbt.toFixed(0)}, LCP ${(x.lcp / 1000).toFixed(2)} s)`).join(', ')}`,
    );
  }
  const offline = Object.values(medians).every((r) => r.offHost.length === 0);
  const n = `median of ${runs}`;
  for (const key of ['index', 'embed', 'article'] as const) {
    const { name, budget } = LIGHTHOUSE_PAGES[key];
    const r = medians[key];
    rows.push(
      {
        measure: `Lighthouse mobile, ${name} (${n})`,
        app: r.score,
        bare: b.score,
        budget: `≥ ${budget.score}`,
        ok: offline && r.score >= budget.score,
      },
      {
        measure: `TBT, ${name} (ms)`,
        app: r.tbt,
        bare: b.tbt,
        budget: budget.tbtMs === null ? '' : `≤ ${budget.tbtMs}`,
        ok: budget.tbtMs === null ? null : r.tbt <= budget.tbtMs,
      },
      {
        measure: `LCP, ${name} (s)`,
        app: r.lcp / 1000,
        bare: b.lcp / 1000,
        digits: 2,
        budget: budget.lcpMs === null ? '' : `≤ ${budget.lcpMs / 1000}`,
        ok: budget.lcpMs === null ? null : r.lcp <= budget.lcpMs,
      },
    );
    if (budget.cls !== null)
      rows.push({
        measure: `CLS, ${name}`,
        app: r.cls,
        bare: b.cls,
        budget: `≤ ${budget.cls}`,
        ok: r.cls <= budget.cls,
        digits: 3,
        ratio: false,
      });
  }
}

try {
  if (enabled('size')) {
    console.log('\nchunks (gzip, bytes):');
    for (const [file, bytes] of [...app].sort((x, y) => y[1] - x[1]))
      console.log(`  ${String(bytes).padStart(8)}  ${file}`);
    const first = embedFirstLoad('dist');
    console.log(`\nembed.html first load from the build (gzip -9):\n${formatBreakdown(first)}`);
    rows.push(
      {
        measure: 'JS gzip, all chunks (KB)',
        app: sum(app) / KB,
        bare: sum(bare) / KB,
        budget: `≤ ${BUDGETS.jsGzip}× bare`,
        ok: sum(app) / sum(bare) <= BUDGETS.jsGzip,
      },
      {
        measure: 'embed.html first load, build (KB gzip)',
        app: totalGzip(first) / KB,
        bare: null,
        budget: `≤ ${EMBED_BUDGET_BYTES / KB} KB`,
        ok: totalGzip(first) <= EMBED_BUDGET_BYTES,
      },
    );
  }
  if (enabled('validate')) await validateRows();
  if (enabled('picture') || enabled('frames') || enabled('bytes') || enabled('memory')) {
    const browser = await launchBrowser();
    try {
      if (enabled('picture')) await pictureRows(browser);
      if (enabled('frames')) await frameRows(browser);
      if (enabled('bytes')) await byteRows(browser);
      if (enabled('memory')) await memoryRows(browser);
    } finally {
      await browser.close();
    }
  }
  if (enabled('heavy')) heavyRows();
  if (enabled('inp')) {
    // A browser of its own: CPU raster (INTERACTION_BROWSER_ARGS says why).
    const browser = await launchBrowser({ extraArgs: [...INTERACTION_BROWSER_ARGS] });
    try {
      await interactionRows(browser);
    } finally {
      await browser.close();
    }
  }
  // Last, with the Playwright browser closed: each run starts its own Chromium.
  if (enabled('lighthouse')) await lighthouseRows();

  const f = (v: number | null, digits?: number) =>
    v === null ? '' : Number.isNaN(v) ? 'n/a' : v.toFixed(digits ?? (v < 10 ? 2 : 0));
  console.log('\n| measure | app | bare | ratio | budget |\n|---|---|---|---|---|');
  for (const r of rows) {
    // No ratio against nothing (a bare CLS of 0, a missing LCP).
    const ratio = r.bare === null || !(r.bare > 0) || r.ratio === false ? null : r.app / r.bare;
    const mark = r.ok === false ? ' ✗' : '';
    console.log(
      `| ${r.measure} | ${f(r.app, r.digits)} | ${f(r.bare, r.digits)} | ${f(ratio)} | ${r.budget}${mark} |`,
    );
  }
  for (const note of notes) console.log(`- ${note}`);
  const over = rows.filter((r) => r.ok === false).map((r) => r.measure);
  if (over.length) {
    console.error(`\nover budget: ${over.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
